// Command titles as the palette shows them, read from package.json and package.nls.json, so tests
// can run a command by id and keep working when a title's wording changes.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

interface CommandContribution { command: string; title: string; category?: string }

function readJson<T>(file: string, fallback: T): T {
  const full = path.join(root, file);
  return existsSync(full) ? (JSON.parse(readFileSync(full, 'utf8')) as T) : fallback;
}

function localize(text: string, nls: Record<string, string>): string {
  const key = /^%(.+)%$/.exec(text)?.[1];
  return key !== undefined ? (nls[key] ?? text) : text;
}

/** Commands contributed by package.json. */
export function contributedCommands(): CommandContribution[] {
  const manifest = readJson<{ contributes?: { commands?: CommandContribution[] } }>('package.json', {});
  return manifest.contributes?.commands ?? [];
}

/** The palette title of a contributed command ("Ideogram: Show Log"), or undefined when not contributed. */
export function paletteTitle(commandId: string): string | undefined {
  const nls = readJson<Record<string, string>>('package.nls.json', {});
  const command = contributedCommands().find((c) => c.command === commandId);
  if (!command) return undefined;
  const title = localize(command.title, nls);
  return command.category ? `${localize(command.category, nls)}: ${title}` : title;
}

/** An English manifest string from package.nls.json ("walkthrough.title" → "Get started with Ideogram"). */
export function nlsString(key: string): string {
  const text = readJson<Record<string, string>>('package.nls.json', {})[key];
  if (text === undefined) throw new Error(`package.nls.json has no "${key}"`);
  return text;
}
