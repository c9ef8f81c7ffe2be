// Typed errors: every failure the client can meet becomes one IdeogramError with a kind the UI
// maps to an action (Set API Key, Open Settings, Retry…) and, when a setting is the likely
// cause, the name of that setting.
import type { ValidationIssue } from './validation';

/** What went wrong, in terms the extension can act on. */
export type IdeogramErrorKind = 'missing-key' | 'auth' | 'billing' | 'safety' | 'rate-limit' | 'server' | 'network'
  | 'timeout' | 'cancelled' | 'invalid-response' | 'invalid-request' | 'not-found' | 'download';

/** Extra facts attached to an IdeogramError. */
export interface IdeogramErrorDetails {
  status?: number;
  issues?: ValidationIssue[];
  settingHint?: string;
  retryable?: boolean;
  /** Server-requested wait before retrying (from Retry-After), in milliseconds. */
  retryAfterMs?: number;
  cause?: unknown;
}

/** The one error type the client throws. Its message never contains the API key. */
export class IdeogramError extends Error {
  readonly kind: IdeogramErrorKind;
  readonly status?: number;
  readonly issues?: ValidationIssue[];
  readonly settingHint?: string;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;

  constructor(kind: IdeogramErrorKind, message: string, details: IdeogramErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'IdeogramError';
    this.kind = kind;
    this.status = details.status;
    this.issues = details.issues;
    this.settingHint = details.settingHint;
    this.retryable = details.retryable ?? false;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** True when `err` is an IdeogramError (optionally of the given kind). */
export function isIdeogramError(err: unknown, kind?: IdeogramErrorKind): err is IdeogramError {
  return err instanceof IdeogramError && (kind === undefined || err.kind === kind);
}

/** Replaces every occurrence of each secret (and its URL-encoded form) with '[redacted]'. */
export function redactSecrets(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) {
    // Very short strings would redact ordinary words; real keys are long.
    if (!secret || secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join('[redacted]');
  }
  return out;
}

/** Setting names the hints refer to (owned by the commands engineer's package.json). */
export const SETTINGS = {
  baseUrl: 'ideogram.baseUrl',
  pathPrefix: 'ideogram.pathPrefix',
  authStyle: 'ideogram.authStyle',
  imageTransport: 'ideogram.imageTransport',
} as const;

/** Reads the message out of `{"error":"…"}`, `{"error":{"message":…}}`, `{"message":…}` or `{"detail":…}`. */
export function extractErrorMessage(body: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as Record<string, unknown>;
  const error = record.error;
  if (typeof error === 'string' && error.trim()) return error.trim();
  if (typeof error === 'object' && error !== null) {
    const message = (error as Record<string, unknown>).message;
    if (typeof message === 'string' && message.trim()) return message.trim();
  }
  for (const key of ['message', 'detail', 'msg']) {
    const value = record[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return undefined;
}

/** Parses Retry-After (delta seconds or an HTTP date) into milliseconds from `now`. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** True when the body looks like an HTML page rather than an API answer. */
export function looksLikeHtml(body: string, contentType: string | null | undefined): boolean {
  return /text\/html/i.test(contentType ?? '') || /^\s*<(!doctype|html|head|body)\b/i.test(body);
}

/** What errorFromResponse needs to know about the request that failed. */
export interface ResponseContext {
  status: number;
  body: string;
  contentType?: string | null;
  retryAfter?: string | null;
  op: string;
  transport: string;
  provider: string;
  secrets: string[];
  location?: string | null;
}

const QUOTA_PATTERN = /insufficient[_ ]?(quota|balance|funds)|quota|daily_limit|余额|额度/i;

function summarize(text: string, secrets: string[]): string {
  const oneLine = redactSecrets(text, secrets).replace(/\s+/g, ' ').trim();
  return oneLine.length > 300 ? `${oneLine.slice(0, 297)}…` : oneLine;
}

/** Maps a non-2xx answer to an IdeogramError with a kind, a clear message and a setting hint. */
export function errorFromResponse(ctx: ResponseContext): IdeogramError {
  const { status, body, op } = ctx;
  const html = looksLikeHtml(body, ctx.contentType);
  const serverText = extractErrorMessage(body);
  const said = serverText ? `: ${summarize(serverText, ctx.secrets)}` : '';
  const sendsImage = op !== 'generate';

  if (status >= 300 && status < 400) {
    const target = ctx.location ? ` to ${summarize(ctx.location.split('?')[0], ctx.secrets)}` : '';
    return new IdeogramError('invalid-response', `The provider redirected the ${op} request${target} (${status}); the key is not sent to redirects. Update ${SETTINGS.baseUrl}.`, { status, settingHint: SETTINGS.baseUrl });
  }
  if (status === 422) {
    return new IdeogramError('safety', `Ideogram rejected the ${op} request in its safety check (422)${said}. Change the prompt or image and try again.`, { status });
  }
  if (status === 402 || (serverText && QUOTA_PATTERN.test(serverText) && [400, 401, 403, 429].includes(status))) {
    return new IdeogramError('billing', `The provider refused the ${op} request for billing reasons (${status})${said}. Check your balance or plan.`, { status });
  }
  if (status === 401 || status === 403) {
    // For a custom relay the header style is a guess, so it is the first setting to check.
    const settingHint = ctx.provider === 'custom' ? SETTINGS.authStyle : undefined;
    return new IdeogramError('auth', `The API key was not accepted (${status})${said}. Set a valid API key${settingHint ? ` or check ${settingHint}` : ''}.`, { status, settingHint });
  }
  if (status === 429) {
    return new IdeogramError('rate-limit', `Too many images in progress at the provider (429)${said}.`, {
      status, retryable: true, retryAfterMs: parseRetryAfter(ctx.retryAfter),
    });
  }
  if (status >= 500) {
    return new IdeogramError('server', `The provider had a server error (${status})${html ? ' and answered with an HTML page' : said}.`, {
      status, retryable: true, settingHint: html ? SETTINGS.baseUrl : undefined,
    });
  }
  if (status === 415 && sendsImage && ctx.transport !== 'multipart') {
    return new IdeogramError('invalid-request', `The provider does not accept JSON for ${op} (415)${said}. Set ideogram.imageTransport to multipart.`, { status, settingHint: SETTINGS.imageTransport });
  }
  if (status === 404 || status === 405 || status === 415) {
    return new IdeogramError('not-found', `The provider has no ${op} endpoint at this address (${status})${html ? '' : said}. Check ${SETTINGS.baseUrl} and ${SETTINGS.pathPrefix}.`, { status, settingHint: SETTINGS.pathPrefix });
  }
  if (html) {
    return new IdeogramError('invalid-response', `The provider answered the ${op} request with a web page (${status}), not the Ideogram API. Check ${SETTINGS.baseUrl} and ${SETTINGS.pathPrefix}.`, { status, settingHint: SETTINGS.baseUrl });
  }
  if (status === 413) {
    return new IdeogramError('invalid-request', `The image is too large for the provider (413)${said}. Use an image of at most 10 MB.`, { status });
  }
  if (status === 400 && sendsImage && /image_file|image file/i.test(serverText ?? body)) {
    // A relay that wants a file part (or a URL) reports the image as missing or invalid.
    return new IdeogramError('invalid-request', `The provider rejected how the image was sent (400)${said}. Try another ${SETTINGS.imageTransport} (now ${ctx.transport}).`, { status, settingHint: SETTINGS.imageTransport });
  }
  return new IdeogramError('invalid-request', `The provider rejected the ${op} request (${status})${said}.`, { status });
}
