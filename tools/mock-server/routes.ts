// The four API operations: turn a parsed body into either an error or a plan for a success answer.
// Validation uses the client's own checks, so the client and this server can never disagree.
import { randomInt } from 'node:crypto';
import {
  checkDescribeOptions, checkGenerateRequest, checkRemixRequest, checkUpscaleRequest,
  formatIssues, isV1Model, MAX_IMAGE_BYTES, MAX_SEED, sniffImageType, type ValidationIssue,
} from '../../src/ideogram';
import { decodeDataUrl, type ParsedBody, type UploadedFile } from './body';
import { SAFETY_MESSAGE, type Dialect } from './dialect';
import { imageDimensions } from './imageInfo';
import { imageId, shortHash, sizeFor, summarisePng, upscaledSize, type ImageStore } from './png';

/** The API operations this server answers. */
export type Operation = 'generate' | 'remix' | 'upscale' | 'describe';

/** A failed request: status plus message (the dialect decides the body shape). */
export interface ApiRejection { status: 400 | 413 | 415 | 422; message: string; issues?: ValidationIssue[] }

/** A request that passed validation: how many in-flight slots it takes and how to build its answer. */
export interface ApiPlan { slots: number; respond: (unsafe: boolean) => Record<string, unknown> }

/** What the handlers need from the server. */
export interface RouteContext { dialect: Dialect; baseUrl: string; port: number; images: ImageStore }

/** The image a remix/upscale/describe refers to: bytes we hold, or a remote URL we will not fetch. */
type ImageSource =
  | { kind: 'bytes'; bytes: Uint8Array; mime: string; label: string }
  | { kind: 'remote'; url: string };

/** Size assumed for remote image URLs, which this server never downloads. */
export const REMOTE_IMAGE_SIZE = { width: 1024, height: 1024 };

const MAX_SEED_EXCLUSIVE = MAX_SEED + 1;

/** Prompts containing the word "forbidden" are refused with Ideogram's 422 safety answer. */
export function failsSafetyCheck(prompt: unknown): boolean {
  return typeof prompt === 'string' && /\bforbidden\b/i.test(prompt);
}

/** Validates a request for `op` and plans its answer, or says why it is rejected. */
export function planOperation(op: Operation, body: ParsedBody, ctx: RouteContext): ApiPlan | ApiRejection {
  if (op === 'generate') return planGenerate(body, ctx);
  const image = imageSource(body, ctx);
  if ('status' in image) return image;
  if (op === 'describe') return planDescribe(body, image);
  const imageRequest = readImageRequest(body, op === 'remix');
  if ('status' in imageRequest) return imageRequest;
  return op === 'remix' ? planRemix(imageRequest.value, image, ctx) : planUpscale(imageRequest.value, image, ctx);
}

function invalid(issues: ValidationIssue[]): ApiRejection {
  const where = issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message));
  return { status: 400, message: `Invalid image_request. ${where.join(' ')}`.trim(), issues };
}

function planGenerate(body: ParsedBody, ctx: RouteContext): ApiPlan | ApiRejection {
  if (body.kind !== 'json') {
    return { status: 415, message: 'generate takes a JSON body {"image_request": {…}} with Content-Type: application/json.' };
  }
  const req = (body.json as { image_request?: unknown } | null)?.image_request;
  if (req === undefined) return { status: 400, message: 'Missing image_request: send {"image_request": {"prompt": "…"}}.' };
  const issues = checkGenerateRequest(req);
  if (issues.length) return invalid(issues);
  return planImages('generate', req as Record<string, unknown>, sizeFor(req as Record<string, unknown>), '', ctx);
}

function planRemix(req: Record<string, unknown>, image: ImageSource, ctx: RouteContext): ApiPlan | ApiRejection {
  const issues = checkRemixRequest(req);
  if (issues.length) return invalid(issues);
  return planImages('remix', req, sizeFor(req), sourceDigest(image), ctx);
}

