// The formats src/imageOps writes, in one table: file extension, MIME type, default quality. A
// caller that derives the format from a referenced file name (placeholders) or a cache entry
// (gallery thumbnails) looks it up here, and the output's bytes are recognised here too.
import { sniffImageType } from '../common/imageType';

/** An encoded format the library writes (and reads). */
export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'avif';

interface FormatFacts {
  mime: string;
  /** File extensions, the usual one first. */
  extensions: readonly string[];
  /** Encoder quality when the caller gives none (1–100); undefined for lossless PNG. */
  defaultQuality?: number;
}

/** Facts about each format. AVIF's quality scale runs lower than JPEG's for the same look. */
export const IMAGE_FORMATS: Readonly<Record<ImageFormat, FormatFacts>> = {
  png: { mime: 'image/png', extensions: ['png'] },
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], defaultQuality: 80 },
  webp: { mime: 'image/webp', extensions: ['webp'], defaultQuality: 80 },
  avif: { mime: 'image/avif', extensions: ['avif'], defaultQuality: 50 },
};

/** The format for a file name or extension (`hero.webp`, `.JPG`, `jpeg`); undefined for others. */
export function formatForFileName(fileName: string): ImageFormat | undefined {
  const ext = /(?:^|\.)([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return (Object.keys(IMAGE_FORMATS) as ImageFormat[]).find((format) => ext !== undefined && IMAGE_FORMATS[format].extensions.includes(ext));
}

const ascii = (bytes: Uint8Array, offset: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(offset, offset + length));

/** True for an AVIF file: an ISO-BMFF `ftyp` box whose major or compatible brands name AVIF. */
export function isAvif(bytes: Uint8Array): boolean {
  if (bytes.length < 16 || ascii(bytes, 4, 4) !== 'ftyp') return false;
  const boxSize = Math.min(bytes.length, ((bytes[0] << 24) >>> 0) + ((bytes[1] << 16) | (bytes[2] << 8) | bytes[3]));
  // Major brand at 8, minor version at 12, then compatible brands to the end of the box.
  for (let offset = 8; offset + 4 <= boxSize; offset += offset === 8 ? 8 : 4) {
    if (['avif', 'avis'].includes(ascii(bytes, offset, 4))) return true;
  }
  return false;
}

/** The format of encoded image bytes, from their magic numbers; undefined when not one of ours. */
export function sniffFormat(bytes: Uint8Array): ImageFormat | undefined {
  const type = sniffImageType(bytes);
  if (type) return type.ext === 'jpg' ? 'jpeg' : type.ext;
  return isAvif(bytes) ? 'avif' : undefined;
}
