// The Ideogram client: validates locally, then sends generate/remix/upscale/describe in the
// configured dialect and transport, with a deadline, cancellation, bounded retries and an
// image-counting in-flight limit. It knows nothing about VS Code.
import * as l10n from '@vscode/l10n';
import type { Dispatcher } from 'undici';
import { backoffDelay, sleep } from './backoff';
import { authHeaders, endpointUrl, isOfficialApi, urlForLog, type ProviderConfig } from '../common/provider';
import { IdeogramError, SETTINGS } from '../common/errors';
import { redactSecrets } from '../common/redact';
import { errorFromResponse, looksLikeHtml } from './responseErrors';
import { classifyTransportError, createDeadline, postOnce, type RequestBody } from './http';
import { prepareImage, toDataUrl, type ImageInput, type PreparedImage } from './imageInput';
import { InflightLimiter } from './limiter';
import { operationLabel, requestLabel } from '../common/operationLabel';
import { createDispatcher } from './proxy';
import { parseDescribeResult, parseImageResult, type DescribeResult, type ImageResult } from './responses';
import type { GenerateRequest, RemixRequest, UpscaleRequest } from '../common/request/schemas';
import { undici } from './undici';
import { operationSpec, v3FormSpec, type FileField, type RequestMode, type V3Mode, type V3RequestForm } from '../common/request/capabilities';
import { formLabel, formProblems, formatIssues, requireValid, requireValidV3, type V3FileSizes } from '../common/request/validation';
import type { V3Request } from '../common/request/v3Schemas';
import { buildV3Body, FILE_ORDER, type PreparedV3Files } from './v3Forms';

/** Default deadline per attempt: image models can take minutes. */
export const DEFAULT_TIMEOUT_MS = 300_000;
/** Default number of retries after a 429, 5xx or network failure. */
export const DEFAULT_MAX_RETRIES = 3;
/** Default first backoff delay. */
export const DEFAULT_RETRY_BASE_DELAY_MS = 1_000;
/** Ideogram's default per-organisation limit of images in flight. */
export const DEFAULT_INFLIGHT_IMAGES = 10;

/** One HTTP attempt, for the log. Never contains the key or a query string. */
export interface RequestLogEntry {
  method: string;
  url: string;
  status?: number;
  ms: number;
  requestBytes?: number;
  responseBytes?: number;
  attempt: number;
  error?: string;
}

/** How to reach the provider and how patient to be. */
export interface ClientOptions {
  config: ProviderConfig;
  /** Read once per call; undefined → IdeogramError 'missing-key' before anything is sent. */
  getApiKey: () => Promise<string | undefined>;
  timeoutMs?: number;
  /** Explicit proxy URL; otherwise HTTPS_PROXY/HTTP_PROXY/NO_PROXY from the environment. */
  proxy?: string;
  /** Overrides `proxy`. */
  dispatcher?: Dispatcher;
  maxRetries?: number;
  retryBaseDelayMs?: number;
  limiter?: InflightLimiter;
  onRequest?: (entry: RequestLogEntry) => void;
  userAgent?: string;
  /** How 3.0 requests are formed (default auto). */
  v3Form?: V3FormSetting;
  /** Where auto remembers the form that worked. */
  formMemory?: FormMemory;
  /** Told when auto switches form (the extension logs it). */
  onNotice?: (message: string) => void;
}

/** The `ideogram.v3.requestForm` setting: one form, or `auto` (official first, Crazyrouter's JSON once on a form complaint). */
export type V3FormSetting = V3RequestForm | 'auto';

/** Remembers, per base URL, which 3.0 request form a provider took (globalState in the extension). */
export interface FormMemory {
  get(baseUrl: string): V3RequestForm | undefined;
  remember(baseUrl: string, form: V3RequestForm): void;
}

/** The files of a 3.0 request, by the vendor's field names. */
export type V3Images = Partial<Record<FileField, ImageInput[]>>;

/** A 3.0 result and the request form that made it (for the sidecar). */
export interface V3Result extends ImageResult { form: V3RequestForm; endpoint: string }

