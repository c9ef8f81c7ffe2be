// Generate / remix / upscale / describe for every caller (commands, Studio, LM tools, bench):
// one path for settings, key, client, cancellation, downloads, files and sidecars, so all of
// them behave the same. UI (progress, messages) stays with the callers.
import * as vscode from 'vscode';
import type { Dispatcher } from 'undici';
import { createDispatcher, downloadImage, IdeogramClient, InflightLimiter, type FormMemory, type GeneratedImage, type ImageInput, type ImageResult, type V3Images } from '../../ideogram';
import type { FileField, V3Mode } from '../request/capabilities';
import type { V3Request } from '../request/v3Schemas';
import { FILE_ORDER } from '../../ideogram/v3Forms';
import { IdeogramError, UnsavedImagesError, type UnsavedImages } from '../errors';
import type { GenerateRequest, RemixRequest, UpscaleRequest } from '../request/schemas';
import { requireValidV3 } from '../request/validation';
import type { IdeogramSettings } from './config';
import { withAbortSignal } from './cancellation';
import { UserFacingError } from '../userFacingError';
import type { IdeogramLog } from './log';
import type { ApiKeyStore } from './secrets';
import { chooseWorkspaceFolder, outputFolderUri, workspaceRelativePath } from './workspace';
import type { ImageSize } from '../imageSize';
import { readInputImage, sourceImageLabel } from './inputImage';
import { mapUnsaved, saveImages, type SaveOutcome, type SaveStorage } from '../../storage/savePipeline';
import { toProviderConfig } from '../settingsSchema';
import type { ImageOperation, Sidecar, V3SidecarFacts } from '../sidecar';
import type { PriceOptions } from '../request/prices';
import { storageFor } from '../../storage/vscode/storageFor';
import type { BilledImages } from './spending';

/** Options every operation takes. */
export interface OperationOptions {
  /** Cancels the HTTP request and downloads; nothing is written when cancelled. */
  token?: vscode.CancellationToken;
  /** Workspace folder to save into (default: the active file's, else the only one, else ask). */
  folder?: vscode.WorkspaceFolder;
  /** Short progress messages ("Downloading 2 of 4…"). */
  onProgress?(message: string): void;
  /** The settings the caller read once for this operation (else read here, for the folder saved into). */
  settings?: IdeogramSettings;
}

/** One saved image. */
export interface SavedImage {
  uri: vscode.Uri;
  sidecarUri: vscode.Uri;
  /** Workspace-relative path with '/'. */
  relativePath: string;
  sidecar: Sidecar;
  size?: ImageSize;
}

/** What an image operation produced. */
export interface OperationResult {
  operation: ImageOperation;
  saved: SavedImage[];
  /** Images the safety filter blocked: reported, nothing written. */
  blocked: number;
  /** Images whose download failed while others were saved. */
  failed: number;
  /** The first download error, when `failed` > 0. */
  firstFailure?: IdeogramError;
  /** The `failed` images, savable again from the same links without a new request. */
  unsaved?: UnsavedImages<OperationResult>;
  outputFolder: vscode.Uri;
}

/** Where an operation saves: its settings, workspace folder, output folder and the storage for it. */
interface SaveTarget { settings: IdeogramSettings; folder: vscode.WorkspaceFolder; out: vscode.Uri; storage: SaveStorage<vscode.Uri> }

/** One generated image held in memory, not saved (the caller reshapes and writes it: placeholders). */
export interface UnsavedGeneratedImage {
  bytes: Uint8Array;
  image: GeneratedImage;
  /** When the API answered, as it said. */
  created: string;
}

/** Descriptions of one image (or the error that image met). */
export interface DescribeItem { uri: vscode.Uri; descriptions: string[]; error?: unknown }

function fileNameOf(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? 'image';
}

// The progress line while result images download (one sentence per plural: the bundle has no plural rules).
function downloading(count: number): string {
  return count === 1 ? vscode.l10n.t('Downloading 1 image…') : vscode.l10n.t('Downloading {0} images…', count);
}

function savedProgress(opts: OperationOptions): (done: number, total: number) => void {
  return (done, total) => opts.onProgress?.(vscode.l10n.t('Saved {0} of {1}', done, total));
}

