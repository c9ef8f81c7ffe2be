// Runs before `npm test` and `npm run demo` (npm's pre-scripts), so the README's two commands work
// on a fresh clone: it installs the npm packages when node_modules is missing or older than the
// lock file, and the Debian packages the real-VS-Code rig needs when they are missing.
// Plain Node with no dependencies, because it runs before anything is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// chromium: the browser that shows the workbench; libkrb5-dev: headers for a native module that
// code-server builds; fonts-wqy-zenhei: CJK glyphs so Chinese UI screenshots are readable.
const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev', 'fonts-wqy-zenhei'];

function run(command, args) {
  console.log(`> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

function npmPackagesStale() {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return true;
  // npm rewrites node_modules/.package-lock.json on every install, so it is newer than a lock
  // file it was installed from; an older one means package-lock.json changed since.
  return statSync(installed).mtimeMs < statSync(path.join(root, 'package-lock.json')).mtimeMs;
}

function missingDebianPackages() {
  return DEBIAN_PACKAGES.filter((name) => {
    try {
      const status = execFileSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      return !status.includes('install ok installed');
    } catch {
      return true;
    }
  });
}

if (npmPackagesStale()) run('npm', ['ci', '--no-fund', '--no-audit']);

const missing = missingDebianPackages();
if (missing.length > 0) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`Missing Debian packages: ${missing.join(' ')}. Install them with:\n  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing]);
}
