// The four API operations: turn a parsed body into either an error or a plan for a success answer.
// Validation follows Ideogram's published schemas (vendorSchema.ts, vendorRules.ts), never the
// client's own rules, so a rule the client gets wrong shows up as a 400 in tests.
import { randomInt } from 'node:crypto';
import { decodeDataUrl, type ParsedBody, type UploadedFile } from './body';
import { SAFETY_MESSAGE, type Dialect } from './dialect';
import { imageDimensions, imageMime, MAX_UPLOAD_BYTES } from './imageInfo';
import { imageId, shortHash, sizeFor, summarisePng, upscaledSize, type ImageStore } from './png';
import type { Operation } from './types';
import { proseRuleViolation, V1_MODELS } from './vendorRules';
import { vendorSchemas } from './vendorSchema';

export type { Operation } from './types';

/** A failed request: status plus message (the dialect decides the body shape). */
export interface ApiRejection { status: 400 | 413 | 415 | 422; message: string }

/** A request that passed validation: how many in-flight slots it takes and how to build its answer. */
export interface ApiPlan { slots: number; respond: (unsafe: boolean) => Record<string, unknown> }

/** What the handlers need from the server. */
export interface RouteContext { dialect: Dialect; baseUrl: string; port: number; images: ImageStore }

/** The image a request refers to: bytes we hold, or a remote URL we will not fetch. */
export type ImageSource =
  | { kind: 'bytes'; bytes: Uint8Array; mime: string; label: string }
  | { kind: 'remote'; url: string };

/** Size assumed for remote image URLs, which this server never downloads. */
export const REMOTE_IMAGE_SIZE = { width: 1024, height: 1024 };

/** Prompts containing the word "forbidden" are refused with Ideogram's 422 safety answer. */
export function failsSafetyCheck(prompt: unknown): boolean {
  return typeof prompt === 'string' && /\bforbidden\b/i.test(prompt);
}

/** Validates a request for `op` against the vendor's schemas and plans its answer, or says why it is rejected. */
export function planOperation(op: Operation, body: ParsedBody, ctx: RouteContext): ApiPlan | ApiRejection {
  const decoded = decodeForSchema(op, body, ctx.dialect);
  if ('status' in decoded) return decoded;
  const request = decoded.value;
  const problem = vendorSchemas().routes[op].check(request);
  if (problem) return invalid(problem);
  const imageRequest = (request.image_request ?? {}) as Record<string, unknown>;
  if (op === 'generate' || op === 'remix') {
    const prose = proseRuleViolation(imageRequest);
    if (prose) return invalid(prose);
  }
  if (op === 'generate') return planImages('generate', imageRequest, sizeFor(imageRequest), '', ctx);
  const image = imageSource(body, request.image_file, ctx);
  if ('status' in image) return image;
  if (op === 'describe') return planDescribe(image);
  if (op === 'remix') return planImages('remix', imageRequest, sizeFor(imageRequest), sourceDigest(image), ctx);
  const input = image.kind === 'bytes' ? imageDimensions(image.bytes) ?? REMOTE_IMAGE_SIZE : REMOTE_IMAGE_SIZE;
  return planImages('upscale', imageRequest, upscaledSize(input.width, input.height), sourceDigest(image), ctx, `${input.width}x${input.height}`);
}

/** The vendor's answer to a body its schema refuses: "400 Invalid input provided". */
export function invalid(message: string): ApiRejection {
  return { status: 400, message: `Invalid input provided: ${message}` };
}

/** Stands for an uploaded file part where the schema expects OpenAPI's `format: binary` string. */
export const FILE_PART = '<file part>';

/**
 * The body as the vendor's schema sees it, or why it cannot be read. The content type must be one
 * the vendor defines for the route, with one documented exception: Crazyrouter's page sends remix,
 * upscale and describe as JSON with image_file as a URL string (see ../../shared/reference/
 * crazyrouter-ideogram-legacy.txt), and relays of that dialect pass multipart through as well.
 * A JSON image_file string still meets the schema's `type: string, format: binary`.
 */
function decodeForSchema(op: Operation, body: ParsedBody, dialect: Dialect): { value: Record<string, unknown> } | ApiRejection {
  if (body.kind === 'empty') return { status: 400, message: `Missing body: ${op} takes ${vendorSchemas().routes[op].contentTypes.join(' or ')}.` };
  const type = body.kind === 'json' ? 'application/json' : 'multipart/form-data';
  const accepted = vendorSchemas().routes[op].contentTypes;
  const relayJson = dialect === 'crazyrouter' && op !== 'generate';
  if (!accepted.includes(type) && !relayJson) {
    return { status: 415, message: `Unsupported Content-Type ${type} for /${op}: Ideogram's schema defines ${accepted.join(' or ')}.` };
  }
  if (body.kind === 'json') {
    if (typeof body.json !== 'object' || body.json === null || Array.isArray(body.json)) return invalid('/ must be object');
    return { value: { ...(body.json as Record<string, unknown>) } };
  }
  // Multipart: text parts are strings, except image_request, which the vendor encodes as
  // "contentType: application/json" inside the form; file parts stand in as binary strings.
  const value: Record<string, unknown> = { ...body.fields };
  if (typeof value.image_request === 'string') {
    try {
      value.image_request = JSON.parse(value.image_request) as unknown;
    } catch {
      return invalid('/image_request must be JSON text (the vendor encodes this part as application/json)');
    }
  }
  for (const file of body.files) value[file.field] = FILE_PART;
  return { value };
}

