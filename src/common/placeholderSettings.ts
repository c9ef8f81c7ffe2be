// The placeholder settings (`ideogram.placeholders.*`, issue 15): their defaults and how a size is
// written, in one place. Here in src/common because the settings schema (the lowest layer) reads
// them; src/placeholders re-exports the defaults for the planner.
import type { ImageSize } from './imageSize';

/** How missing images show in open documents: not at all, as hints (dotted underline) or as information. */
export const PLACEHOLDER_DIAGNOSTIC_LEVELS = ['off', 'hint', 'information'] as const;

/** A value of ideogram.placeholders.diagnostics. */
export type PlaceholderDiagnosticLevel = (typeof PLACEHOLDER_DIAGNOSTIC_LEVELS)[number];

/** Defaults of ideogram.placeholders.*: where root-relative paths are served from (Next.js/Vite `public/`, SvelteKit/Hugo/Docusaurus `static/`), the size when nothing gives one (4:3, generated without cropping), no project style, hints. */
export const PLACEHOLDER_DEFAULTS: {
  readonly publicFolders: readonly string[];
  readonly defaultSize: Readonly<ImageSize>;
  readonly style: string;
  readonly diagnostics: PlaceholderDiagnosticLevel;
} = {
  publicFolders: ['public', 'static'],
  defaultSize: { width: 1024, height: 768 },
  style: '',
  diagnostics: 'hint',
};

/** Largest side of a placeholder's size setting (the image library's own limit is higher). */
export const MAX_PLACEHOLDER_SIDE = 4096;

/** `1024x768` (also `1024×768`, spaces allowed) → its size; undefined when it is not two whole numbers from 1 to MAX_PLACEHOLDER_SIDE. */
export function parsePixelSize(text: string): ImageSize | undefined {
  const match = /^\s*(\d{1,4})\s*[x×]\s*(\d{1,4})\s*$/i.exec(text);
  if (!match) return undefined;
  const width = Number(match[1]);
  const height = Number(match[2]);
  const ok = (n: number) => n >= 1 && n <= MAX_PLACEHOLDER_SIDE;
  return ok(width) && ok(height) ? { width, height } : undefined;
}

/** A size as the setting writes it: `1024x768`. */
export const formatPixelSize = (size: ImageSize): string => `${size.width}x${size.height}`;
