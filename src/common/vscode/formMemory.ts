// Where the `auto` request form remembers, per base URL, which 3.0 form a provider took: the
// extension's globalState (no secret in it: base URLs are logged without credentials or query).
import * as vscode from 'vscode';
import type { V3RequestForm } from '../request/capabilities';
import type { FormMemory } from '../../ideogram';
import { urlForLog } from '../provider';
import { registerCommand } from './commands';
import type { ErrorBoundary } from './errorBoundary';
import type { IdeogramLog } from './log';
import { showInformation } from './notifications';

const KEY = 'ideogram.v3.rememberedForms';

/** Command that forgets every remembered form. */
export const RESET_FORMS_COMMAND = 'ideogram.resetRequestForms';

/** The remembered forms in globalState. */
export class GlobalStateFormMemory implements FormMemory {
  constructor(private readonly state: vscode.Memento, private readonly log: IdeogramLog) {}

  private all(): Record<string, V3RequestForm> {
    const stored = this.state.get<unknown>(KEY);
    return stored && typeof stored === 'object' ? stored as Record<string, V3RequestForm> : {};
  }

  get(baseUrl: string): V3RequestForm | undefined {
    const form = this.all()[urlForLog(baseUrl)];
    return form === 'official' || form === 'crazyrouter-json' ? form : undefined;
  }

  remember(baseUrl: string, form: V3RequestForm): void {
    const key = urlForLog(baseUrl);
    if (this.all()[key] === form) return;
    this.log.info(`Ideogram 3.0 request form for ${key}: ${form} (remembered; reset with "Ideogram: Reset Remembered Request Forms")`);
    void this.state.update(KEY, { ...this.all(), [key]: form }).then(undefined, (err: unknown) => this.log.warn(`Could not remember the request form: ${String(err)}`));
  }

  /** Forgets every remembered form; returns how many there were. */
  async reset(): Promise<number> {
    const count = Object.keys(this.all()).length;
    await this.state.update(KEY, undefined);
    return count;
  }
}

/** Registers "Ideogram: Reset Remembered Request Forms". */
export function registerResetForms(boundary: ErrorBoundary, memory: GlobalStateFormMemory, log: IdeogramLog): vscode.Disposable {
  return registerCommand(boundary, RESET_FORMS_COMMAND, vscode.l10n.t('Reset Remembered Request Forms'), async () => {
    const count = await memory.reset();
    log.info(`Forgot ${count} remembered Ideogram 3.0 request form(s).`);
    void showInformation(vscode.l10n.t('Forgot the request forms remembered for {0} provider address(es); the next 3.0 request tries the official form first.', count));
    return count;
  });
}
