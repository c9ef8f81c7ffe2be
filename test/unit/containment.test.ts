// The one containment check (src/common/node/containment.ts): workspace-relative paths split on both
// separators, and real paths (links resolved, also dangling ones and folders not created yet).
import { strict as assert } from 'node:assert';
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isPathInside, realPathInside, resolveRealPath } from '../../src/common/node/containment';
import { workspaceRelativeSegments } from '../../src/common/workspacePath';

describe('containment: workspace-relative paths', () => {
  it('splits on / and \\ alike, dropping empty and dot segments', () => {
    assert.deepEqual(workspaceRelativeSegments('assets/ideogram'), ['assets', 'ideogram']);
    assert.deepEqual(workspaceRelativeSegments('./a\\b/'), ['a', 'b']);
    assert.deepEqual(workspaceRelativeSegments('a//b/./c.png'), ['a', 'b', 'c.png']);
    assert.deepEqual(workspaceRelativeSegments(''), []);
    assert.deepEqual(workspaceRelativeSegments('.'), []);
  });

  it('refuses whatever leaves the folder, with either separator', () => {
    for (const text of ['../outside', 'a/../../b', 'a\\..\\..\\x.png', 'a\\..\\b', '/etc', '\\\\server\\share', 'C:/Users', 'c:x.png', '~/x', 'file:///etc/passwd', 'https://x/y.png']) {
      assert.equal(workspaceRelativeSegments(text), undefined, text);
    }
  });

  it('compares resolved paths segment by segment, not as text prefixes', () => {
    assert.ok(isPathInside('/ws', '/ws'));
    assert.ok(isPathInside('/ws', '/ws/a/b.png'));
    assert.ok(!isPathInside('/ws', '/ws-other/b.png'));
    assert.ok(!isPathInside('/ws', '/x.png'));
    assert.ok(isPathInside('/ws', '/ws/..a/b.png', path.posix), 'a name starting with two dots is inside');
  });
});

describe('containment: real paths', () => {
  let root: string;
  let ws: string;
  let outside: string;

  beforeEach(async () => {
    root = await realpath(await mkdtemp(path.join(tmpdir(), 'ideogram-containment-')));
    ws = path.join(root, 'ws');
    outside = path.join(root, 'elsewhere');
    await mkdir(path.join(ws, 'assets'), { recursive: true });
    await mkdir(outside);
    await writeFile(path.join(root, 'private.png'), 'secret');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('a committed link to a file outside is outside', async () => {
    await symlink('../../private.png', path.join(ws, 'assets', 'hero.png'));
    assert.deepEqual(await realPathInside(ws, path.join(ws, 'assets', 'hero.png')), { inside: false, realPath: path.join(root, 'private.png') });
  });

  it('a folder not created yet below a linked folder resolves through the link', async () => {
    await symlink('../../elsewhere', path.join(ws, 'assets', 'ideogram'));
    const checked = await realPathInside(ws, path.join(ws, 'assets', 'ideogram', 'new', 'deeper'));
    assert.deepEqual(checked, { inside: false, realPath: path.join(outside, 'new', 'deeper') });
  });

  it('a dangling link is followed to where it points', async () => {
    await symlink('../../elsewhere/not-yet', path.join(ws, 'assets', 'ideogram'));
    assert.equal(await resolveRealPath(path.join(ws, 'assets', 'ideogram')), path.join(outside, 'not-yet'));
    assert.equal((await realPathInside(ws, path.join(ws, 'assets', 'ideogram'))).inside, false);
  });

  it('links that stay inside, missing folders and the workspace itself are inside', async () => {
    await symlink('assets', path.join(ws, 'media'));
    assert.ok((await realPathInside(ws, path.join(ws, 'media', 'x.png'))).inside);
    assert.ok((await realPathInside(ws, path.join(ws, 'assets', 'ideogram', 'a', 'b'))).inside);
    await symlink('ws', path.join(root, 'link-to-ws'));
    assert.ok((await realPathInside(path.join(root, 'link-to-ws'), path.join(ws, 'assets'))).inside, 'a workspace opened through a link');
  });

  it('a link cycle ends with ELOOP instead of hanging', async () => {
    await symlink('b', path.join(ws, 'a'));
    await symlink('a', path.join(ws, 'b'));
    await assert.rejects(resolveRealPath(path.join(ws, 'a', 'x')), (err: NodeJS.ErrnoException) => err.code === 'ELOOP');
  });
});
