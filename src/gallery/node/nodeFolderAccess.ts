// FolderAccess on Node fs, for `file:` output folders (the workspace, Remote-SSH, WSL, containers:
// the extension host then runs where the files are). Listing is one asynchronous readdir; stats and
// reads are synchronous calls paced in slices (see ../timeSlices.ts for the measurement behind it).
import { closeSync, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import type { FolderAccess, FolderListing, StampedText } from '../folderAccess';
import type { FileStamp } from '../galleryEntry';
import { mapInSlices } from '../timeSlices';

/** Files larger than this are not read: no sidecar is anywhere near (they hold a few KB). */
export const MAX_SIDECAR_BYTES = 1024 * 1024;

const isMissing = (err: unknown): boolean => ['ENOENT', 'ENOTDIR'].includes((err as NodeJS.ErrnoException).code ?? '');

function stampOf(file: string): FileStamp | undefined {
  try {
    const stats = statSync(file, { throwIfNoEntry: false });
    return stats?.isFile() ? { mtimeMs: stats.mtimeMs, size: stats.size } : undefined;
  } catch {
    return undefined; // unreadable (permissions): as good as absent for the gallery
  }
}

// The stamp is taken on the open descriptor before reading, so a write racing the read shows up as
// a changed stamp at the next reconcile rather than being recorded as already seen.
function readStamped(file: string): StampedText | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const stats = fstatSync(fd);
    if (!stats.isFile()) return undefined;
    const stamp = { mtimeMs: stats.mtimeMs, size: stats.size };
    // Too large to be a sidecar: remembered (by stamp) as not one, without reading it.
    return { text: stats.size > MAX_SIDECAR_BYTES ? '' : readFileSync(fd, 'utf8'), stamp };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** FolderAccess for the output folder at the absolute path `root`. */
export function createNodeFolderAccess(root: string): FolderAccess {
  const absolute = (relative: string): string => path.join(root, ...relative.split('/'));
  return {
    async list(dir): Promise<FolderListing | undefined> {
      try {
        const listing: FolderListing = { files: [], folders: [] };
        for (const dirent of await readdir(absolute(dir), { withFileTypes: true })) {
          if (dirent.isDirectory()) listing.folders.push(dirent.name);
          else if (dirent.isFile() || dirent.isSymbolicLink()) listing.files.push(dirent.name);
        }
        return listing;
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    },
    stampAll: (paths) => mapInSlices(paths, (relative) => stampOf(absolute(relative))),
    readAll: (paths) => mapInSlices(paths, (relative) => readStamped(absolute(relative))),
    relativePath(absolutePath) {
      const relative = path.relative(root, absolutePath);
      if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return undefined;
      return relative.split(path.sep).join('/');
    },
  };
}
