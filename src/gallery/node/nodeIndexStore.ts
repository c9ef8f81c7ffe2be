// The index file on disk, in the extension's workspace storage (context.storageUri), one file per
// output folder. Bytes: V8's serializer (node:v8), chosen by measurement at 20,000 results (bench
// section g, ~11 MB either way): decoding took about half the time of JSON.parse of the same rows
// (Node 24: ~27 vs ~53 ms; Node 20: ~51 vs ~78-125 ms), JSON lines were slower still (~110-138 ms,
// one parse per line), and encoding was 2-4× faster than JSON.stringify. Node documents the format
// as backward-compatible, safe to store on disk; a file an older V8 cannot read is simply rebuilt.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { IndexStore } from '../folderAccess';

/** The index file for the output folder `folderId` inside `storageDir`. */
export function indexFilePath(storageDir: string, folderId: string): string {
  return path.join(storageDir, `gallery-${createHash('sha256').update(folderId).digest('hex').slice(0, 16)}.index`);
}

/** An IndexStore keeping the index of `folderId` under `storageDir` (created on first save). */
export function createNodeIndexStore(storageDir: string, folderId: string): IndexStore {
  const file = indexFilePath(storageDir, folderId);
  return {
    async load() {
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
      return v8.deserialize(bytes) as unknown;
    },
    async save(data) {
      await mkdir(storageDir, { recursive: true });
      const temp = `${file}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`;
      try {
        await writeFile(temp, v8.serialize(data));
        await rename(temp, file);
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
    },
  };
}
