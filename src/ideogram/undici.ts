// undici is the largest thing in the host bundle and takes ~100 ms to evaluate. Requiring it on
// the first HTTP call (not at import) keeps that cost out of extension activation: esbuild turns
// this require() into a lazily evaluated module wrapper, so nothing runs until undici() is called.
import type * as Undici from 'undici';

let loaded: typeof Undici | undefined;

/** The undici module, loaded on first use. */
export function undici(): typeof Undici {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would be evaluated at activation
  loaded ??= require('undici') as typeof Undici;
  return loaded;
}
