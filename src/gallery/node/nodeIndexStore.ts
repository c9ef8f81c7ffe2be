// The index file on disk, in the extension's workspace storage (context.storageUri), one file per
// output folder. Bytes: V8's serializer (node:v8), chosen by measurement at 20,000 results (bench
// section g; ~11 MB in every format, the prompts are most of it). Encoding, which runs on the
// event loop at every save, was 5-10× faster than JSON.stringify of the same rows (8-15 vs
// 60-115 ms). Decoding to entries took half the time of JSON.parse on Node 24, the extension host
// of code-server (15-33 vs 36-53 ms); on Node 20 the two were within this machine's noise
// (74-115 vs 95-110 ms); JSON lines were slower still (one parse per line). Node documents the
// format as backward-compatible, safe to store on disk; a file it cannot read is rebuilt.
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