/**
 * One result for the operations of one command (remix or upscale of several images): the saved
 * images together, and every image that could not be saved savable again at once. Rejects when
 * nothing was saved: with one UnsavedImagesError for all unsaved images if there are any (they
 * are paid for), else with the first failure.
 */
export function combineResults(settled: readonly PromiseSettledResult<OperationResult>[]): OperationResult {
  const done = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failures = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
  const pending = [
    ...done.flatMap((result) => (result.unsaved ? [result.unsaved] : [])),
    ...failures.flatMap((failure) => (failure instanceof UnsavedImagesError ? [failure.unsaved as UnsavedImages<OperationResult>] : [])),
  ];
  const unsaved = pending.length > 1 ? combineUnsaved(pending) : pending[0];
  if (done.length === 0) throw unsaved ? new UnsavedImagesError(unsaved) : failures[0];
  return {
    ...done[0],
    saved: done.flatMap((r) => r.saved),
    blocked: done.reduce((n, r) => n + r.blocked, 0),
    failed: done.reduce((n, r) => n + r.failed, 0) + failures.length,
    unsaved,
  };
}

function combineUnsaved(pending: UnsavedImages<OperationResult>[]): UnsavedImages<OperationResult> {
  return {
    count: pending.reduce((n, p) => n + p.count, 0),
    cause: pending[0].cause,
    local: pending.every((p) => p.local),
    saveAgain: async (options) => combineResults(await Promise.allSettled(pending.map((p) => p.saveAgain(options)))),
  };
}

// What the price table needs to know of a request: the legacy model and operation, or for the
// 3.0 routes its speed and whether it was transparent or carried a character reference.
function pricedAs(operation: ImageOperation, request: object, v3: V3SidecarFacts | undefined): { model?: string; options: PriceOptions } {
  const { model, rendering_speed: speed } = request as { model?: unknown; rendering_speed?: unknown };
  if (v3 === undefined) {
    return { model: typeof model === 'string' ? model : undefined, options: { operation: operation as PriceOptions['operation'] } };
  }
  return {
    model: 'V_3_API',
    options: {
      renderingSpeed: typeof speed === 'string' ? speed : undefined,
      transparent: operation === 'generate-transparent',
      characterReference: (v3.files.character_reference_images?.length ?? 0) > 0,
    },
  };
}

function cancelled(): IdeogramError {
  return new IdeogramError('cancelled', 'Cancelled.');
}

/**
 * An input image made in memory rather than read from a file: a mask painted in the Studio, or a
 * photo turned upright; `source` is the workspace file it stands for (recorded in the sidecar).
 */
export interface MemoryImage { data: Uint8Array; name: string; source?: vscode.Uri }

/** One input file of a 3.0 request: a workspace file or hosted link, or an image made in memory. */
export type V3File = vscode.Uri | MemoryImage;

// The file a 3.0 input stands for, if any.
function sourceOf(file: V3File | undefined): vscode.Uri | undefined {
  return file instanceof vscode.Uri ? file : file?.source;
}

/** Runs generate/remix/upscale/describe and writes the results into the workspace. */
export class ImageService implements vscode.Disposable {
  private readonly billed = new vscode.EventEmitter<{ settings: IdeogramSettings; billed: BilledImages }>();
  /** Fires when the API answered with images (or descriptions) that are billed, for the running total. */
  readonly onDidBill = this.billed.event;
  private limiter: { limit: number; instance: InflightLimiter } | undefined;
  private dispatcher: { proxy: string; instance?: Dispatcher; owned: boolean } | undefined;

  constructor(
    private readonly keys: ApiKeyStore,
    private readonly log: IdeogramLog,
    /** The extension's version, recorded in sidecars. */
    readonly extensionVersion: string,
    private readonly readSettings: (scope?: vscode.ConfigurationScope) => IdeogramSettings,
    private readonly formMemory?: FormMemory,
  ) {}

