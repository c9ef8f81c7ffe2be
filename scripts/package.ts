// `npm run package`: production build + .vsix with @vscode/vsce, then a check of what it contains.
import path from 'node:path';
import { reportFatal } from './lib/errors';
import { listZipEntries } from './lib/zipEntries';
import { packageExtension } from './lib/packaging';
import { withLock } from './lib/lock';
import { repoRoot, rigLockDir } from './lib/paths';

withLock(rigLockDir, 'rig run (packaging)', packageExtension)
  .then((vsix) => {
    console.log(`rig: packaged ${path.relative(repoRoot, vsix)} (${listZipEntries(vsix).length} entries, contents checked)`);
  })
  .catch((err: unknown) => process.exit(reportFatal(err)));
