// Request bodies: bounded reading, JSON, and multipart/form-data (parsed by undici's spec-compliant
// FormData parser rather than by hand, so boundary and quoting edge cases behave like a real server).
import type { IncomingMessage } from 'node:http';
import { Response } from 'undici';

/** An uploaded file part (or a decoded data: URL). */
export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

/** A request body after parsing. */
export type ParsedBody =
  | { kind: 'empty' }
  | { kind: 'json'; json: unknown }
  | { kind: 'multipart'; fields: Record<string, string>; files: UploadedFile[]; textParts: { field: string; value: string }[] };

/** A body problem that maps straight to an HTTP status (400 bad syntax, 413 too big, 415 wrong type). */
export class BodyError extends Error {
  constructor(readonly status: 400 | 413 | 415, message: string) {
    super(message);
  }
}

/**
 * Reads the whole body, keeping at most maxBytes. A larger body is still drained to the end so the
 * client sees a clean 413 answer instead of a reset connection in the middle of its upload.
 */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total <= maxBytes) chunks.push(chunk);
  }
  if (total > maxBytes) {
    throw new BodyError(413, `Request body of ${total} bytes is larger than this server accepts (${maxBytes} bytes).`);
  }
  return Buffer.concat(chunks);
}

/** Parses a body by its Content-Type. */
export async function parseBody(contentType: string, body: Buffer): Promise<ParsedBody> {
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (body.length === 0 && type === '') return { kind: 'empty' };
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      return { kind: 'json', json: JSON.parse(body.toString('utf8')) as unknown };
    } catch {
      throw new BodyError(400, 'Request body is not valid JSON.');
    }
  }
  if (type === 'multipart/form-data') return parseMultipart(contentType, body);
  throw new BodyError(415, `Unsupported Content-Type "${type || '(none)'}": send application/json or multipart/form-data.`);
}

async function parseMultipart(contentType: string, body: Buffer): Promise<ParsedBody> {
  let form: Awaited<ReturnType<Response['formData']>>;
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch (err) {
    throw new BodyError(400, `Malformed multipart/form-data body: ${(err as Error).message}`);
  }
  // `fields` keeps the last value of each text part (the legacy routes take single values);
  // `textParts` keeps every one in order, for the 3.0 list fields sent as repeated parts.
  const fields: Record<string, string> = {};
  const textParts: { field: string; value: string }[] = [];
  const files: UploadedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      fields[field] = value;
      textParts.push({ field, value });
    } else {
      files.push({ field, filename: value.name, contentType: value.type, bytes: new Uint8Array(await value.arrayBuffer()) });
    }
  }
  return { kind: 'multipart', fields, files, textParts };
}

/** Decodes a base64 data: URL; undefined when the string is not one. */
export function decodeDataUrl(url: string): { mime: string; bytes: Uint8Array } | undefined {
  const m = /^data:([^;,]*)((?:;[^;,]*)*?);base64,(.*)$/s.exec(url);
  if (!m) return undefined;
  const base64 = m[3].replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(base64)) return undefined;
  return { mime: m[1] || 'application/octet-stream', bytes: new Uint8Array(Buffer.from(base64, 'base64')) };
}

/** Replaces long data: URLs (and bare base64, which Crazyrouter's 3.0 page also allows) inside a JSON value so the request log stays small. */
export function abbreviateDataUrls(value: unknown): unknown {
  if (typeof value === 'string') {
    const embedded = value.startsWith('data:') || /^[A-Za-z0-9+/_-]+={0,2}$/.test(value);
    if (embedded && value.length > 120) return `${value.slice(0, 60)}…[${value.length} chars]`;
    return value;
  }
  if (Array.isArray(value)) return value.map(abbreviateDataUrls);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, abbreviateDataUrls(v)]));
  }
  return value;
}
