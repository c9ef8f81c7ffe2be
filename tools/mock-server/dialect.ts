// Error bodies in the shape each service really uses, so the client's error parsing is tested
// against both: Ideogram's {"error":"…"} and Crazyrouter's OpenAI-style {"error":{message,type,code}}.
import type { RecordedRequest } from './types';

/** Which service a request is talking to, decided by its path. */
export type Dialect = RecordedRequest['dialect'];

/** Kinds of error the server produces; each maps to a status and a relay error type/code. */
export type ErrorKind = 'auth' | 'invalid' | 'not-found' | 'method' | 'too-large' | 'media-type' | 'rate-limit' | 'server';

/** The kind of a 4xx the server sends for a bad body or request, by its status. */
export function clientErrorKind(status: number): ErrorKind {
  return status === 413 ? 'too-large' : status === 415 ? 'media-type' : 'invalid';
}

const RELAY_CODES: Record<ErrorKind, { type: string; code: string }> = {
  auth: { type: 'authentication_error', code: 'invalid_api_key' },
  invalid: { type: 'invalid_request_error', code: 'invalid_request' },
  'not-found': { type: 'invalid_request_error', code: 'not_found' },
  method: { type: 'invalid_request_error', code: 'method_not_allowed' },
  'too-large': { type: 'invalid_request_error', code: 'file_too_large' },
  'media-type': { type: 'invalid_request_error', code: 'unsupported_content_type' },
  'rate-limit': { type: 'rate_limit_error', code: 'rate_limit_exceeded' },
  server: { type: 'server_error', code: 'internal_error' },
};

/** The JSON error body for a dialect (Crazyrouter's documented 401 text is "Invalid API key"). */
export function errorBody(dialect: Dialect, kind: ErrorKind, message: string): Record<string, unknown> {
  if (dialect === 'crazyrouter') return { error: { message, ...RELAY_CODES[kind] } };
  // Ideogram documents reject_reason on 429 answers; the other codes carry only the message.
  return kind === 'rate-limit' ? { error: message, reject_reason: 'inflight_limit' } : { error: message };
}

/** Ideogram's own 422 text; relays pass it through unchanged, so both dialects send it. */
export const SAFETY_MESSAGE = 'Prompt provided failed safety check due to the inclusion of prohibited content.';

/** Ideogram's 429 body for the in-flight limit; relays pass it through as well. */
export function inflightBody(limit: number): Record<string, unknown> {
  return { error: `Too many images in flight: the limit is ${limit}.`, reject_reason: 'inflight_limit', max_inflight_requests: limit };
}
