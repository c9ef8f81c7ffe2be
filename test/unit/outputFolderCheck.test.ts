// The output folder is checked before the paid request (SaveStorage.prepare, Node fs storage):
// each problem the issue found only after the API answered now fails first, with a message that
// names the folder and the setting, and leaves the folder as it was.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { createNodeFileStorage } from '../../src/storage/node/nodeFileStorage';
import { UserFacingError } from '../../src/common/userFacingError';

describe('output folder check before the request (Node fs storage)', () => {
  let root: string;
  let ws: string;

  beforeEach(async () => {
    root = await realpath(await mkdtemp(path.join(tmpdir(), 'ideogram-folder-check-')));
    ws = path.join(root, 'ws');
    await mkdir(path.join(ws, 'assets'), { recursive: true });
  });
  afterEach(async () => {
    await chmod(path.join(ws, 'assets'), 0o755).catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  });

  const prepare = (relative: string) =>
    createNodeFileStorage(path.join(ws, ...relative.split('/')), { workspaceFolder: ws, shownAs: relative }).prepare();
  const refusal = (expected: RegExp | string) => (err: unknown) => {
    assert.ok(err instanceof UserFacingError, `not a UserFacingError: ${String(err)}`);
    assert.equal(err.settingHint, 'ideogram.outputFolder');
    if (typeof expected === 'string') assert.ok(err.message.includes(expected), err.message);
    else assert.match(err.message, expected);
    assert.match(err.message, /ideogram\.outputFolder/);
    return true;
  };

  it('accepts a folder that does not exist yet, without creating it', async () => {
    await prepare('assets/ideogram/new');
    assert.deepEqual(await readdir(path.join(ws, 'assets')), []);
  });

  it('refuses a file where the folder should be', async () => {
    await writeFile(path.join(ws, 'assets', 'ideogram'), 'a file');
    await assert.rejects(prepare('assets/ideogram'), refusal(/assets\/ideogram is a file/));
  });

  it('refuses a folder below a file', async () => {
    await writeFile(path.join(ws, 'assets', 'ideogram'), 'a file');
    await assert.rejects(prepare('assets/ideogram/sub'), refusal(/cannot be created: assets\/ideogram is a file/));
  });

  it('refuses a committed link that leads outside the workspace (assets/ideogram -> ../../elsewhere)', async () => {
    await mkdir(path.join(root, 'elsewhere'));
    await symlink('../../elsewhere', path.join(ws, 'assets', 'ideogram'));
    await assert.rejects(prepare('assets/ideogram'), refusal(`assets/ideogram leads outside the workspace folder (to ${path.join(root, 'elsewhere')})`));
  });

  it('refuses a link to a folder that does not exist (saving would fail on it)', async () => {
    await symlink('../gone', path.join(ws, 'assets', 'ideogram'));
    await assert.rejects(prepare('assets/ideogram'), refusal(/is a link to .*gone, which does not exist/));
  });

  it('refuses a read-only folder', async function () {
    const folder = path.join(ws, 'assets');
    await chmod(folder, 0o555);
    if (process.getuid?.() !== 0) {
      await assert.rejects(prepare('assets'), refusal(/assets is not writable \(EACCES\)/));
      return;
    }
    // Permissions do not stop root: check as an unprivileged user, in a process of its own.
    await chmod(root, 0o755);
    const script = `require(${JSON.stringify(path.resolve('src/storage/node/nodeFileStorage.ts'))})` +
      `.createNodeFileStorage(${JSON.stringify(folder)}, { workspaceFolder: ${JSON.stringify(ws)}, shownAs: 'assets' }).prepare()` +
      `.then(() => process.stdout.write('accepted'), (err) => process.stdout.write(err.settingHint + ': ' + err.message));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', script], { uid: 65534, gid: 65534, cwd: process.cwd() });
    assert.match(stdout, /^ideogram\.outputFolder: The output folder assets is not writable \(EACCES\)/);
  });
});