/** Options of describe. */
export interface DescribeOptions { describe_model_version?: string }

interface CallPlan {
  /** The operation, for messages (a legacy or 3.0 mode). */
  op: RequestMode | V3Mode;
  /** Path below the base URL and prefix (capability table). */
  path: string;
  slots: number;
  key: string;
  buildBody: () => Promise<{ body: RequestBody; bytes: number; json: boolean }>;
}

// Empty optional text fields (an untouched negative prompt box) are left out rather than sent as "".
function withoutEmptyOptionals<T extends object>(req: T, keepEmpty: readonly string[] = []): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(req)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim() === '' && !keepEmpty.includes(key)) continue;
    out[key] = value;
  }
  return out as T;
}

// The body fields of an operation in its family's form: wrapped in `image_request` (legacy generate,
// remix, upscale; the spec requires the object even when every field is default) or top-level.
// The prompt is kept even when empty: validation has refused a blank one where it is required.
function requestFields(mode: RequestMode, req: object): Record<string, unknown> {
  const spec = operationSpec(mode);
  const fields = withoutEmptyOptionals(req as Record<string, unknown>, spec.fields.includes('prompt') && mode !== 'upscale' ? ['prompt'] : []);
  return spec.body === 'image_request' ? { image_request: fields } : fields;
}

// How many files of each kind, before they are read (sizes come after preparing them).
function countsOf(images: V3Images): V3FileSizes {
  return Object.fromEntries(Object.entries(images).map(([field, inputs]) => [field, (inputs ?? []).map(() => 0)]));
}

function sizesOf(files: PreparedV3Files): V3FileSizes {
  return Object.fromEntries(Object.entries(files).map(([field, prepared]) => [field, (prepared ?? []).map((file) => (file.kind === 'blob' ? file.size : 0))]));
}

// A request the chosen form cannot carry (e.g. style references in Crazyrouter's JSON) is refused
// here, saying so, rather than sent without them.
function refuseIfCannotCarry(mode: V3Mode, form: V3RequestForm, req: V3Request, sizes: V3FileSizes): void {
  const issues = formProblems(mode, form, req as Record<string, unknown>, sizes);
  if (issues.length === 0) return;
  throw new IdeogramError('invalid-request', l10n.t('The {0} request cannot be sent in the {1} request form: {2} (setting {3}).', operationLabel(mode), formLabel(form), formatIssues(issues), SETTINGS.v3RequestForm), { issues, settingHint: SETTINGS.v3RequestForm });
}

// Words a provider uses when it refuses the shape of a body rather than its content.
const FORM_COMPLAINT = /content[- ]?type|multipart|json|form|field|propert|parameter|unevaluated|unrecognized|unknown|allowed values|invalid input/i;

/** True for a 415, or a 400 whose text complains about fields or the content type: the only answers auto retries in the other form. */
export function isFormComplaint(err: unknown): boolean {
  if (!(err instanceof IdeogramError)) return false;
  return err.status === 415 || (err.status === 400 && FORM_COMPLAINT.test(err.message));
}

/** A client for Ideogram's legacy image API and relays that mirror it. */
export class IdeogramClient {
  private readonly options: ClientOptions;
  private readonly limiter: InflightLimiter;
  private readonly ownedDispatcher: boolean;
  /** The dispatcher used for API calls; pass it to downloadImage so downloads use the same proxy. */
  readonly dispatcher: Dispatcher | undefined;

  constructor(options: ClientOptions) {
    this.options = options;
    this.limiter = options.limiter ?? new InflightLimiter(DEFAULT_INFLIGHT_IMAGES);
    const { dispatcher, owned } = createDispatcher(options);
    this.dispatcher = dispatcher;
    this.ownedDispatcher = owned;
  }

