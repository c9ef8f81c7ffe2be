// Provider dialects: where each operation lives and how the key is presented. Chosen by
// configuration, because relays differ in path prefix and auth header and none is documented fully.

/** Known providers; 'custom' takes every value from settings. */
export type ProviderName = 'crazyrouter' | 'ideogram' | 'custom';
/** `Authorization: Bearer <key>` or `Api-Key: <key>`. */
export type AuthStyle = 'bearer' | 'api-key';
/** How remix/upscale/describe send the image: multipart file part, JSON with a URL, or JSON with a data: URL. */
export type ImageTransport = 'multipart' | 'url' | 'data-url';

/** Everything the client needs to address one provider. */
export interface ProviderConfig {
  provider: ProviderName;
  baseUrl: string;
  pathPrefix: string;
  authStyle: AuthStyle;
  transport: ImageTransport;
}

/** Defaults of a provider: Crazyrouter (Bearer, `/ideogram/…`) or official Ideogram (Api-Key, root paths). */
export function providerDefaults(provider: ProviderName): ProviderConfig {
  switch (provider) {
    case 'crazyrouter':
      return { provider, baseUrl: 'https://crazyrouter.com', pathPrefix: '/ideogram', authStyle: 'bearer', transport: 'multipart' };
    case 'ideogram':
      return { provider, baseUrl: 'https://api.ideogram.ai', pathPrefix: '', authStyle: 'api-key', transport: 'multipart' };
    case 'custom':
      // A custom relay most often mirrors the official API; every value is meant to be overridden.
      return { provider, baseUrl: 'https://api.ideogram.ai', pathPrefix: '', authStyle: 'api-key', transport: 'multipart' };
  }
}

/**
 * True when the requests go to Ideogram's own API, whose remix, upscale and describe take only
 * multipart/form-data (its OpenAPI document defines no JSON body for them).
 */
export function isOfficialApi(config: ProviderConfig): boolean {
  if (config.provider === 'ideogram') return true;
  try {
    return new URL(config.baseUrl).hostname === 'api.ideogram.ai';
  } catch {
    return false;
  }
}

/** Normalises a path prefix to '' or '/segment(s)' without a trailing slash. */
export function normalizePathPrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '' : `/${trimmed}`;
}

/** Full URL of an operation's path (capability table), e.g. https://crazyrouter.com/ideogram/generate. */
export function endpointUrl(config: ProviderConfig, path: string): string {
  const base = config.baseUrl.trim().replace(/\/+$/, '');
  return `${base}${normalizePathPrefix(config.pathPrefix)}/${path}`;
}

/** The header that carries the key in this auth style. */
export function authHeaders(style: AuthStyle, key: string): Record<string, string> {
  return style === 'bearer' ? { authorization: `Bearer ${key}` } : { 'api-key': key };
}

/** True for an http(s) link (a hosted image), the only kind of link an input image may be. */
export function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text.trim());
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** A URL safe to log: no user info, no query string (signed links carry secrets there), no data: payload. */
export function urlForLog(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:') return `data:${parsed.pathname.split(/[;,]/)[0]}…`;
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '<invalid url>';
  }
}
