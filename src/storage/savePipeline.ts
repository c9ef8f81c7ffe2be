// The one save path for API results, shared by the commands (through ImageService), the Studio,
// the LM tools, the benchmarks and the fault suite: safe images are streamed in parallel (bounded)
// into a storage, each gets its sidecar as soon as it is committed, and on cancel — or when no
// image could be saved — everything this operation wrote is removed again. Images that could not
// be saved stay savable: their links live for a while, so "Save again" downloads them again
// without a new (paid) request. No `vscode` here, so it runs (and is measured) in plain Node;
// where the files go is the storage's business.
import type { Dispatcher } from 'undici';
import { downloadAll, type GeneratedImage, type ImageResult, type ImageSink } from '../ideogram';
import { IdeogramError, UnsavedImagesError, type UnsavedImages } from '../common/errors';
import { urlForLog } from '../common/provider';
import { readImageSize, type ImageSize } from '../common/imageSize';
import { expandFileNameTemplate } from '../common/naming';
import { redactStrings } from '../common/redact';
import { buildSidecar, serializeSidecar, type ImageOperation, type Sidecar, type V3SidecarFacts } from '../common/sidecar';

/** Downloads at once per operation: enough to hide latency, few enough to bound memory and sockets. */
export const SAVE_CONCURRENCY = 4;
/** JPEG keeps its size after EXIF/ICC segments; no header we read lies beyond this. */
const SIZE_HEAD_LIMIT = 256 * 1024;

/** An image a storage has committed under its final name. */
export interface StoredImage<L> {
  location: L;
  /** `<base>` or `<base>-n`: the sidecar is `<stem>.json` beside the image. */
  stem: string;
  fileName: string;
}

/** A sink for one image that remembers where its commit put it. */
export interface StorageSink<L> extends ImageSink {
  /** Set once commit succeeded. */
  readonly committed: StoredImage<L> | undefined;
}

/** Where one operation's files go (a local folder through Node fs, or workspace.fs for remote schemes). */
export interface SaveStorage<L> {
  /**
   * Checks, before the paid request, that the folder can take the files: inside the workspace
   * (links resolved), a folder or creatable, writable. Throws a UserFacingError naming the folder
   * and the setting. Also removes stale partial files a crash left there.
   */
  prepare(): Promise<void>;
  /** A sink whose commit takes `<baseName>[-n].<ext>`, choosing n so that `<baseName>[-n].json` is free too. */
  createSink(baseName: string): StorageSink<L>;
  /** Writes `<stem>.json` beside a committed image, atomically and never over an existing file. */
  writeSidecar(image: StoredImage<L>, text: string): Promise<L>;
  /** Removes a file this operation wrote (cleanup only: never throws). */
  remove(location: L): Promise<void>;
}

/** One image saved with its sidecar. */
export interface SavedFile<L> {
  image: L;
  sidecarLocation: L;
  fileName: string;
  sidecar: Sidecar;
  bytes: number;
  mime: string;
  size?: ImageSize;
}

/** What a save produced. */
export interface SaveOutcome<L> {
  /** In the order of the API's images. */
  saved: SavedFile<L>[];
  /** Images the safety filter blocked (or returned without a link): nothing written for them. */
  blocked: number;
  /** Images whose download or writing failed while others were saved. */
  failed: number;
  firstFailure?: IdeogramError;
  /** The `failed` images, savable again without a new request. */
  unsaved?: UnsavedImages<SaveOutcome<L>>;
}

/** The same pending images with `saveAgain` resolving to `map(result)`, also for later attempts. */
export function mapUnsaved<R, S>(unsaved: UnsavedImages<R>, map: (result: R) => S): UnsavedImages<S> {
  return {
    ...unsaved,
    saveAgain: (options) => unsaved.saveAgain(options).then(map, (err: unknown) => {
      throw err instanceof UnsavedImagesError ? new UnsavedImagesError(mapUnsaved(err.unsaved as UnsavedImages<R>, map)) : err;
    }),
  };
}