function planUpscale(req: Record<string, unknown>, image: ImageSource, ctx: RouteContext): ApiPlan | ApiRejection {
  const issues = checkUpscaleRequest(req);
  if (issues.length) return invalid(issues);
  const input = image.kind === 'bytes' ? imageDimensions(image.bytes) ?? REMOTE_IMAGE_SIZE : REMOTE_IMAGE_SIZE;
  return planImages('upscale', req, upscaledSize(input.width, input.height), sourceDigest(image), ctx, `${input.width}x${input.height}`);
}

/** Shared by generate/remix/upscale: seeds, deterministic image ids, and the response body. */
function planImages(
  op: Exclude<Operation, 'describe'>, req: Record<string, unknown>, [width, height]: [number, number],
  inputDigest: string, ctx: RouteContext, upscaledFrom?: string,
): ApiPlan | ApiRejection {
  const prompt = typeof req.prompt === 'string' ? req.prompt : '';
  if (failsSafetyCheck(prompt)) return { status: 422, message: SAFETY_MESSAGE };
  const count = typeof req.num_images === 'number' ? req.num_images : 1;
  const firstSeed = typeof req.seed === 'number' ? req.seed : randomInt(0, MAX_SEED_EXCLUSIVE);
  // Magic prompt "ON" rewrites the prompt, as the real service does, so callers see a returned prompt that differs.
  const returnedPrompt = req.magic_prompt_option === 'ON' && prompt ? `${prompt}, rich detail, balanced composition` : prompt;
  const model = typeof req.model === 'string' ? req.model : 'V_2';
  const styleType = op === 'upscale' || isV1Model(model) ? undefined : typeof req.style_type === 'string' ? req.style_type : 'AUTO';
  const respond = (unsafe: boolean): Record<string, unknown> => {
    const data = Array.from({ length: count }, (_, i) => {
      const seed = (firstSeed + i) % MAX_SEED_EXCLUSIVE;
      const id = imageId(width, height, shortHash(seed, prompt, inputDigest));
      return {
        url: unsafe ? null : `${ctx.baseUrl}/images/${id}.png`,
        prompt: returnedPrompt,
        resolution: upscaledFrom ?? `${width}x${height}`,
        ...(upscaledFrom ? { upscaled_resolution: `${width}x${height}` } : {}),
        is_image_safe: !unsafe,
        seed,
        ...(styleType ? { style_type: styleType } : {}),
      };
    });
    // Ideogram sends an RFC 3339 string; Crazyrouter's page shows unix seconds.
    const created = ctx.dialect === 'crazyrouter' ? Math.floor(Date.now() / 1000) : new Date().toISOString();
    return { created, data };
  };
  return { slots: count, respond };
}

function planDescribe(body: ParsedBody, image: ImageSource): ApiPlan | ApiRejection {
  const version = body.kind === 'multipart' ? body.fields.describe_model_version
    : body.kind === 'json' ? (body.json as { describe_model_version?: unknown } | null)?.describe_model_version : undefined;
  const issues = checkDescribeOptions(version === undefined ? {} : { describe_model_version: version });
  if (issues.length) return { status: 400, message: formatIssues(issues), issues };
  const texts = describeImage(image);
  return { slots: 1, respond: () => ({ descriptions: texts.map((text) => ({ text })) }) };
}

/** One or two descriptions built from what the server can see of the image. */
export function describeImage(image: ImageSource): string[] {
  if (image.kind === 'remote') {
    return [`An image hosted at ${new URL(image.url).host} (the local test server does not download remote images).`];
  }
  const summary = image.mime === 'image/png' ? summarisePng(image.bytes) : undefined;
  if (!summary) {
    const format = image.mime.replace('image/', '').toUpperCase();
    return [`A ${format} image of ${image.bytes.length} bytes.`];
  }
  const { width, height, name, hex } = summary;
  const shape = width > height ? 'landscape' : width < height ? 'portrait' : 'square';
  return [
    `A ${width}x${height} ${shape} image dominated by ${name} (${hex}), with diagonal stripes.`,
    `Abstract ${name} background, ${shape} format, minimal geometric pattern.`,
  ];
}

