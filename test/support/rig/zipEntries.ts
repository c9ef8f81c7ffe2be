// Lists the file names in a zip (a .vsix is one) from its central directory. A few lines of format
// reading instead of a dependency: we only need names, not contents.
import { readFileSync } from 'node:fs';

const endOfCentralDirectory = 0x06054b50;
const centralDirectoryEntry = 0x02014b50;

/** The names of all entries in the zip file at `zipPath`. */
export function listZipEntries(zipPath: string): string[] {
  const zip = readFileSync(zipPath);
  const eocd = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(offset) !== centralDirectoryEntry) throw new Error(`${zipPath}: corrupt central directory`);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 64 KiB, at the very end.
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === endOfCentralDirectory) return i;
  }
  throw new Error('not a zip file (no end of central directory record)');
}
