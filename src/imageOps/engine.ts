// The image library, loaded on first use. sharp with its WebAssembly libvips takes ~150-450 ms
// to load and compile, and nothing at activation needs it: esbuild turns this require() into a
// reference to dist/sharp.js beside the host bundle (esbuild.mjs), so the host bundle does not
// even parse it until an image operation runs. In the packaged extension that bundle can only
// load @img/sharp-wasm32; under plain Node (tests, bench) `sharp` is the npm package, which
// prefers a native binding when one is installed — the unit tests hide those (test/unit/wasmSharp.ts).
import type Sharp from 'sharp';

/** The sharp module (its default export), as the rest of src/imageOps uses it. */
export type SharpModule = typeof Sharp;

let loaded: SharpModule | undefined;

/** sharp, loaded and set up on first use. */
export function sharpModule(): SharpModule {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would be evaluated at activation
    const sharp = require('sharp') as SharpModule;
    // libvips' operation cache keeps recent results (up to 50 MB) for repeated identical calls;
    // ours never repeat, and in WebAssembly memory once grown is never given back.
    sharp.cache(false);
    loaded = sharp;
  }
  return loaded;
}

/** Which library does the work: versions, and whether it is the WebAssembly build. */
export interface EngineInfo { sharp: string; libvips: string; webAssembly: boolean }

/** Versions of the loaded image library (loads it). */
export function engineInfo(): EngineInfo {
  const versions = sharpModule().versions as Record<string, string | undefined>;
  return { sharp: versions.sharp ?? 'unknown', libvips: versions.vips ?? 'unknown', webAssembly: versions.emscripten !== undefined };
}
