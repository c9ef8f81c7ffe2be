// Bench (d): what the extension costs before it does anything — bundle sizes, .vsix size, and the
// time to require + activate the production host bundle (with a `vscode` stand-in), as a ratio
// to requiring an empty module. Each timing runs in a fresh `node` so module caches never help.
import { execFile, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { makeTempDir, removeDir } from './lib/env';
import { median } from './lib/stats';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..');
const CHILD = path.join(__dirname, 'startupChild.cjs');

/** Iterations per variant (alternating). */
export const STARTUP_ITERATIONS = 15;

/** Figures of the start-up bench; sizes are undefined (with a reason) when they could not be measured. */
export interface StartupFigures {
  hostBundleBytes?: number;
  webviewBundleBytes?: number;
  vsixBytes?: number;
  vsixNote?: string;
  buildNote?: string;
  emptyRequireMs: number;
  extensionRequireMs: number;
  extensionRequireActivateMs: number;
  ratio: number;
  commandsRegistered: number;
}

interface ChildTiming { ms: number; requireMs: number; commands: number }

async function timeChild(mode: 'empty' | 'extension', file: string): Promise<ChildTiming> {
  const { stdout } = await run(process.execPath, [CHILD, mode, file], { cwd: ROOT, timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '') as ChildTiming;
}

// `npm run package` is the rig's production build + vsce; its output is what users install.
function packageExtension(): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
    const timer = setTimeout(() => child.kill(), 180_000);
    child.on('close', (code) => { clearTimeout(timer); resolve({ ok: code === 0, output }); });
  });
}

const sizeOf = (file: string): number | undefined => (existsSync(file) ? statSync(file).size : undefined);

/** Builds and packages once, then times require/activate against an empty module, alternating. */
export async function benchStartup(): Promise<StartupFigures> {
  const figures: Partial<StartupFigures> = {};
  const packaged = await packageExtension();
  const vsix = path.join(ROOT, 'out', 'ideogram-vscode.vsix');
  if (packaged.ok) {
    figures.vsixBytes = sizeOf(vsix);
  } else {
    figures.vsixNote = `npm run package failed: ${packaged.output.trim().split('\n').slice(-3).join(' ').slice(0, 200)}`;
    // Still measure production bundles when only vsce failed.
    await run(process.execPath, [path.join(ROOT, 'esbuild.mjs'), '--production'], { cwd: ROOT });
    figures.buildNote = 'bundles built with `node esbuild.mjs --production`';
  }
  const hostBundle = path.join(ROOT, 'dist', 'extension.js');
  figures.hostBundleBytes = sizeOf(hostBundle);
  figures.webviewBundleBytes = sizeOf(path.join(ROOT, 'dist', 'webview.js'));

  const dir = await makeTempDir('startup');
  try {
    const empty = path.join(dir, 'empty.js');
    await writeFile(empty, '');
    await timeChild('extension', hostBundle); // warm the OS file cache for both files
    await timeChild('empty', empty);
    const emptyRuns: ChildTiming[] = [];
    const extensionRuns: ChildTiming[] = [];
    for (let i = 0; i < STARTUP_ITERATIONS; i++) {
      emptyRuns.push(await timeChild('empty', empty));
      extensionRuns.push(await timeChild('extension', hostBundle));
    }
    const emptyRequireMs = median(emptyRuns.map((r) => r.ms));
    const extensionRequireActivateMs = median(extensionRuns.map((r) => r.ms));
    return {
      ...figures,
      emptyRequireMs,
      extensionRequireMs: median(extensionRuns.map((r) => r.requireMs)),
      extensionRequireActivateMs,
      ratio: extensionRequireActivateMs / emptyRequireMs,
      commandsRegistered: Math.min(...extensionRuns.map((r) => r.commands)),
    };
  } finally {
    await removeDir(dir);
  }
}
