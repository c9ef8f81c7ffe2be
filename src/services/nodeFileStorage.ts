// Save storage for a folder on the extension host's own disk, through Node fs: each image streams
// into a temporary file that is moved into place without overwriting (link, or an exclusive
// create then rename), so memory stays flat however large the image, a reader never sees half a
// file, and no existing file is ever replaced. Sidecars are written the same way.
import { stat, unlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { createNodeFileSink, moveNoOverwrite } from '../ideogram';
import type { SaveStorage, StorageSink, StoredImage } from './savePipeline';

// Stems (`<dir>/<base>[-n]`) claimed by an image whose sidecar is not written yet, across every
// operation of this process: two images of one result may share a base name (a template without
// ${seed}), and the second must not pick the stem whose `.json` the first is about to write.
// Reserved synchronously before any await, so concurrent sinks cannot both take one stem.
const reservedStems = new Set<string>();

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

function alreadyExists(file: string): Error {
  return Object.assign(new Error(`${path.basename(file)} already exists`), { code: 'EEXIST' });
}

/** Storage writing into `dir` (created on first write) with Node fs; locations are absolute paths. */
export function createNodeFileStorage(dir: string): SaveStorage<string> {
  const key = (stem: string): string => path.join(dir, stem);
  const release = (stem: string): void => { reservedStems.delete(key(stem)); };
  return {
    createSink(baseName: string): StorageSink<string> {
      const held: string[] = [];
      let committed: StoredImage<string> | undefined;
      const sink = createNodeFileSink(dir, baseName, {
        isNameTaken: async (stem) => {
          if (reservedStems.has(key(stem))) return true;
          reservedStems.add(key(stem));
          held.push(stem);
          if (!(await exists(path.join(dir, `${stem}.json`)))) return false;
          release(stem);
          return true;
        },
      });
      const releaseAllBut = (keep?: string): void => { for (const stem of held.splice(0)) if (stem !== keep) release(stem); };
      return {
        get committed() { return committed; },
        write: (chunk) => sink.write(chunk),
        async commit(type) {
          try {
            const location = await sink.commit(type);
            const fileName = path.basename(location);
            committed = { location, fileName, stem: fileName.slice(0, -(type.ext.length + 1)) };
            releaseAllBut(committed.stem);
            return location;
          } catch (err) {
            releaseAllBut();
            throw err;
          }
        },
        async abort() {
          if (!committed) releaseAllBut();
          await sink.abort();
        },
      };
    },

    async writeSidecar(image, text) {
      const target = path.join(dir, `${image.stem}.json`);
      const temp = path.join(dir, `.${image.stem}.json.part-${Math.random().toString(36).slice(2, 10)}`);
      try {
        await writeFile(temp, text, { flag: 'wx' });
        if (!(await moveNoOverwrite(temp, target))) throw alreadyExists(target);
        return target;
      } finally {
        release(image.stem);
        await unlink(temp).catch(() => undefined);
      }
    },

    async remove(location) {
      release(path.basename(location).replace(/\.[^.]*$/, ''));
      await unlink(location).catch(() => undefined);
    },
  };
}
