// Writing one image to disk: the ImageSink that downloads stream into. It writes a temporary file
// beside the target and moves it into place only when complete, never over an existing file, so a
// folder never holds a half-written image and no file is ever replaced.
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import type { ImageSink } from '../../ideogram';
import { commitUnderFreeName } from '../freeName';

/** Options of createNodeFileSink. */
export interface NodeFileSinkOptions {
  /**
   * Claims a candidate name (`base` or `base-n`, no extension) before the image may take it, e.g.
   * by creating its sidecar's name exclusively; false when the name is taken. A claimed name the
   * image then cannot take is handed back through releaseName.
   */
  claimName?: (stem: string) => Promise<boolean>;
  /** Hands back a name claimName granted but the image did not take. */
  releaseName?: (stem: string) => Promise<void>;
}

/**
 * The temporary name a file is written under until it is complete: dot-prefixed (hidden from
 * watchers and the history), random, and recognisable by isPartialFileName after a crash.
 */
export function partialFileName(name: string): string {
  return `.${name}.part-${randomBytes(6).toString('hex')}`;
}

/** True for a name partialFileName made. */
export function isPartialFileName(name: string): boolean {
  return /^\..+\.part-[0-9a-f]{12}$/.test(name);
}

/** A sink writing `<dir>/<partialFileName(baseName)>` and renaming to `<baseName>.<ext>` (then -1, -2 …). */
export function createNodeFileSink(dir: string, baseName: string, options: NodeFileSinkOptions = {}): ImageSink & { readonly tempPath: string } {
  const safeBase = path.basename(baseName).replace(/^\.+/, '') || 'image';
  const tempPath = path.join(dir, partialFileName(safeBase));
  let handle: FileHandle | undefined;
  let opened: Promise<FileHandle> | undefined;
  let done = false;

  const ensureOpen = (): Promise<FileHandle> => {
    opened ??= (async () => {
      await mkdir(dir, { recursive: true });
      handle = await open(tempPath, 'wx');
      return handle;
    })();
    return opened;
  };
  const closeQuietly = async (): Promise<void> => {
    const current = handle;
    handle = undefined;
    await current?.close().catch(() => undefined);
  };

  return {
    tempPath,
    async write(chunk) {
      if (done) throw new Error('Image sink already finished');
      const file = await ensureOpen();
      await file.write(chunk);
    },
    async commit(type) {
      if (done) throw new Error('Image sink already finished');
      await ensureOpen();
      await closeQuietly();
      const finalPath = await claimFinalName(tempPath, dir, safeBase, type.ext, options);
      done = true;
      return finalPath;
    },
    async abort() {
      done = true;
      if (opened) await opened.catch(() => undefined);
      await closeQuietly();
      await unlink(tempPath).catch(() => undefined);
    },
  };
}

// Claims the pair's name through commitUnderFreeName (the sidecar's name first, then the image's by link).
async function claimFinalName(tempPath: string, dir: string, base: string, ext: string, names: NodeFileSinkOptions): Promise<string> {
  const { fileName } = await commitUnderFreeName(base, ext, {
    claimSidecar: (stem) => names.claimName?.(stem) ?? Promise.resolve(true),
    placeImage: (name) => moveNoOverwrite(tempPath, path.join(dir, name)),
    releaseSidecar: (stem) => names.releaseName?.(stem) ?? Promise.resolve(),
  });
  return path.join(dir, fileName);
}

/**
 * Moves a finished temporary file to `target` unless `target` exists; false when it does.
 * link() fails with EEXIST instead of replacing, so two writers can never take the same name.
 * Where hard links are unsupported, an exclusive 'wx' create claims the name, then rename fills it.
 */
export async function moveNoOverwrite(tempPath: string, target: string): Promise<boolean> {
  try {
    await link(tempPath, target);
    await unlink(tempPath);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV' && code !== 'ENOSYS') throw err;
  }
  try {
    const claim = await open(target, 'wx');
    await claim.close();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  await rename(tempPath, target);
  return true;
}
