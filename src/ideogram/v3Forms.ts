// The two request forms of the Ideogram 3.0 routes, as bodies: the vendor's multipart (list fields
// as repeated parts, the palette as one part of JSON text, files streamed from disk) and
// Crazyrouter's documented JSON (legacy-style names, images as a URL or base64 data: URL). Which
// fields and files each form carries is the capability table's (v3.ts); this only spells them.
import type { FileField, V3Mode, V3RequestForm } from '../common/request/capabilities';
import type { V3Request } from '../common/request/v3Schemas';
import type { RequestBody } from './http';
import { toDataUrl, type PreparedImage } from './imageInput';
import { undici } from './undici';

/** The prepared files of a 3.0 request, by field, in the order they are sent. */
export type PreparedV3Files = Partial<Record<FileField, PreparedImage[]>>;

/** A built body and what the log records about it. */
export interface BuiltBody { body: RequestBody; bytes: number; json: boolean }

/** The file fields in the order a body carries them (the image first, as the vendor's samples). */
export const FILE_ORDER: readonly FileField[] = ['image', 'mask', 'style_reference_images', 'character_reference_images', 'character_reference_images_mask'];

// Empty optional text (an untouched negative prompt box) is left out rather than sent as "".
function presentFields(req: V3Request): [string, unknown][] {
  return Object.entries(req).filter(([, value]) => value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '' ));
}

/**
 * The vendor's multipart form: each text field one part, a list (style_codes) as repeated parts of
 * the same name, the palette as one part holding its JSON (the spec's `encoding`; undici's
 * FormData cannot label a text part application/json, and the server reads the text as JSON),
 * each file a file part whose bytes are read lazily, so a large upload streams from disk.
 */
export async function officialMultipart(req: V3Request, files: PreparedV3Files): Promise<BuiltBody> {
  const form = new (undici().FormData)();
  let bytes = 0;
  const text = (name: string, value: string): void => {
    form.append(name, value);
    bytes += Buffer.byteLength(value);
  };
  for (const [name, value] of presentFields(req)) {
    if (Array.isArray(value)) for (const item of value) text(name, String(item));
    else text(name, typeof value === 'object' ? JSON.stringify(value) : String(value as string | number));
  }
  for (const field of FILE_ORDER) {
    for (const file of files[field] ?? []) {
      if (file.kind !== 'blob') throw new Error('A hosted image must be downloaded before a multipart upload.');
      form.append(field, await file.blob(), file.filename);
      bytes += file.size;
    }
  }
  return { body: form, bytes, json: false };
}

/** `16x9` → `ASPECT_16_9`, as Crazyrouter's page spells ratios. */
export function toLegacyAspect(value: string): string {
  return `ASPECT_${value.replace('x', '_')}`;
}

async function asJsonImage(file: PreparedImage): Promise<string> {
  return file.kind === 'url' ? file.url : toDataUrl(file);
}

/**
 * Crazyrouter's JSON form: the vendor's names turned into the page's (`magic_prompt_option`,
 * `ASPECT_16_9`, `model: V_3` on generate), images as their link or a base64 data: URL. Only
 * called for requests formProblems() found it can carry.
 */
export async function crazyrouterJson(mode: V3Mode, req: V3Request, files: PreparedV3Files): Promise<BuiltBody> {
  const body: Record<string, unknown> = {};
  for (const [name, value] of presentFields(req)) {
    if (name === 'magic_prompt') body.magic_prompt_option = value;
    else if (name === 'aspect_ratio' && typeof value === 'string') body.aspect_ratio = toLegacyAspect(value);
    else body[name] = value;
  }
  // "Model version, defaults to V_3": sent so a relay that maps models cannot pick another.
  if (mode === 'generate') body.model = 'V_3';
  for (const field of ['image', 'mask'] as const) {
    const file = files[field]?.[0];
    if (file) body[field] = await asJsonImage(file);
  }
  const json = JSON.stringify(body);
  return { body: json, bytes: Buffer.byteLength(json), json: true };
}

/** The body of a 3.0 request in `form`. */
export function buildV3Body(form: V3RequestForm, mode: V3Mode, req: V3Request, files: PreparedV3Files): Promise<BuiltBody> {
  return form === 'official' ? officialMultipart(req, files) : crazyrouterJson(mode, req, files);
}
