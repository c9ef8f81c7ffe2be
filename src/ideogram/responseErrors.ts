// How a non-2xx answer of the provider becomes one IdeogramError: a kind the extension can act on,
// a clear message (what the server said, secrets removed) and the setting that is the likely cause.
import * as l10n from '@vscode/l10n';
import { IdeogramError, SETTINGS } from '../common/errors';
import { operationLabel } from '../common/operationLabel';
import { redactSecrets } from '../common/redact';

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
  const { status, body } = ctx;
  const op = operationLabel(ctx.op);
  const html = looksLikeHtml(body, ctx.contentType);
  const serverText = extractErrorMessage(body);
  // What the server said, appended after "(status)"; the colon is translated too (full-width in Chinese).
  const said = serverText ? l10n.t(': {0}', summarize(serverText, ctx.secrets)) : '';
  const sendsImage = ctx.op !== 'generate';

  if (status >= 300 && status < 400) {
    const message = ctx.location
      ? l10n.t('The provider redirected the {0} request to {1} ({2}); the key is not sent to redirects. Update {3}.', op, summarize(ctx.location.split('?')[0], ctx.secrets), status, SETTINGS.baseUrl)
      : l10n.t('The provider redirected the {0} request ({1}); the key is not sent to redirects. Update {2}.', op, status, SETTINGS.baseUrl);
    return new IdeogramError('invalid-response', message, { status, settingHint: SETTINGS.baseUrl });
  }
  if (status === 422) {
    return new IdeogramError('safety', l10n.t('Ideogram rejected the {0} request in its safety check (422){1}. Change the prompt or image and try again.', op, said), { status });
  }
  if (status === 402 || (serverText && QUOTA_PATTERN.test(serverText) && [400, 401, 403, 429].includes(status))) {
    return new IdeogramError('billing', l10n.t('The provider refused the {0} request for billing reasons ({1}){2}. Check your balance or plan.', op, status, said), { status });
  }
  if (status === 401 || status === 403) {
    // For a custom relay the header style is a guess, so it is the first setting to check.
    const settingHint = ctx.provider === 'custom' ? SETTINGS.authStyle : undefined;
    const message = settingHint
      ? l10n.t('The API key was not accepted ({0}){1}. Set a valid API key or check {2}.', status, said, settingHint)
      : l10n.t('The API key was not accepted ({0}){1}. Set a valid API key.', status, said);
    return new IdeogramError('auth', message, { status, settingHint });
  }
  if (status === 429) {
    return new IdeogramError('rate-limit', l10n.t('Too many images in progress at the provider (429){0}.', said), {
      status, retryable: true, retryAfterMs: parseRetryAfter(ctx.retryAfter),
    });
  }
  if (status >= 500) {
    const message = html
      ? l10n.t('The provider had a server error ({0}) and answered with an HTML page.', status)
      : l10n.t('The provider had a server error ({0}){1}.', status, said);
    return new IdeogramError('server', message, { status, retryable: true, settingHint: html ? SETTINGS.baseUrl : undefined });
  }
  if (status === 415 && sendsImage && ctx.transport !== 'multipart') {
    return new IdeogramError('invalid-request', l10n.t('The provider does not accept JSON for {0} (415){1}. Set {2} to multipart.', op, said, SETTINGS.imageTransport), { status, settingHint: SETTINGS.imageTransport });
  }
  if (status === 404 || status === 405 || status === 415) {
    return new IdeogramError('not-found', l10n.t('The provider has no {0} endpoint at this address ({1}){2}. Check {3} and {4}.', op, status, html ? '' : said, SETTINGS.baseUrl, SETTINGS.pathPrefix), { status, settingHint: SETTINGS.pathPrefix });
  }
  if (html) {
    return new IdeogramError('invalid-response', l10n.t('The provider answered the {0} request with a web page ({1}), not the Ideogram API. Check {2} and {3}.', op, status, SETTINGS.baseUrl, SETTINGS.pathPrefix), { status, settingHint: SETTINGS.baseUrl });
  }
  if (status === 413) {
    return new IdeogramError('invalid-request', l10n.t('The image is too large for the provider (413){0}. Use an image of at most 10 MB.', said), { status });
  }
  if (status === 400 && sendsImage && /image_file|image file/i.test(serverText ?? body)) {
    // A relay that wants a file part (or a URL) reports the image as missing or invalid.
    return new IdeogramError('invalid-request', l10n.t('The provider rejected how the image was sent (400){0}. Try another {1} (now {2}).', said, SETTINGS.imageTransport, ctx.transport), { status, settingHint: SETTINGS.imageTransport });
  }
  if (status === 400 && sendsImage && ctx.transport !== 'multipart') {
    // The server's text points elsewhere, so no settings action; but a relay that takes no JSON
    // image bodies often answers a plain 400, so the message names the setting as a possible cause.
    return new IdeogramError('invalid-request', l10n.t('The provider rejected the {0} request ({1}){2}. If it does not take images as JSON, set {3} to multipart (now {4}).', op, status, said, SETTINGS.imageTransport, ctx.transport), { status });
  }
  return new IdeogramError('invalid-request', l10n.t('The provider rejected the {0} request ({1}){2}.', op, status, said), { status });
}