  /** Deadline per attempt, in milliseconds. */
  get timeoutMs(): number {
    return this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** Closes a proxy agent this client created (not one that was passed in). */
  async dispose(): Promise<void> {
    if (this.ownedDispatcher && this.dispatcher) await this.dispatcher.close();
  }

  /** POST /generate: text to image. */
  async generate(req: GenerateRequest, signal?: AbortSignal): Promise<ImageResult> {
    requireValid('generate', req);
    const key = await this.requireKey();
    const json = JSON.stringify(requestFields('generate', req));
    const plan: CallPlan = {
      op: 'generate', path: operationSpec('generate').path, slots: req.num_images ?? 1, key,
      buildBody: () => Promise.resolve({ body: json, bytes: Buffer.byteLength(json), json: true }),
    };
    return parseImageResult(await this.call(plan, signal), 'generate', req.prompt);
  }

  /** POST /remix: a new image from a prompt and an input image (image_weight 1..100). */
  remix(req: RemixRequest, image: ImageInput, signal?: AbortSignal): Promise<ImageResult> {
    return this.onImage('remix', req, image, signal);
  }

  /** POST /upscale: a larger version of an input image. */
  upscale(req: UpscaleRequest, image: ImageInput, signal?: AbortSignal): Promise<ImageResult> {
    return this.onImage('upscale', req, image, signal);
  }

  // An operation that makes images from an input image: checked, image prepared, then sent.
  private async onImage(mode: 'remix' | 'upscale', req: RemixRequest | UpscaleRequest, image: ImageInput, signal?: AbortSignal): Promise<ImageResult> {
    requireValid(mode, req);
    const prepared = await this.prepare(mode, image, signal);
    const key = await this.requireKey();
    const plan: CallPlan = { op: mode, path: operationSpec(mode).path, slots: req.num_images ?? 1, key, buildBody: () => this.imageBody(mode, req, prepared) };
    return parseImageResult(await this.call(plan, signal), mode, req.prompt ?? '');
  }

  /** POST /describe: prompts that describe an input image. */
  async describe(image: ImageInput, options: DescribeOptions = {}, signal?: AbortSignal): Promise<DescribeResult> {
    const fields = withoutEmptyOptionals({ describe_model_version: options.describe_model_version });
    requireValid('describe', fields);
    const prepared = await this.prepare('describe', image, signal);
    const key = await this.requireKey();
    const plan: CallPlan = { op: 'describe', path: operationSpec('describe').path, slots: 1, key, buildBody: () => this.imageBody('describe', fields, prepared) };
    return parseDescribeResult(await this.call(plan, signal));
  }

  /**
   * An Ideogram 3.0 operation (`/v1/ideogram-v3/…`, `/v1/remove-background`): checked against the
   * capability table with its files' sizes, then sent in the configured request form. With `auto`
   * the official form goes first; a 400/415 that complains about fields or the content type (never
   * a key, billing, safety, rate or server answer) is tried once in Crazyrouter's JSON form when it
   * can carry the request, and the form that worked is remembered for the base URL.
   */
  async v3(mode: V3Mode, req: V3Request, images: V3Images = {}, signal?: AbortSignal): Promise<V3Result> {
    requireValidV3(mode, req, countsOf(images));
    const setting = this.options.v3Form ?? 'auto';
    const baseUrl = this.options.config.baseUrl;
    const remembered = setting === 'auto' ? this.options.formMemory?.get(baseUrl) : undefined;
    const first: V3RequestForm = setting === 'auto' ? remembered ?? 'official' : setting;
    const files = await this.prepareV3(images, first, signal);
    const sizes = sizesOf(files);
    requireValidV3(mode, req, sizes);
    refuseIfCannotCarry(mode, first, req, sizes);
    const key = await this.requireKey();
    try {
      const result = await this.sendV3(mode, first, req, files, key, signal);
      if (setting === 'auto' && remembered === undefined) this.options.formMemory?.remember(baseUrl, first);
      return result;
    } catch (err) {
      const canRetry = setting === 'auto' && remembered === undefined && first === 'official' && isFormComplaint(err)
        && formProblems(mode, 'crazyrouter-json', req as Record<string, unknown>, sizes).length === 0;
      if (!canRetry) throw err;
      this.options.onNotice?.(l10n.t('{0} refused the official 3.0 request form ({1}); trying Crazyrouter\'s JSON form once.', urlForLog(baseUrl), (err as IdeogramError).status ?? ''));
      const result = await this.sendV3(mode, 'crazyrouter-json', req, files, key, signal);
      this.options.formMemory?.remember(baseUrl, 'crazyrouter-json');
      this.options.onNotice?.(l10n.t('{0} takes Crazyrouter\'s JSON form for 3.0 requests; remembered for this base URL.', urlForLog(baseUrl)));
      return result;
    }
  }

  // Files are checked (type by content, 10 MB each) before the key is asked for. A hosted image
  // stays a link only when the JSON form is the first one tried; otherwise it is downloaded.
  private async prepareV3(images: V3Images, form: V3RequestForm, signal?: AbortSignal): Promise<PreparedV3Files> {
    const files: PreparedV3Files = {};
    for (const field of FILE_ORDER) {
      const inputs = images[field] ?? [];
      if (inputs.length === 0) continue;
      files[field] = await Promise.all(inputs.map((input) => prepareImage(input, input.kind === 'url' && form === 'crazyrouter-json' ? 'url' : 'multipart',
        { dispatcher: this.dispatcher, signal, timeoutMs: this.timeoutMs })));
    }
    return files;
  }

  private async sendV3(mode: V3Mode, form: V3RequestForm, req: V3Request, files: PreparedV3Files, key: string, signal?: AbortSignal): Promise<V3Result> {
    const path = v3FormSpec(mode, form)?.path ?? '';
    const plan: CallPlan = { op: mode, path, slots: req.num_images ?? 1, key, buildBody: () => buildV3Body(form, mode, req, files) };
    try {
      const result = parseImageResult(await this.call(plan, signal), mode, req.prompt ?? '');
      return { ...result, form, endpoint: path };
    } catch (err) {
      if (err instanceof IdeogramError && err.status === 404) {
        throw new IdeogramError('not-found', l10n.t('The provider does not offer the Ideogram 3.0 {0} operation (404 at {1}).', operationLabel(mode), urlForLog(endpointUrl(this.options.config, path))), { status: 404, cause: err });
      }
      throw err;
    }
  }

  // Checks the transport and reads (or fetches) the input image before the key is asked for.
  private prepare(op: RequestMode, image: ImageInput, signal?: AbortSignal): Promise<PreparedImage> {
    this.checkImageTransport(op);
    return prepareImage(image, this.options.config.transport, { dispatcher: this.dispatcher, signal, timeoutMs: this.timeoutMs });
  }

  // The official API defines remix, upscale and describe as multipart only: a JSON body would be
  // refused after the round trip, so it is refused here, naming the setting to change.
  private checkImageTransport(op: RequestMode): void {
    const { config } = this.options;
    if (config.transport === 'multipart' || !isOfficialApi(config)) return;
    throw new IdeogramError('invalid-request', l10n.t('The official Ideogram API takes the image of {0} only as a file upload; set {1} to multipart (now {2}).', operationLabel(op), SETTINGS.imageTransport, config.transport), { settingHint: SETTINGS.imageTransport });
  }

  private async requireKey(): Promise<string> {
    const key = (await this.options.getApiKey())?.trim();
    if (!key) throw new IdeogramError('missing-key', l10n.t('No Ideogram API key is set. Set your API key to continue.'));
    return key;
  }

  // The request's fields go next to the image: as form fields (JSON-encoded when objects) or JSON
  // properties, in the operation's body form (capability table).
  private async imageBody(mode: RequestMode, req: object, image: PreparedImage): Promise<{ body: RequestBody; bytes: number; json: boolean }> {
    const fields = requestFields(mode, req);
    const imageField = operationSpec(mode).image ?? 'image_file';
    const transport = this.options.config.transport;
    if (transport === 'multipart' && image.kind === 'blob') {
      const form = new (undici().FormData)();
      let bytes = image.size;
      for (const [name, value] of Object.entries(fields)) {
        const text = typeof value === 'string' ? value : JSON.stringify(value);
        form.append(name, text);
        bytes += Buffer.byteLength(text);
      }
      form.append(imageField, await image.blob(), image.filename);
      return { body: form, bytes, json: false };
    }
    const imageFile = image.kind === 'url' ? image.url : await toDataUrl(image);
    const json = JSON.stringify({ ...fields, [imageField]: imageFile });
    return { body: json, bytes: Buffer.byteLength(json), json: true };
  }

  private async call(plan: CallPlan, signal?: AbortSignal): Promise<unknown> {
    const release = await this.limiter.acquire(plan.slots, signal);
    try {
      return await this.withRetries(plan, signal);
    } catch (err) {
      if (err instanceof IdeogramError) err.message = redactSecrets(err.message, [plan.key]);
      throw err;
    } finally {
      release();
    }
  }

  private async withRetries(plan: CallPlan, signal?: AbortSignal): Promise<unknown> {
    const maxRetries = this.options.maxRetries ?? DEFAULT_MAX_RETRIES;
    const baseDelay = this.options.retryBaseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(plan, attempt, signal);
      } catch (err) {
        const error = err instanceof IdeogramError ? err : new IdeogramError('network', String(err), { cause: err });
        if (!error.retryable || attempt > maxRetries) throw error;
        await sleep(backoffDelay(attempt, baseDelay, error.retryAfterMs), signal);
      }
    }
  }

  private async attempt(plan: CallPlan, attempt: number, signal?: AbortSignal): Promise<unknown> {
    const { config } = this.options;
    const url = endpointUrl(config, plan.path);
    const started = Date.now();
    const entry: RequestLogEntry = { method: 'POST', url: urlForLog(url), ms: 0, attempt };
    const deadline = createDeadline(this.timeoutMs, signal);
    try {
      const { body, bytes, json } = await plan.buildBody().catch((err: unknown) => {
        // The image was readable when checked; failing now means it was moved or deleted meanwhile.
        throw err instanceof IdeogramError ? err : new IdeogramError('invalid-request', l10n.t('The image could not be read for upload ({0}).', (err as NodeJS.ErrnoException).code ?? 'error'), { cause: err });
      });
      entry.requestBytes = bytes;
      const headers: Record<string, string> = {
        accept: 'application/json',
        'user-agent': this.options.userAgent ?? 'ideogram-vscode',
        ...authHeaders(config.authStyle, plan.key),
        ...(json ? { 'content-type': 'application/json' } : {}),
      };
      // A transport failure is classified by the catch below, like any other non-IdeogramError.
      const answer = await postOnce(url, headers, body, this.dispatcher, deadline.signal);
      entry.status = answer.status;
      entry.responseBytes = answer.bytes;
      if (answer.status < 200 || answer.status >= 300) {
        throw errorFromResponse({
          status: answer.status, body: answer.text, contentType: answer.headers.get('content-type'),
          retryAfter: answer.headers.get('retry-after'), location: answer.headers.get('location'),
          op: plan.op, transport: config.transport, provider: config.provider, secrets: [plan.key],
        });
      }
      return this.parseJson(answer.text, answer.headers.get('content-type'), plan.op);
    } catch (err) {
      const error = err instanceof IdeogramError ? err : classifyTransportError(err, deadline, requestLabel(plan.op), this.timeoutMs);
      error.message = redactSecrets(error.message, [plan.key]);
      entry.error = `${error.kind}: ${error.message}`;
      throw error;
    } finally {
      deadline.dispose();
      entry.ms = Date.now() - started;
      this.options.onRequest?.(entry);
    }
  }

  private parseJson(text: string, contentType: string | null, op: RequestMode | V3Mode): unknown {
    try {
      return JSON.parse(text);
    } catch {
      const page = looksLikeHtml(text, contentType);
      throw new IdeogramError('invalid-response', page
        ? l10n.t('The provider answered the {0} request with a web page, not the Ideogram API. Check {1} and {2}.', operationLabel(op), SETTINGS.baseUrl, SETTINGS.pathPrefix)
        : l10n.t('The provider\'s answer to {0} is not valid JSON (it may have been cut off). Check {1}.', operationLabel(op), SETTINGS.baseUrl), { settingHint: SETTINGS.baseUrl });
    }
  }
}