  /**
   * Runs an Ideogram 3.0 operation with workspace images (the input image, mask and references by
   * the vendor's field names) and saves the results beside the others; each sidecar records the
   * family, endpoint, request form, every field and the files' workspace-relative paths.
   */
  async v3(mode: V3Mode, req: V3Request, files: Partial<Record<FileField, V3File[]>> = {}, opts: OperationOptions = {}): Promise<OperationResult> {
    // Counts and fields first: an invalid request asks for no folder and reads no file.
    requireValidV3(mode, req, Object.fromEntries(Object.entries(files).map(([field, uris]) => [field, (uris ?? []).map(() => 0)])));
    const inputs: V3Images = {};
    for (const field of FILE_ORDER) {
      const given = files[field] ?? [];
      if (given.length > 0) inputs[field] = await Promise.all(given.map(async (file) => file instanceof vscode.Uri ? readInputImage(file) : { kind: 'bytes' as const, data: file.data, name: file.name }));
    }
    const image = sourceOf(files.image?.[0]);
    const target = await this.target(opts, image);
    return this.run(opts, target.settings, async (client, signal) => {
      opts.onProgress?.(image
        ? vscode.l10n.t('Sending {0} to Ideogram 3.0…', fileNameOf(image))
        : vscode.l10n.t('Waiting for Ideogram 3.0…'));
      const result = await client.v3(mode, req, inputs, signal);
      // A file made in memory (a painted mask) has no path to record.
      const paths = (field: Exclude<FileField, 'image'>): string[] | undefined => {
        const recorded = (files[field] ?? []).flatMap((file) => sourceOf(file) ?? []).map(sourceImageLabel);
        return recorded.length > 0 ? recorded : undefined;
      };
      const facts: V3SidecarFacts = {
        endpoint: result.endpoint, form: result.form,
        files: { mask: paths('mask'), style_reference_images: paths('style_reference_images'), character_reference_images: paths('character_reference_images'), character_reference_images_mask: paths('character_reference_images_mask') },
      };
      return this.saveResult(mode, req, result, target, signal, opts, image, facts);
    });
  }

  /** Generates images from a prompt (API field names) and saves them. */
  async generate(req: GenerateRequest, opts: OperationOptions = {}): Promise<OperationResult> {
    const target = await this.target(opts);
    return this.run(opts, target.settings, async (client, signal) => {
      opts.onProgress?.(vscode.l10n.t('Waiting for Ideogram…'));
      const result = await client.generate(req, signal);
      return this.saveResult('generate', req, result, target, signal, opts);
    });
  }

  /**
   * Generates one image (num_images must be 1) and returns its bytes without writing anything:
   * for callers that reshape the result and choose its path themselves (placeholders). Rejects
   * with a UserFacingError when the safety filter blocked it.
   */
  async generateUnsaved(req: GenerateRequest, opts: OperationOptions & { settings: IdeogramSettings }): Promise<UnsavedGeneratedImage> {
    if ((req.num_images ?? 1) !== 1) throw new Error('generateUnsaved makes one image');
    const { settings } = opts;
    return this.run(opts, settings, async (client, signal) => {
      const result = await client.generate(req, signal);
      const image = result.images.find((candidate) => candidate.is_image_safe && candidate.url);
      if (!image?.url) throw new UserFacingError(vscode.l10n.t('Ideogram\'s safety filter blocked the image; try a different prompt.'));
      const chunks: Uint8Array[] = [];
      const download = () => downloadImage(image.url!, {
        write: (chunk) => { chunks.push(chunk); return Promise.resolve(); },
        commit: () => Promise.resolve(''),
        abort: () => { chunks.length = 0; return Promise.resolve(); },
      }, { signal, dispatcher: this.dispatcher?.instance, timeoutMs: settings.requestTimeoutSeconds * 1000 });
      try {
        await download();
      } catch (error) {
        // The image is paid for and its link lives a while: a connection dropped on the way (a
        // kept-alive socket the server closed just then) gets one more download, not a new request.
        if (signal.aborted || !(error instanceof IdeogramError) || !error.retryable) throw error;
        this.log.warn(`Download failed, trying once more: ${error.message}`);
        await download();
      }
      return { bytes: Buffer.concat(chunks), image, created: result.created };
    });
  }

  /** Remixes an image with a prompt and saves the results next to the other outputs. */
  remix(req: RemixRequest, image: vscode.Uri, opts: OperationOptions = {}): Promise<OperationResult> {
    return this.onImage('remix', image, opts, vscode.l10n.t('Remixing {0}…', fileNameOf(image)), (client, input, signal) => client.remix(req, input, signal), req);
  }

  /** Upscales an image and saves the results. */
  upscale(req: UpscaleRequest, image: vscode.Uri, opts: OperationOptions = {}): Promise<OperationResult> {
    return this.onImage('upscale', image, opts, vscode.l10n.t('Upscaling {0}…', fileNameOf(image)), (client, input, signal) => client.upscale(req, input, signal), req);
  }

