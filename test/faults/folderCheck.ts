// What must hold in an output folder after any operation, failed or not: no partial or temporary
// file, no existing file changed, every image complete, every sidecar ours and free of the key.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parseSidecar } from '../../src/common/sidecar';

/** File name → sha256 of its bytes. */
export type FolderHashes = Map<string, string>;

/** Hashes every file in `dir` (not recursive; the pipeline writes flat). */
export async function hashFolder(dir: string): Promise<FolderHashes> {
  const hashes: FolderHashes = new Map();
  for (const name of await readdir(dir)) {
    hashes.set(name, createHash('sha256').update(await readFile(path.join(dir, name))).digest('hex'));
  }
  return hashes;
}

/** True when `bytes` is a PNG whose chunks run, with their declared lengths, up to IEND (nothing cut off). */
export function isCompletePng(bytes: Uint8Array): boolean {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 8 || signature.some((b, i) => bytes[i] !== b)) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    offset += 12 + length;
    if (type === 'IEND') return offset === bytes.length;
  }
  return false;
}

/** Every problem found in `dir` compared with the hashes taken before; [] when the folder is sound. */
export async function folderProblems(dir: string, before: FolderHashes, secret: string): Promise<string[]> {
  const problems: string[] = [];
  const now = await hashFolder(dir);
  for (const [name, hash] of before) {
    if (!now.has(name)) problems.push(`${name} was deleted`);
    else if (now.get(name) !== hash) problems.push(`${name} was overwritten`);
  }
  for (const name of now.keys()) {
    if (name.startsWith('.') || name.includes('.part')) {
      problems.push(`temporary file left: ${name}`);
      continue;
    }
    if (before.has(name)) continue;
    const bytes = await readFile(path.join(dir, name));
    if (bytes.includes(Buffer.from(secret))) problems.push(`${name} contains the API key`);
    if (name.endsWith('.png')) {
      if (!isCompletePng(bytes)) problems.push(`${name} is not a complete PNG`);
      if (!now.has(name.replace(/\.png$/, '.json'))) problems.push(`${name} has no sidecar`);
    } else if (name.endsWith('.json')) {
      if (!parseSidecar(bytes.toString('utf8'))) problems.push(`${name} is not a sidecar`);
    } else {
      problems.push(`unexpected file ${name}`);
    }
  }
  return problems;
}
