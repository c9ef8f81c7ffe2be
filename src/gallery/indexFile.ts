// The index file's content as plain data (the Node store chooses the bytes: see
// node/nodeIndexStore.ts). Each entry is a positional row rather than an object with keys, which
// makes the file ~20% smaller and faster to decode. Anything unexpected (another version, another
// folder, a malformed row) makes the whole file stale: the index is only a cache of the sidecars,
// so rebuilding it loses nothing but time.
import { SIDECAR_SCHEMA_VERSION } from '../common/sidecar';
import { intern, type FileStamp, type GalleryEntry } from './galleryEntry';

/** Bump when GalleryEntry's fields or how they are derived from a sidecar change. */
export const INDEX_FILE_VERSION = 1;

const FORMAT = 'ideogram-gallery-index';

/** JSON files of the output folder that are not sidecars, by path, so they are not read again until they change. */
export type IgnoredFiles = Map<string, FileStamp>;

/** What the index restores from its file. */
export interface IndexContent { entries: GalleryEntry[]; ignored: IgnoredFiles }

type Row = [
  id: string, image: string, operation: string, model: string | undefined, prompt: string, negativePrompt: string | undefined,
  returnedPrompt: string | undefined, createdAt: number, seed: number | undefined, width: number | undefined, height: number | undefined,
  sourceImage: string | undefined, mtimeMs: number, size: number, missingImage: boolean,
];

const toRow = (e: GalleryEntry): Row => [e.id, e.image, e.operation, e.model, e.prompt, e.negativePrompt, e.returnedPrompt, e.createdAt,
  e.seed, e.width, e.height, e.sourceImage, e.stamp.mtimeMs, e.stamp.size, e.missingImage];

/** The index file's data for `folder` (an identity of the output folder, e.g. its path). */
export function encodeIndex(folder: string, content: { entries: readonly GalleryEntry[]; ignored: IgnoredFiles }): unknown {
  return {
    format: FORMAT, version: INDEX_FILE_VERSION, sidecarSchema: SIDECAR_SCHEMA_VERSION, folder,
    entries: content.entries.map(toRow),
    ignored: [...content.ignored].map(([id, stamp]) => [id, stamp.mtimeMs, stamp.size]),
  };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
// Optional fields: stores may write undefined as null (JSON does); both read back as undefined.
const isOptionalString = (v: unknown): v is string | undefined | null => v == null || isString(v);
const isOptionalNumber = (v: unknown): v is number | undefined | null => v == null || isNumber(v);
const OPERATIONS: ReadonlySet<unknown> = new Set(['generate', 'remix', 'upscale']);

// Runs once per entry on every reopen: plain checks, no intermediate arrays.
function fromRow(row: unknown): GalleryEntry | undefined {
  if (!Array.isArray(row) || row.length !== 15) return undefined;
  const [id, image, operation, model, prompt, negativePrompt, returnedPrompt, createdAt, seed, width, height, sourceImage, mtimeMs, size, missingImage] = row as unknown[];
  if (!isString(id) || !isString(image) || !OPERATIONS.has(operation) || !isString(prompt) || !isNumber(createdAt)
    || !isNumber(mtimeMs) || !isNumber(size) || typeof missingImage !== 'boolean'
    || !isOptionalString(model) || !isOptionalString(negativePrompt) || !isOptionalString(returnedPrompt) || !isOptionalString(sourceImage)
    || !isOptionalNumber(seed) || !isOptionalNumber(width) || !isOptionalNumber(height)) return undefined;
  return {
    id, image, operation: operation as GalleryEntry['operation'], model: intern(model ?? undefined), prompt,
    negativePrompt: negativePrompt ?? undefined, returnedPrompt: returnedPrompt ?? undefined, createdAt,
    seed: seed ?? undefined, width: width ?? undefined, height: height ?? undefined, sourceImage: sourceImage ?? undefined,
    stamp: { mtimeMs, size }, missingImage,
  };
}

/** The content of an index file for `folder`; undefined when it is absent, malformed, of another version or of another folder. */
export function decodeIndex(data: unknown, folder: string): IndexContent | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const file = data as Record<string, unknown>;
  if (file.format !== FORMAT || file.version !== INDEX_FILE_VERSION || file.sidecarSchema !== SIDECAR_SCHEMA_VERSION || file.folder !== folder) return undefined;
  if (!Array.isArray(file.entries) || !Array.isArray(file.ignored)) return undefined;
  const entries: GalleryEntry[] = new Array(file.entries.length);
  for (let i = 0; i < entries.length; i++) {
    const entry = fromRow(file.entries[i]);
    if (!entry) return undefined;
    entries[i] = entry;
  }
  const ignored: IgnoredFiles = new Map();
  for (const item of file.ignored as unknown[]) {
    if (!Array.isArray(item) || !isString(item[0]) || !isNumber(item[1]) || !isNumber(item[2])) return undefined;
    ignored.set(item[0], { mtimeMs: item[1], size: item[2] });
  }
  return { entries, ignored };
}
