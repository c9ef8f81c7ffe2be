// Redaction for everything the extension logs or shows. Pure, so it is unit-tested in plain Node.

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

// Header-shaped credentials are masked even when the key itself is unknown to us (e.g. a key that
// was replaced while a request was in flight, or one a relay echoes back in an error).
const HEADER_SECRET = /\b(authorization|api-key|x-api-key)(["']?\s*[:=]\s*["']?)(bearer\s+)?[^\s"',;]+/gi;

// Credentials in a URL (`socks5://alice:password@proxy:1080`, `https://token@relay`) and its query
// (`?key=…`, signed links): whatever sits between `//` and the last `@` before the host, and
// everything after `?` up to a fragment or the end of the URL.
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#"'<>]*@/gi;
const URL_QUERY = /\b([a-z][a-z0-9+.-]*:\/\/[^\s?#"'<>]*)\?[^\s#"'<>]*/gi;

/** Masks the credentials and the query string of every URL in text, keeping scheme, host and path. */
export function redactUrlSecrets(text: string): string {
  return text.replace(URL_USERINFO, '$1[redacted]@').replace(URL_QUERY, '$1?[redacted]');
}

/** Removes every known secret (and its URL-encoded form) and any header-shaped credential from text. */
export function redactText(text: string, secrets: readonly string[]): string {
  return redactSecrets(text, [...secrets]).replace(HEADER_SECRET, (_m, name: string, sep: string, bearer?: string) => `${name}${sep}${bearer ?? ''}[redacted]`);
}

/** A copy of `value` with `redact` applied to every string in it (object keys included), at any depth. */
export function redactStrings<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactStrings(item, redact)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redact(key), redactStrings(item, redact)])) as T;
  }
  return value;
}