  // An operation on an input image: the image is checked and the folder prepared before the paid request.
  private async onImage(
    operation: 'remix' | 'upscale', image: vscode.Uri, opts: OperationOptions, progress: string,
    send: (client: IdeogramClient, input: ImageInput, signal: AbortSignal) => Promise<ImageResult>, request: object,
  ): Promise<OperationResult> {
    const input = await readInputImage(image);
    const target = await this.target(opts, image);
    return this.run(opts, target.settings, async (client, signal) => {
      opts.onProgress?.(progress);
      const result = await send(client, input, signal);
      return this.saveResult(operation, request, result, target, signal, opts, image);
    });
  }

  /**
   * Describes each image. Runs them in parallel (the client's in-flight limiter queues the rest);
   * one image's failure is reported in its item, cancellation rejects the whole call.
   */
  async describe(images: readonly vscode.Uri[], opts: OperationOptions & { describe_model_version?: string } = {}): Promise<DescribeItem[]> {
    const settings = opts.settings ?? this.readSettings(images[0]);
    let done = 0;
    return this.run(opts, settings, async (client, signal) => {
      opts.onProgress?.(images.length === 1 ? vscode.l10n.t('Describing 1 image…') : vscode.l10n.t('Describing {0} images…', images.length));
      const options = opts.describe_model_version ? { describe_model_version: opts.describe_model_version } : {};
      const items = await Promise.all(images.map(async (uri): Promise<DescribeItem> => {
        try {
          const input = await readInputImage(uri);
          const result = await client.describe(input, options, signal);
          this.billed.fire({ settings, billed: { count: 1, options: { operation: 'describe' } } });
          return { uri, descriptions: result.descriptions };
        } catch (error) {
          if (signal.aborted) throw cancelled();
          // A missing key fails every image alike: surface it once, with its "Set API Key" action.
          if (error instanceof IdeogramError && (error.kind === 'missing-key' || error.kind === 'auth')) throw error;
          return { uri, descriptions: [], error };
        } finally {
          done++;
          if (images.length > 1) opts.onProgress?.(vscode.l10n.t('Described {0} of {1}', done, images.length));
        }
      }));
      if (items.every((i) => i.error) && items.length > 0) throw items[0].error;
      return items;
    });
  }

  /**
   * Saves images an operation made but could not save, from the same links, without a new
   * request (what "Save Again" runs under the caller's progress).
   */
  saveAgain(unsaved: UnsavedImages<OperationResult>, opts: OperationOptions = {}): Promise<OperationResult> {
    opts.onProgress?.(downloading(unsaved.count));
    return withAbortSignal(opts.token, (signal) => unsaved.saveAgain({ signal, onSaved: savedProgress(opts) }));
  }

  /** The output folder for a workspace folder (or the one chosen as for a save), for the history. */
  async outputFolder(folder?: vscode.WorkspaceFolder): Promise<vscode.Uri> {
    const chosen = await chooseWorkspaceFolder(folder);
    return outputFolderUri(chosen, this.readSettings(chosen.uri).outputFolder);
  }

  // Everything about where the results go is checked here, before the paid request: a folder
  // that cannot take them is found now, not after the images were made.
  private async target(opts: OperationOptions, near?: vscode.Uri): Promise<SaveTarget> {
    const folder = await chooseWorkspaceFolder(opts.folder, near);
    const settings = opts.settings ?? this.readSettings(folder.uri);
    const out = outputFolderUri(folder, settings.outputFolder);
    const storage = storageFor(out, folder);
    await storage.prepare();
    return { settings, folder, out, storage };
  }

