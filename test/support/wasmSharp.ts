// Makes `require('sharp')` in this process pick @img/sharp-wasm32, the only binding the packaged
// extension ships (esbuild.mjs), by hiding the native @img/sharp-<platform> packages that npm
// installs for development: tests then exercise the same libvips build users run.
import Module from 'node:module';

const NATIVE_BINDING = /^@img\/sharp-(?!wasm32\/)[^/]+\/sharp\.node$/;

type Resolve = (request: string, ...rest: unknown[]) => string;
const moduleInternals = Module as unknown as { _resolveFilename: Resolve };
let installed = false;

/** Hides sharp's native bindings from require(); call before sharp is first loaded. */
export function useWasmSharp(): void {
  if (installed) return;
  installed = true;
  const resolve = moduleInternals._resolveFilename;
  moduleInternals._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
    if (NATIVE_BINDING.test(request)) throw Object.assign(new Error(`Cannot find module '${request}' (hidden: tests use sharp's WebAssembly build)`), { code: 'MODULE_NOT_FOUND' });
    return resolve.call(this, request, ...rest);
  };
}
