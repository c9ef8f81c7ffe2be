// One result as the gallery keeps it in memory and in its index file: only what the grid, the
// search and the filters need. The full sidecar (parameters, provider, versions…) stays on disk and
// is read on demand, so 20,000 results cost megabytes, not the size of 20,000 parsed sidecars.
import type { ImageOperation, Sidecar } from '../common/sidecar';
import { imagePathForSidecar } from '../common/sidecarLocation';

/** Size and modification time of a file: when either differs, a sidecar is read again. */
export interface FileStamp { mtimeMs: number; size: number }

/** One result: a sidecar and the image it describes. Immutable: a change replaces the object. */
export interface GalleryEntry {
  /** The sidecar's path relative to the output folder, '/'-separated: unique and stable, the entry's id. */
  readonly id: string;
  /** The image's path relative to the output folder. */
  readonly image: string;
  readonly operation: ImageOperation;
  readonly model: string | undefined;
  /** Prompt as sent ('' for an upscale without one). */
  readonly prompt: string;
  readonly negativePrompt: string | undefined;
  /** Prompt the API says it used; undefined when it is the prompt as sent (saves memory: show `prompt`). */
  readonly returnedPrompt: string | undefined;
  /** `created_at` in ms since the epoch; the sidecar's mtime when `created_at` is not a date. */
  readonly createdAt: number;
  readonly seed: number | undefined;
  readonly width: number | undefined;
  readonly height: number | undefined;
  /** Input image of a remix/upscale, workspace-relative (as in the sidecar). */
  readonly sourceImage: string | undefined;
  /** The sidecar's stamp when it was read. */
  readonly stamp: FileStamp;
  /** The sidecar is there but its image is not (deleted or renamed by hand). */
  readonly missingImage: boolean;
}

// Model names repeat across thousands of entries: keep one string of each (bounded, in case a
// folder holds sidecars of many odd models).
const interned = new Map<string, string>();

/** The one kept copy of a short, often repeated string such as a model name. */
export function intern(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let kept = interned.get(value);
  if (kept === undefined) {
    kept = value;
    if (interned.size < 1000) interned.set(value, value);
  }
  return kept;
}

/** The entry for a parsed sidecar at `id`, whose image exists or not. */
export function entryFromSidecar(id: string, sidecar: Sidecar, stamp: FileStamp, imageExists: boolean): GalleryEntry {
  const created = Date.parse(sidecar.created_at);
  return {
    id,
    image: imagePathForSidecar(sidecar.file),
    operation: sidecar.operation,
    model: intern(sidecar.model),
    prompt: sidecar.prompt,
    negativePrompt: sidecar.negative_prompt,
    returnedPrompt: sidecar.returned_prompt === sidecar.prompt ? undefined : sidecar.returned_prompt,
    createdAt: Number.isFinite(created) ? created : stamp.mtimeMs,
    seed: sidecar.seed,
    width: sidecar.width,
    height: sidecar.height,
    sourceImage: sidecar.source_image,
    stamp: { mtimeMs: stamp.mtimeMs, size: stamp.size },
    missingImage: !imageExists,
  };
}

// The images of one request share created_at and are named `sunset`, `sunset-1` … `sunset-10`:
// comparing names without the extension (a '.' sorts after '-') and numbers by value keeps them in
// that order.
const byName = new Intl.Collator('en', { numeric: true });
function withoutExtension(id: string): string {
  const dot = id.lastIndexOf('.');
  return dot > id.lastIndexOf('/') + 1 ? id.slice(0, dot) : id;
}

/** The gallery's order: newest first; results made at the same moment by name, then by id's code units (a total order). */
export function newestFirst(a: GalleryEntry, b: GalleryEntry): number {
  if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
  return byName.compare(withoutExtension(a.id), withoutExtension(b.id)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
