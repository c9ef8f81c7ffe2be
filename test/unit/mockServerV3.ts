// Helpers for the 3.0 tests of the local server: raw HTTP requests (fetch with FormData, repeated
// parts allowed), pictures painted pixel by pixel, and decoding what the server answers.
import { strict as assert } from 'node:assert';
import { PNG } from 'pngjs';
import type { MockServer } from '../../tools/mock-server';

export const KEY = 'sk-mock-v3-5519';
/** The official dialect's header; relays (Crazyrouter) use Bearer. */
export const apiKey = { 'Api-Key': KEY };
export const bearer = { Authorization: `Bearer ${KEY}` };

/** A multipart part: text, or a file (bytes with a name and type). */
export type Part = string | { bytes: Uint8Array; name?: string; type?: string };

/** POSTs multipart/form-data built from [name, value] pairs, so a name may repeat (list fields). */
export async function postParts(server: MockServer, path: string, parts: [string, Part][], headers: Record<string, string> = apiKey): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of parts) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([value.bytes], { type: value.type ?? 'image/png' }), value.name ?? `${name}.png`);
  }
  return fetch(server.baseUrl + path, { method: 'POST', headers, body: form });
}

/** POSTs a JSON body. */
export async function postJson(server: MockServer, path: string, body: unknown, headers: Record<string, string> = apiKey): Promise<Response> {
  return fetch(server.baseUrl + path, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

/** One image of a 3.0 answer. */
export interface V3Image { url: string | null; prompt: string; resolution: string; upscaled_resolution?: string; is_image_safe: boolean; seed: number; style_type?: string }
/** A 3.0 answer. */
export interface V3Answer { created: string | number; data: V3Image[] }

/** The JSON of a 200 answer (the body is shown when the status is not 200). */
export async function ok<T = V3Answer>(res: Response): Promise<T> {
  const text = await res.text();
  assert.equal(res.status, 200, text);
  return JSON.parse(text) as T;
}

/** The status and error text of a refusal, in either dialect's body shape. */
export async function refusal(res: Response): Promise<{ status: number; message: string }> {
  const body = (await res.json()) as { error: string | { message: string } };
  return { status: res.status, message: typeof body.error === 'string' ? body.error : body.error.message };
}

/** Downloads and decodes an answer's PNG; `colorType` is the PNG header's (2 = RGB, 6 = RGBA). */
export async function download(url: string | null): Promise<PNG & { colorType: number }> {
  assert.ok(url, 'the answer has a url');
  const res = await fetch(url);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'image/png');
  const bytes = Buffer.from(await res.arrayBuffer());
  return Object.assign(PNG.sync.read(bytes), { colorType: bytes[25] });
}

/** A PNG painted by `paint(x, y)` → [r, g, b] or [r, g, b, a]. */
export function paintPng(width: number, height: number, paint: (x: number, y: number) => readonly number[], colorType: 0 | 2 | 6 = 6): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b, a = 255] = paint(x, y);
      png.data.set([r, g, b, a], (y * width + x) * 4);
    }
  }
  return PNG.sync.write(png, { colorType });
}

/** A picture with a different colour at every pixel, so any moved, flipped or repainted pixel shows. */
export function gradientPng(width: number, height: number): Buffer {
  return paintPng(width, height, (x, y) => [(x * 7) % 256, (y * 5) % 256, (x + y * 3) % 256]);
}

/** A black-and-white greyscale mask, black where `edit(x, y)` (the vendor's inpaint polarity: black = edit). */
export function maskPng(width: number, height: number, edit: (x: number, y: number) => boolean): Buffer {
  return paintPng(width, height, (x, y) => (edit(x, y) ? [0, 0, 0] : [255, 255, 255]), 0);
}

/** The RGBA of one pixel. */
export function pixel(png: PNG, x: number, y: number): number[] {
  const i = (y * png.width + x) * 4;
  return [...png.data.subarray(i, i + 4)];
}