function sourceDigest(image: ImageSource): string {
  return image.kind === 'bytes' ? shortHash(image.bytes) : shortHash(image.url);
}

/** image_request from a multipart text part or a JSON body (object, or JSON text as relays forward it). */
function readImageRequest(body: ParsedBody, required: boolean): { value: Record<string, unknown> } | ApiRejection {
  let raw: unknown = body.kind === 'multipart' ? body.fields.image_request
    : body.kind === 'json' ? (body.json as { image_request?: unknown } | null)?.image_request : undefined;
  if (raw === undefined) {
    if (required) return { status: 400, message: 'Missing image_request: send it as a JSON text part (multipart) or a JSON object.' };
    raw = {};
  }
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw) as unknown;
    } catch {
      return { status: 400, message: 'image_request is not valid JSON.' };
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { status: 400, message: 'image_request must be a JSON object.' };
  }
  return { value: raw as Record<string, unknown> };
}

/** Finds image_file in any accepted form and checks it is a PNG/JPEG/WebP of at most 10 MB. */
function imageSource(body: ParsedBody, ctx: RouteContext): ImageSource | ApiRejection {
  if (body.kind === 'multipart') {
    const file = body.files.find((f) => f.field === 'image_file');
    if (file) return checkBytes(file.bytes, `upload "${file.filename}"`);
    const text = body.fields.image_file;
    if (text !== undefined) return imageFromString(text, ctx);
    return { status: 400, message: 'Missing image_file: add a file part named image_file.' };
  }
  if (body.kind === 'json') {
    const value = (body.json as { image_file?: unknown } | null)?.image_file;
    if (typeof value === 'string') return imageFromString(value, ctx);
    return { status: 400, message: 'Missing image_file: give an https:// URL or a data: URL, or send multipart/form-data with a file part.' };
  }
  return { status: 400, message: 'Missing body: send multipart/form-data with image_file, or JSON with image_file as a URL.' };
}

function imageFromString(value: string, ctx: RouteContext): ImageSource | ApiRejection {
  if (value.startsWith('data:')) {
    const decoded = decodeDataUrl(value);
    if (!decoded) return { status: 400, message: 'image_file data: URL must be base64 encoded (data:image/png;base64,…).' };
    return checkBytes(decoded.bytes, 'data: URL');
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { status: 400, message: 'image_file must be a file upload, an https:// URL or a data: URL.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { status: 400, message: `image_file URL scheme "${url.protocol}" is not supported; use https://.` };
  }
  const isSelf = (url.hostname === '127.0.0.1' || url.hostname === 'localhost') && Number(url.port) === ctx.port;
  if (!isSelf) return { kind: 'remote', url: value };
  // Our own image URLs are resolved in memory: tests can chain generate → remix without the network.
  const m = /^\/images\/([^/]+)\.png$/.exec(url.pathname);
  const bytes = m ? ctx.images.get(m[1]) : undefined;
  if (!bytes) return { status: 400, message: 'image_file URL points at this server but not at an image it has served.' };
  return checkBytes(bytes, 'image URL');
}

function checkBytes(bytes: Uint8Array, label: string): ImageSource | ApiRejection {
  if (bytes.length > MAX_IMAGE_BYTES) {
    return { status: 413, message: `image_file (${label}) is ${bytes.length} bytes; the limit is ${MAX_IMAGE_BYTES} bytes (10 MB).` };
  }
  const type = sniffImageType(bytes);
  if (!type) return { status: 400, message: `image_file (${label}) is not a PNG, JPEG or WebP image.` };
  return { kind: 'bytes', bytes, mime: type.mime, label };
}

/** Request-log view of uploaded files (sizes only, never contents). */
export function describeFiles(files: UploadedFile[]): { field: string; filename: string; contentType: string; size: number }[] {
  return files.map((f) => ({ field: f.field, filename: f.filename, contentType: f.contentType, size: f.bytes.length }));
}