/** Shared by generate/remix/upscale: seeds, deterministic image ids, and the response body. */
function planImages(
  op: Exclude<Operation, 'describe'>, req: Record<string, unknown>, [width, height]: [number, number],
  inputDigest: string, ctx: RouteContext, upscaledFrom?: string,
): ApiPlan | ApiRejection {
  const prompt = typeof req.prompt === 'string' ? req.prompt : '';
  if (failsSafetyCheck(prompt)) return { status: 422, message: SAFETY_MESSAGE };
  const count = typeof req.num_images === 'number' ? req.num_images : 1;
  const seedLimit = vendorSchemas().maxSeed + 1;
  const firstSeed = typeof req.seed === 'number' ? req.seed : randomInt(0, seedLimit);
  const returnedPrompt = req.magic_prompt_option === 'ON' ? magicPrompt(prompt) : prompt;
  const model = typeof req.model === 'string' ? req.model : 'V_2';
  const styleType = op === 'upscale' || V1_MODELS.includes(model) ? undefined : typeof req.style_type === 'string' ? req.style_type : 'AUTO';
  const respond = (unsafe: boolean): Record<string, unknown> => {
    const data = Array.from({ length: count }, (_, i) => {
      const seed = (firstSeed + i) % seedLimit;
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

function planDescribe(image: ImageSource): ApiPlan {
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

/** Magic prompt "ON" rewrites the prompt, as the real service does, so callers see a returned prompt that differs. */
export function magicPrompt(prompt: string): string {
  return prompt ? `${prompt}, rich detail, balanced composition` : prompt;
}

/** A short digest of an image's bytes (or of its URL when the server does not hold it). */
export function sourceDigest(image: ImageSource): string {
  return image.kind === 'bytes' ? shortHash(image.bytes) : shortHash(image.url);
}

/**
 * The image behind a schema-valid image_file: an uploaded file part, or a string (a JSON body, or a
 * text part on the relay dialect) holding a data: URL, one of this server's image URLs or a remote URL.
 */
function imageSource(body: ParsedBody, value: unknown, ctx: RouteContext): ImageSource | ApiRejection {
  const file = body.kind === 'multipart' ? body.files.find((f) => f.field === 'image_file') : undefined;
  if (file) return checkBytes(file.bytes, `upload "${file.filename}"`, 'image_file');
  // Only the relay's JSON form carries the image as a string; the official API wants a file part.
  if (body.kind === 'multipart' && ctx.dialect === 'ideogram') return invalid('/image_file must be a file part (format: binary), not text');
  return imageFromString(String(value), ctx, 'image_file');
}

/**
 * The image behind a string field: a data: URL (decoded), one of this server's image URLs
 * (resolved in memory) or any other http(s) URL (never fetched).
 */
export function imageFromString(value: string, ctx: RouteContext, field: string): ImageSource | ApiRejection {
  if (value.startsWith('data:')) {
    const decoded = decodeDataUrl(value);
    if (!decoded) return { status: 400, message: `${field} data: URL must be base64 encoded (data:image/png;base64,…).` };
    return checkBytes(decoded.bytes, 'data: URL', field);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { status: 400, message: `${field} must be a file upload, an https:// URL or a data: URL.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { status: 400, message: `${field} URL scheme "${url.protocol}" is not supported; use https://.` };
  }
  const isSelf = (url.hostname === '127.0.0.1' || url.hostname === 'localhost') && Number(url.port) === ctx.port;
  if (!isSelf) return { kind: 'remote', url: value };
  // Our own image URLs are resolved in memory: tests can chain generate → remix without the network.
  const m = /^\/images\/([^/]+)\.png$/.exec(url.pathname);
  const bytes = m ? ctx.images.get(m[1]) : undefined;
  if (!bytes) return { status: 400, message: `${field} URL points at this server but not at an image it has served.` };
  return checkBytes(bytes, 'image URL', field);
}

/** An image's bytes if they are within the vendor's 10 MB and a PNG, JPEG or WebP by content. */
export function checkBytes(bytes: Uint8Array, label: string, field: string): ImageSource | ApiRejection {
  if (bytes.length > MAX_UPLOAD_BYTES) {
    return { status: 413, message: `${field} (${label}) is ${bytes.length} bytes; the limit is ${MAX_UPLOAD_BYTES} bytes (10 MB).` };
  }
  const mime = imageMime(bytes);
  if (!mime) return { status: 400, message: `${field} (${label}) is not a PNG, JPEG or WebP image.` };
  return { kind: 'bytes', bytes, mime, label };
}

/** Request-log view of uploaded files (sizes only, never contents). */
export function describeFiles(files: UploadedFile[]): { field: string; filename: string; contentType: string; size: number }[] {
  return files.map((f) => ({ field: f.field, filename: f.filename, contentType: f.contentType, size: f.bytes.length }));
}