/** A failure of the storage (folder, disk), as opposed to the download: marks a local failure. */
export class LocalSaveError extends Error {
  /** The file system's code (EACCES, ENOSPC…), else the message: shown in "could not be saved (…)". */
  readonly code: string;

  constructor(cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? (cause instanceof Error ? cause.message : String(cause));
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'LocalSaveError';
    this.code = code;
  }
}

function isLocalFailure(error: IdeogramError): boolean {
  return error.cause instanceof LocalSaveError;
}

/** Lines for the user's log; the pipeline never logs URLs with their query (signed links). */
export interface SaveLog { info(message: string): void; warn(message: string): void }

/** Everything one save needs. */
export interface SaveJob<L> {
  operation: ImageOperation;
  /** The request as sent, API field names (goes into every sidecar as `parameters`). */
  request: Record<string, unknown>;
  result: ImageResult;
  storage: SaveStorage<L>;
  fileNameTemplate: string;
  provider: string;
  extensionVersion: string;
  /** Removes known secrets from text: applied to every field of the request and the result before naming and sidecars. */
  redact(text: string): string;
  /** Workspace-relative input image of remix/upscale. */
  sourceImage?: string;
  /** Ideogram 3.0: endpoint, form and files, recorded in every sidecar. */
  v3?: V3SidecarFacts;
  signal?: AbortSignal;
  /** The client's dispatcher, so downloads go through the same proxy. */
  dispatcher?: Dispatcher;
  timeoutMs?: number;
  concurrency?: number;
  log?: SaveLog;
  /** Called after each image and its sidecar are in place. */
  onSaved?(done: number, total: number): void;
}

type SafeImage = GeneratedImage & { url: string };

/**
 * Saves every safe image of `job.result`. Resolves when at least one image was saved (or none was
 * safe); rejects with 'cancelled' when the signal fired, else with the first failure when every
 * download failed — in both cases after removing whatever this operation had written.
 */
export async function saveImages<L>(job: SaveJob<L>): Promise<SaveOutcome<L>> {
  const now = new Date();
  const started = Date.now();
  // A relay may echo the key in any field it returns (or a prompt may hold it): none of it reaches a
  // file name or a sidecar. Only the download link is kept as given, to fetch the image.
  const request = redactStrings(job.request, job.redact);
  const safe = job.result.images
    .filter((image): image is SafeImage => image.is_image_safe && typeof image.url === 'string' && image.url !== '')
    .map((image) => ({ ...redactStrings(image, job.redact), url: image.url }));
  const blocked = job.result.images.length - safe.length;
  const saved: (SavedFile<L> | undefined)[] = [];
  const written: L[] = [];
  let done = 0;
  const items = safe.map((image, index) => ({
    url: image.url,
    sink: new SidecarWritingSink(job.storage.createSink(baseNameFor(job, request, image, index, now)), async (committed, type, bytes, size) => {
      written.push(committed.location);
      const sidecar = buildSidecar({
        operation: job.operation, request, image, apiCreated: job.result.created, sourceImage: job.sourceImage,
        provider: job.provider, extensionVersion: job.extensionVersion, file: committed.fileName, now, size, mime: type.mime, bytes, v3: job.v3,
      });
      const sidecarLocation = await job.storage.writeSidecar(committed, serializeSidecar(sidecar));
      written.push(sidecarLocation);
      saved[index] = { image: committed.location, sidecarLocation, fileName: committed.fileName, sidecar, bytes, mime: type.mime, size };
      // Time since the downloads began: what the user waited for this image, queueing included.
      job.log?.info(`GET ${urlForLog(image.url)} → saved ${bytes} B as ${committed.fileName} in ${Date.now() - started} ms`);
      job.onSaved?.(++done, safe.length);
    }, (location) => job.storage.remove(location)),
  }));
  try {
    const outcomes = await downloadAll(items, {
      signal: job.signal, dispatcher: job.dispatcher, timeoutMs: job.timeoutMs, concurrency: job.concurrency ?? SAVE_CONCURRENCY,
    });
    if (job.signal?.aborted) throw new IdeogramError('cancelled', 'Cancelled.');
    const failures = outcomes.flatMap((o) => (o.ok ? [] : [o.error]));
    const kept = saved.filter((s): s is SavedFile<L> => s !== undefined);
    for (const failure of failures) job.log?.warn(`${job.operation}: an image could not be saved: ${failure.message}`);
    const unsaved = failures.length > 0 ? unsavedImages(job, safe.filter((_, index) => !outcomes[index].ok), failures) : undefined;
    if (unsaved && kept.length === 0) throw new UnsavedImagesError(unsaved);
    if (blocked > 0) job.log?.info(`${job.operation}: images blocked by the safety filter: ${blocked}; nothing written for them`);
    return { saved: kept, blocked, failed: failures.length, firstFailure: failures[0], unsaved };
  } catch (err) {
    await Promise.all(written.map((location) => job.storage.remove(location)));
    throw err;
  }
}

