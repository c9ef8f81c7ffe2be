// The gallery's thumbnail cache (src/gallery/node/thumbnailCache.ts) with the real image library:
// made once, reused, remade when the image changes, and never written into the workspace.
import { strict as assert } from 'node:assert';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { ThumbnailCache } from '../../src/gallery/node/thumbnailCache';
import { makeThumbnail } from '../../src/imageOps';
import { readImageSize } from '../../src/common/imageSize';
import { useWasmSharp } from '../support/wasmSharp';

function png(width: number, height: number, shade: number): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(shade);
  return PNG.sync.write(image);
}

// Every file below `dir`, relative, sorted.
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

describe('gallery thumbnail cache', () => {
  let root: string;
  let workspace: string;
  let image: string;
  let cacheDir: string;
  let made: number;
  const cache = (): ThumbnailCache => new ThumbnailCache({
    cacheDir, workspaceFolders: [workspace], extension: 'webp',
    make: async (bytes) => { made++; return (await makeThumbnail(bytes, 64)).bytes; },
  });

  before(useWasmSharp);

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'ideogram-thumbs-'));
    workspace = path.join(root, 'workspace');
    await mkdir(path.join(workspace, 'assets', 'ideogram'), { recursive: true });
    image = path.join(workspace, 'assets', 'ideogram', 'fox.png');
    await writeFile(image, png(400, 200, 90));
    cacheDir = path.join(root, 'globalStorage', 'thumbnails');
    made = 0;
  });

  afterEach(() => rm(root, { recursive: true, force: true }));

  it('makes a small copy in its storage folder once and reuses it, also across instances and concurrent requests', async () => {
    const first = await cache().thumbnailFor(image);
    assert.ok(first.startsWith(cacheDir + path.sep), first);
    assert.deepEqual(readImageSize(await readFile(first)), { width: 64, height: 32 });
    const one = cache();
    const again = await Promise.all([one.thumbnailFor(image), one.thumbnailFor(image)]);
    assert.deepEqual(again, [first, first]);
    assert.equal(made, 1, 'made once: a second instance (a reload) and two requests at once reuse the file');
  });

  it('makes a new thumbnail when the image changes and removes the stale one', async () => {
    const thumbs = cache();
    const before = await thumbs.thumbnailFor(image);
    await writeFile(image, png(100, 300, 200));
    await utimes(image, new Date(), new Date(Date.now() + 5_000)); // a different mtime even on a coarse clock
    const after = await thumbs.thumbnailFor(image);
    assert.notEqual(after, before);
    assert.equal(made, 2);
    assert.deepEqual(readImageSize(await readFile(after)), { width: 21, height: 64 });
    assert.deepEqual(await readdir(cacheDir), [path.basename(after)]);
  });

  it('never writes into the workspace, and refuses a cache folder inside it', async () => {
    const beforeFiles = await tree(workspace);
    await cache().thumbnailFor(image);
    assert.deepEqual(await tree(workspace), beforeFiles);
    assert.equal((await tree(cacheDir)).length, 1);
    assert.throws(() => new ThumbnailCache({ cacheDir: path.join(workspace, '.thumbs'), workspaceFolders: [workspace], extension: 'webp', make: (b) => Promise.resolve(b) }), /inside the workspace folder/);
  });
});
