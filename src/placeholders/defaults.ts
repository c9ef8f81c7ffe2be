// Defaults of the placeholder settings, in one place: the settings schema and package.json's
// contribution take them from here.
import type { PixelSize } from './types';

/** Defaults of ideogram.placeholders.*: where root-relative paths are served from (Next.js/Vite `public/`, SvelteKit/Hugo/Docusaurus `static/`), and the size when nothing gives one (4:3, generated without cropping). */
export const PLACEHOLDER_DEFAULTS: { readonly publicFolders: readonly string[]; readonly defaultSize: Readonly<PixelSize> } = {
  publicFolders: ['public', 'static'],
  defaultSize: { width: 1024, height: 768 },
};