  // One client per operation (settings may have changed); the limiter and dispatcher are shared
  // so the in-flight limit and proxy connections hold across operations.
  private async run<T>(opts: OperationOptions, settings: IdeogramSettings, work: (client: IdeogramClient, signal: AbortSignal) => Promise<T>): Promise<T> {
    const config = toProviderConfig(settings);
    if ('problem' in config) {
      throw new UserFacingError(config.problem === 'missing-base-url'
        ? vscode.l10n.t('Set ideogram.baseUrl to your relay\'s address to use the "custom" provider.')
        : vscode.l10n.t('ideogram.baseUrl is not an http(s) URL: {0}. Set it to the address of your provider or relay, starting with https://.', config.value), 'ideogram.baseUrl');
    }
    const controller = new AbortController();
    if (opts.token?.isCancellationRequested) throw cancelled();
    const subscription = opts.token?.onCancellationRequested(() => controller.abort());
    const client = new IdeogramClient({
      config,
      getApiKey: () => this.keys.get(),
      timeoutMs: settings.requestTimeoutSeconds * 1000,
      dispatcher: this.sharedDispatcher(settings.proxy),
      limiter: this.sharedLimiter(settings.maxImagesInFlight),
      onRequest: (entry) => this.log.request(entry),
      userAgent: `ideogram-vscode/${this.extensionVersion} vscode/${vscode.version}`,
      v3Form: settings.v3RequestForm,
      formMemory: this.formMemory,
      onNotice: (message) => this.log.info(message),
    });
    try {
      const result = await work(client, controller.signal);
      if (controller.signal.aborted) throw cancelled();
      return result;
    } catch (err) {
      if (controller.signal.aborted) throw cancelled();
      throw err;
    } finally {
      subscription?.dispose();
      await client.dispose();
    }
  }

  private sharedLimiter(limit: number): InflightLimiter {
    if (this.limiter?.limit !== limit) this.limiter = { limit, instance: new InflightLimiter(limit) };
    return this.limiter.instance;
  }

  private sharedDispatcher(proxy: string): Dispatcher | undefined {
    if (!this.dispatcher || this.dispatcher.proxy !== proxy) {
      this.closeDispatcher();
      const created = createDispatcher({ proxy: proxy || undefined });
      this.dispatcher = { proxy, instance: created.dispatcher, owned: created.owned };
    }
    return this.dispatcher.instance;
  }

  private closeDispatcher(): void {
    if (this.dispatcher?.owned) void this.dispatcher.instance?.close().catch(() => undefined);
    this.dispatcher = undefined;
  }

  // Streams the safe images into the output folder with their sidecars (savePipeline.ts, the same
  // code the benchmarks and the fault suite run); on cancel or total failure nothing is left, and
  // images that could not be saved can be saved again from the same links (no new request).
  private async saveResult(
    operation: ImageOperation,
    request: object,
    result: ImageResult,
    target: SaveTarget,
    signal: AbortSignal,
    opts: OperationOptions,
    source?: vscode.Uri,
    v3?: V3SidecarFacts,
  ): Promise<OperationResult> {
    const { settings, out, storage } = target;
    // The API answered: every image it made is billed, the blocked ones too.
    this.billed.fire({ settings, billed: { count: result.images.length, ...pricedAs(operation, request, v3) } });
    const safeCount = result.images.filter((image) => image.is_image_safe && image.url).length;
    opts.onProgress?.(downloading(safeCount));
    const toResult = (outcome: SaveOutcome<vscode.Uri>): OperationResult => ({
      operation,
      saved: outcome.saved.map((file): SavedImage => ({
        uri: file.image, sidecarUri: file.sidecarLocation, relativePath: workspaceRelativePath(file.image), sidecar: file.sidecar, size: file.size,
      })),
      blocked: outcome.blocked, failed: outcome.failed, firstFailure: outcome.firstFailure,
      unsaved: outcome.unsaved && mapUnsaved(outcome.unsaved, toResult),
      outputFolder: out,
    });
    try {
      return toResult(await saveImages({
        operation, request: { ...request } as Record<string, unknown>, result, storage,
        fileNameTemplate: settings.fileNameTemplate, provider: settings.provider, extensionVersion: this.extensionVersion,
        redact: (text) => this.log.redact(text),
        sourceImage: source ? sourceImageLabel(source) : undefined, v3,
        signal, dispatcher: this.dispatcher?.instance, timeoutMs: settings.requestTimeoutSeconds * 1000, log: this.log,
        onSaved: savedProgress(opts),
      }));
    } catch (err) {
      if (err instanceof UnsavedImagesError) throw new UnsavedImagesError(mapUnsaved(err.unsaved as UnsavedImages<SaveOutcome<vscode.Uri>>, toResult));
      throw err;
    }
  }

  dispose(): void {
    this.billed.dispose();
    this.closeDispatcher();
  }
}