// The images that failed, with the job that saves just them again: same request, same storage,
// same links; no API call.
function unsavedImages<L>(job: SaveJob<L>, images: SafeImage[], failures: IdeogramError[]): UnsavedImages<SaveOutcome<L>> {
  return {
    count: images.length,
    cause: failures[0],
    local: failures.every(isLocalFailure),
    saveAgain: (options = {}) => saveImages({
      ...job, result: { ...job.result, images }, signal: options.signal, onSaved: options.onSaved,
    }),
  };
}

function baseNameFor(job: SaveJob<unknown>, request: Record<string, unknown>, image: SafeImage, index: number, date: Date): string {
  const { prompt, model } = request;
  return expandFileNameTemplate(job.fileNameTemplate, {
    prompt: typeof prompt === 'string' && prompt ? prompt : image.prompt,
    seed: image.seed, model: typeof model === 'string' ? model : undefined, operation: job.operation, index: index + 1, date,
    sourceImage: job.sourceImage,
  });
}

// Whatever the storage throws is a local failure (the download itself went fine).
async function local<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (err) {
    throw new LocalSaveError(err);
  }
}

type AfterCommit<L> = (committed: StoredImage<L>, type: { mime: string; ext: string }, bytes: number, size: ImageSize | undefined) => Promise<void>;

// Wraps a storage sink so the sidecar is written inside commit: per-image progress and a complete
// image+sidecar pair before the next download finishes, and the image removed again when its
// sidecar cannot be written (downloadImage then reports the failure like any other sink error).
// Only the header bytes are kept (to read the pixel size), never the image.
class SidecarWritingSink<L> implements ImageSink {
  private bytes = 0;
  private head: Uint8Array = new Uint8Array(0);
  private size: ImageSize | undefined;
  private sizeSettled = false;

  constructor(private readonly inner: StorageSink<L>, private readonly afterCommit: AfterCommit<L>, private readonly remove: (location: L) => Promise<void>) {}

  async write(chunk: Uint8Array): Promise<void> {
    this.bytes += chunk.byteLength;
    if (!this.sizeSettled) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, SIZE_HEAD_LIMIT - this.head.byteLength)]);
      this.size = readImageSize(this.head);
      this.sizeSettled = this.size !== undefined || this.head.byteLength >= SIZE_HEAD_LIMIT;
      if (this.sizeSettled) this.head = new Uint8Array(0);
    }
    await local(() => this.inner.write(chunk));
  }

  async commit(type: { mime: string; ext: string }): Promise<string> {
    const location = await local(() => this.inner.commit(type));
    const committed = this.inner.committed;
    if (!committed) throw new Error('the storage committed an image without recording where');
    try {
      await local(() => this.afterCommit(committed, type, this.bytes, this.size));
    } catch (err) {
      await this.remove(committed.location);
      throw err;
    }
    return location;
  }

  abort(): Promise<void> {
    return this.inner.abort();
  }
}
