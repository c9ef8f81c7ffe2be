// Proxy support: an explicit proxy URL (e.g. VS Code's http.proxy) wins; otherwise the usual
// environment variables, with NO_PROXY honoured by undici's EnvHttpProxyAgent.
import type { Dispatcher } from 'undici';
import { undici } from './undici';

const PROXY_ENV = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/** True when a proxy is configured through the environment. */
export function hasProxyEnvironment(env: NodeJS.ProcessEnv = process.env): boolean {
  return PROXY_ENV.some((name) => (env[name] ?? '').trim() !== '');
}

/** The dispatcher to send through: given one, a ProxyAgent, an EnvHttpProxyAgent, or undefined (undici's default). */
export function createDispatcher(options: { dispatcher?: Dispatcher; proxy?: string }): { dispatcher?: Dispatcher; owned: boolean } {
  if (options.dispatcher) return { dispatcher: options.dispatcher, owned: false };
  if (options.proxy && options.proxy.trim() !== '') return { dispatcher: new (undici().ProxyAgent)(options.proxy.trim()), owned: true };
  if (hasProxyEnvironment()) return { dispatcher: new (undici().EnvHttpProxyAgent)(), owned: true };
  return { owned: false };
}
