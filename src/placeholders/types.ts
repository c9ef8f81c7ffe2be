// Shapes of the placeholders core: documents in, a reviewed-before-spending plan out. Pure data:
// paths are absolute POSIX paths (`vscode.Uri.path`), positions plain numbers, and no text here
// is shown to people as is (sources are codes the UI labels in the user's language).
import type { OffsetSpan, ReferenceSyntax, SiteElement, TextRange } from '../altText';
import type { ImageFormat } from '../imageOps/formats';

/** A document to look for missing images in. */
export interface PlaceholderDocument {
  /** Absolute POSIX path (`vscode.Uri.path`). */
  path: string;
  text: string;
  syntax: ReferenceSyntax;
  /** Absolute POSIX path of its workspace folder; a document outside every folder gets no placeholders (nothing is written outside the workspace). */
  workspaceFolderPath: string | undefined;
}

/** A width and height in pixels. */
export interface PixelSize {
  width: number;
  height: number;
}

/** Where a size came from, most telling first (the order in which they are tried). */
export const SIZE_SOURCES = ['attributes', 'manifest-sizes', 'link-sizes', 'file-name', 'convention', 'default'] as const;

/**
 * Where a size came from: `width`/`height` attributes or props (og:image:width/height too), a
 * manifest icon's `sizes`, a `<link sizes>`, the file name (`-1200x630`), a convention (og:image
 * and twitter:image 1200×630, apple-touch-icon 180×180, icon 32×32), or the default setting.
 */
export type SizeSource = (typeof SIZE_SOURCES)[number];

/** The size one reference asks for, and why. */
export interface SizeDerivation extends PixelSize {
  source: SizeSource;
  /** What was read, as written in the document: `width="400" height="300"`, `192x192`, `-1200x630`, `480w`; undefined for a convention or the default. */
  written?: string;
  /** When only one side was written: where the other side's aspect ratio came from. */
  aspectFrom?: SizeSource;
  /** The pixel density applied (a `2x` srcset descriptor, an `@2x` in the file name); undefined for 1. */
  density?: number;
}

/** Where a prompt's subject came from, in the order they are tried for most images. */
export type PromptSource = 'alt' | 'title' | 'aria-label' | 'surrounding-text' | 'heading' | 'page-title' | 'file-name';

/** The prompt planned for an image. */
export interface PromptDerivation {
  /** The whole prompt: subject, kind hint and project style. */
  text: string;
  subject: string;
  source: PromptSource;
  /** Index in the item's references of the reference the subject came from. */
  reference: number;
  /** The kind's hint, when the kind has one (icons: simple, centred, on a transparent background). */
  kindHint?: string;
  /** The project-wide style (`ideogram.placeholders.style`), when set. */
  style?: string;
}

/** What an image is for; it chooses the prompt's hint and whether the image wants alpha. */
export type PlaceholderKind = 'icon' | 'logo' | 'og' | 'screenshot' | 'background' | 'photo' | 'illustration';

/** A shape the model generates: an aspect ratio (`ASPECT_16_9`, 3.0's `16x9`) or a fixed resolution (`RESOLUTION_1024_768`, 3.0's `1024x768`). */
export interface GenerationShape {
  /** The API's value, sent as is. */
  value: string;
  kind: 'aspect-ratio' | 'resolution';
  /** The ratio's terms (16, 9) or the resolution's pixels. */
  width: number;
  height: number;
}

/** The shape to generate an image at, so that a centre crop and resize to the target loses least. */
export interface GenerationChoice {
  shape: GenerationShape;
  /** The share of the generated image the centre crop keeps (1: nothing is cropped). */
  kept: number;
  /** For a resolution: how much the kept part is enlarged to the target (1: not at all). */
  enlargement?: number;
}

/** One reference to a missing image. */
export interface PlaceholderReference {
  /** Absolute POSIX path of the document. */
  document: string;
  syntax: ReferenceSyntax;
  element: SiteElement;
  /** The path as written, unescaped. */
  src: string;
  /** The path exactly as it stands in the document text. */
  text: string;
  /** Where the path is written (where a diagnostic and its Quick Fix go). */
  range: TextRange;
  span: OffsetSpan;
  /** The whole reference: tag, `![…](…)`, `url(…)` or manifest icon object. */
  referenceRange: TextRange;
  /** The size this reference asks for. */
  size: SizeDerivation;
}

/** One image to make: one per missing file, with every reference to it. */
export interface PlaceholderItem {
  /** Where to write it, relative to its workspace folder (POSIX). */
  target: string;
  /** The same, absolute (POSIX). */
  targetPath: string;
  workspaceFolderPath: string;
  exists: false;
  /** Every reference to the file, by document path then position. */
  references: PlaceholderReference[];
  prompt: PromptDerivation;
  /** The size to make, and the index of the reference it came from. */
  size: SizeDerivation & { reference: number };
  /** When the references ask for different sizes: each size with the indexes of the references that ask for it (the default size never disagrees); empty when they agree. */
  sizeConflicts: (SizeDerivation & { references: number[] })[];
  format: ImageFormat;
  kind: PlaceholderKind;
  /** Generate with a transparent background (icons and logos in a format with alpha, when the model can). */
  alpha: boolean;
  generation: GenerationChoice;
}

/**
 * Why a reference to a raster image gets no placeholder: its path is a template expression
 * (`{{ img }}`, `${x}`, `<?= ?>`), a bundler alias (`@/`, `~/`), an absolute file-system path
 * (`C:\…`), it resolves outside the workspace folder, or its document is in no workspace folder.
 */
export type IgnoreReason = 'template-expression' | 'alias' | 'absolute-path' | 'outside-workspace' | 'no-workspace-folder';

/** A reference left out of the plan, and why. */
export interface IgnoredReference {
  document: string;
  src: string;
  range: TextRange;
  reason: IgnoreReason;
}

/** What planPlaceholders found. */
export interface PlaceholderPlan {
  /** One per missing file, by target path. */
  items: PlaceholderItem[];
  /** References to raster images that cannot get one. */
  ignored: IgnoredReference[];
}

/** How to plan; the adapter fills it from the settings and the workspace. */
export interface PlaceholderOptions {
  /** Whether anything (file or folder) is at an absolute POSIX path; resolves false for a missing one (the adapter uses workspace.fs.stat). */
  exists(path: string): boolean | Promise<boolean>;
  /** The shapes the chosen model generates (see generationShapes): the legacy ASPECT_* values, or 3.0's list. */
  generationShapes: readonly GenerationShape[];
  /** Folders (relative to the workspace folder) a root-relative path (`/og.png`) is served from, tried in order before the workspace folder itself. */
  publicFolders?: readonly string[];
  /** The size when nothing in the document or file name gives one. */
  defaultSize?: PixelSize;
  /** A project-wide style added to every prompt (`ideogram.placeholders.style`). */
  style?: string;
  /** Whether the model can generate transparent images (Ideogram 3.0's generate-transparent). */
  transparentAvailable?: boolean;
  /** Paths differing only in case are one file (Windows and macOS file systems). */
  ignoreCase?: boolean;
}
