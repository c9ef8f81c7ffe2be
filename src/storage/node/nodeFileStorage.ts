// Save storage for a folder on the extension host's own disk, through Node fs: each image streams
// into a temporary file that is moved into place without overwriting (link, or an exclusive
// create then rename), so memory stays flat however large the image, a reader never sees half a
// file, and no existing file is ever replaced. Sidecars are written the same way.
//
// Image and sidecar share a name, and another window (another process) may save the same name at
// the same moment, so the pair is claimed through the file system itself: first the sidecar's
// name, created empty and exclusively, then the image's name by link. Whoever holds the empty
// sidecar owns the name; the finished sidecar replaces only that placeholder.
import { constants } from 'node:fs';
import { access, lstat, open, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { createNodeFileSink, isPartialFileName, moveNoOverwrite, partialFileName } from './fileSink';
import { realPathInside, resolveRealPath } from '../../common/node/containment';
import { sidecarPathForStem } from '../../common/sidecarLocation';
import { outputFolderError } from '../outputFolderProblems';
import type { SaveStorage, StorageSink, StoredImage } from '../savePipeline';

/** A partial file older than this is left over from a crash: a live save writes to it (or gives up) sooner. */
const STALE_PARTIAL_MS = 15 * 60 * 1000;

// Stems (`<dir>/<base>[-n]`) whose empty placeholder sidecar this process holds, across every
// operation: two images of one result may share a base name (a template without ${seed}).
// Reserved synchronously before any await, so concurrent sinks of this process never race on the
// file system for one name.
const reservedStems = new Set<string>();
// Temporary files of saves still running in this process: never stale, however old.
const livePartials = new Set<string>();

function alreadyExists(file: string): Error {
  return Object.assign(new Error(`${path.basename(file)} already exists`), { code: 'EEXIST' });
}

/** Where a storage is and how to name it in messages. */
export interface NodeFileStorageOptions {
  /** The workspace folder the output folder must stay inside, links resolved (checked by prepare). */
  workspaceFolder?: string;
  /** The folder as the user knows it (workspace-relative), for messages; default the absolute path. */
  shownAs?: string;
}

/** Storage writing into `dir` (created on first write) with Node fs; locations are absolute paths. */
export function createNodeFileStorage(dir: string, options: NodeFileStorageOptions = {}): SaveStorage<string> {
  const key = (stem: string): string => path.join(dir, stem);
  const sidecarPath = (stem: string): string => path.join(dir, ...sidecarPathForStem(stem, 'beside').split('/'));
  let swept: Promise<void> | undefined;
  const sweepOnce = (): Promise<void> => (swept ??= removeStalePartials(dir));

  const claimName = async (stem: string): Promise<boolean> => {
    if (reservedStems.has(key(stem))) return false;
    reservedStems.add(key(stem));
    try {
      // 'wx' also fails on a dangling link at that name, which a stat() would call free.
      await (await open(sidecarPath(stem), 'wx')).close();
      return true;
    } catch (err) {
      reservedStems.delete(key(stem));
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err;
    }
  };
  const releaseName = async (stem: string): Promise<void> => {
    if (!reservedStems.has(key(stem))) return;
    await unlink(sidecarPath(stem)).catch(() => undefined);
    reservedStems.delete(key(stem));
  };

  return {
    async prepare() {
      await checkFolder(dir, options);
      await sweepOnce();
    },

    createSink(baseName: string): StorageSink<string> {
      let committed: StoredImage<string> | undefined;
      const sink = createNodeFileSink(dir, baseName, { claimName, releaseName });
      livePartials.add(sink.tempPath);
      const done = (): void => { livePartials.delete(sink.tempPath); };
      return {
        get committed() { return committed; },
        async write(chunk) {
          await sweepOnce();
          await sink.write(chunk);
        },
        async commit(type) {
          try {
            const location = await sink.commit(type);
            const fileName = path.basename(location);
            committed = { location, fileName, stem: fileName.slice(0, -(type.ext.length + 1)) };
            return location;
          } finally {
            done();
          }
        },
        async abort() {
          done();
          await sink.abort();
        },
      };
    },

    async writeSidecar(image, text) {
      const target = sidecarPath(image.stem);
      const temp = path.join(dir, partialFileName(`${image.stem}.json`));
      livePartials.add(temp);
      try {
        await writeFile(temp, text, { flag: 'wx' });
        if (reservedStems.has(key(image.stem))) {
          // Replaces only the empty placeholder this process created exclusively for the name.
          await rename(temp, target);
          reservedStems.delete(key(image.stem));
        } else if (!(await moveNoOverwrite(temp, target))) {
          throw alreadyExists(target);
        }
        return target;
      } finally {
        livePartials.delete(temp);
        await unlink(temp).catch(() => undefined);
      }
    },

    async remove(location) {
      // An image removed before its sidecar was written also gives back its placeholder.
      await releaseName(path.basename(location).replace(/\.[^.]*$/, ''));
      await unlink(location).catch(() => undefined);
    },
  };
}

// Before the paid request: the folder must stay inside the workspace once links are resolved, and
// it (or, when it does not exist yet, the deepest part of its path that does) must be a folder
// this process may write into. A folder that does not exist yet is not created here.
async function checkFolder(dir: string, options: NodeFileStorageOptions): Promise<void> {
  const shown = options.shownAs ?? dir;
  if (options.workspaceFolder) {
    const { inside, realPath } = await realPathInside(options.workspaceFolder, dir);
    if (!inside) throw outputFolderError(shown, { kind: 'outside', realPath });
  }
  let existing = dir;
  for (;;) {
    try {
      if ((await stat(existing)).isDirectory()) break;
      const parent = options.workspaceFolder ? path.relative(options.workspaceFolder, existing).split(path.sep).join('/') : existing;
      throw outputFolderError(shown, existing === dir ? { kind: 'file' } : { kind: 'parent-is-file', parent });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || path.dirname(existing) === existing) throw err;
      // A link to nowhere cannot be created through (mkdir fails on it): say so rather than after the request.
      if (code === 'ENOENT' && (await lstat(existing).then((info) => info.isSymbolicLink(), () => false))) {
        throw outputFolderError(shown, { kind: 'dangling-link', realPath: await resolveRealPath(existing) });
      }
      existing = path.dirname(existing); // missing, or below a file: look one level up
    }
  }
  try {
    await access(existing, constants.W_OK | constants.X_OK);
  } catch (err) {
    throw outputFolderError(shown, { kind: 'not-writable', code: (err as NodeJS.ErrnoException).code ?? String(err) });
  }
}

// A kill -9 during a download leaves `.x.part-<hex>` behind for ever: remove this extension's
// partial files that are old and belong to no save running in this process. Never throws.
async function removeStalePartials(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return; // no folder yet: nothing left over
  }
  const now = Date.now();
  await Promise.all(names.filter(isPartialFileName).map(async (name) => {
    const file = path.join(dir, name);
    if (livePartials.has(file)) return;
    try {
      const info = await lstat(file);
      if (info.isFile() && now - info.mtimeMs > STALE_PARTIAL_MS) await unlink(file);
    } catch {
      // gone already, or not ours to remove
    }
  }));
}
