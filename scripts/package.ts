// `npm run package`: production build + .vsix with @vscode/vsce, then a check of what it contains.
import path from 'node:path';
import { reportFatal } from '../test/support/rig/errors';
import { listZipEntries } from '../test/support/rig/zipEntries';
import { packageExtension } from '../test/support/rig/packaging';
import { withLock } from '../test/support/rig/lock';
import { repoRoot, rigLockDir } from '../test/support/rig/paths';

withLock(rigLockDir, 'rig run (packaging)', packageExtension)
  .then((vsix) => {
    console.log(`rig: packaged ${path.relative(repoRoot, vsix)} (${listZipEntries(vsix).length} entries, contents checked)`);
  })
  .catch((err: unknown) => process.exit(reportFatal(err)));
