// `npx tsx scripts/ensure-code-server.ts`: installs Node 24 + code-server into .cache/ when missing.
import { ensureCodeServer } from './lib/codeServerInstall';
import { reportFatal } from './lib/errors';

ensureCodeServer()
  .then((install) => console.log(`rig: code-server ready: ${install.codeServerBin}`))
  .catch((err: unknown) => process.exit(reportFatal(err)));
