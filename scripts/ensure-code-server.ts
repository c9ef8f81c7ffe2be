// `npx tsx scripts/ensure-code-server.ts`: installs Node 24 + code-server into .cache/ when missing.
import { ensureCodeServer } from '../test/support/rig/codeServerInstall';
import { reportFatal } from '../test/support/rig/errors';

ensureCodeServer()
  .then((install) => console.log(`rig: code-server ready: ${install.codeServerBin}`))
  .catch((err: unknown) => process.exit(reportFatal(err)));
