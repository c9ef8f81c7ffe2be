// The gallery's thumbnails: a small copy of each result image, made once and kept in the
// extension's storage (context.globalStorageUri / storageUri), never in the workspace, so a grid of
// 2,000 results does not decode 2,000 full-size PNGs and nothing appears in the user's repository.
// A thumbnail's file name is a hash of the image's path, size and modification time: an image
// rewritten in place (an upscale saved over it, an edit) gets a new thumbnail, and the one it
// replaces is removed when this cache made it. Who makes the bytes is injected (src/imageOps'
// makeThumbnail in the extension), so the cache's rules are unit-tested without the image library.
// Made on the host, once: bench f measures makeThumbnail at ~33 ms per 1024² PNG (WebAssembly),
// paid once per image version, where a webview decoding full-size images pays for every one on
// every open. Not yet measured: the webview's own decode time, and the host memory the image
// library reserves (~130-250 MB RSS, README "Dependencies") against the gallery's < 50 MB goal;
// that figure decides whether `make` runs in the host or in a child process.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { isPathInside } from '../../common/node/containment';

/** Where thumbnails are kept and how they are made. */
export interface ThumbnailCacheOptions {
  /** A folder in the extension's storage; created on the first thumbnail. */
  cacheDir: string;
  /** The workspace folders' paths: a cacheDir inside one of them is refused. */
  workspaceFolders: readonly string[];
  /** The thumbnail's bytes for an image's bytes (e.g. makeThumbnail(bytes, 256).bytes). */
  make: (image: Uint8Array) => Promise<Uint8Array>;
  /** File name extension of what `make` returns, without the dot. */
  extension: string;
}

/** Thumbnails of result images, made on first request and reused until the image changes. */
export class ThumbnailCache {
  private readonly inFlight = new Map<string, Promise<string>>();
  /** The thumbnail last handed out for each image path (to remove it once the image changes). */
  private readonly latest = new Map<string, string>();

  constructor(private readonly options: ThumbnailCacheOptions) {
    const inside = options.workspaceFolders.find((folder) => isPathInside(path.resolve(folder), path.resolve(options.cacheDir)));
    if (inside !== undefined) throw new Error(`thumbnail cache ${options.cacheDir} is inside the workspace folder ${inside}`);
  }

  /** The absolute path of the thumbnail of `imagePath`, made now if the cache has none for this version of the image. */
  async thumbnailFor(imagePath: string): Promise<string> {
    const { size, mtimeMs } = await stat(imagePath);
    const key = createHash('sha256').update(`${path.resolve(imagePath)}\0${size}\0${mtimeMs}`).digest('hex').slice(0, 32);
    const file = path.join(this.options.cacheDir, `${key}.${this.options.extension}`);
    // Two grid pages asking for one image at once make it once.
    let pending = this.inFlight.get(file);
    if (!pending) {
      pending = this.ensure(imagePath, file).finally(() => this.inFlight.delete(file));
      this.inFlight.set(file, pending);
    }
    const made = await pending;
    const previous = this.latest.get(imagePath);
    this.latest.set(imagePath, made);
    if (previous !== undefined && previous !== made) await rm(previous, { force: true });
    return made;
  }

  private async ensure(imagePath: string, file: string): Promise<string> {
    try {
      await stat(file);
      return file;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const bytes = await this.options.make(await readFile(imagePath));
    await mkdir(this.options.cacheDir, { recursive: true });
    // Written beside and renamed, so a grid never loads half a thumbnail.
    const temp = `${file}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`;
    try {
      await writeFile(temp, bytes);
      await rename(temp, file);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    return file;
  }
}
