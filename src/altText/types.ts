// Shapes shared by the alt-text scanner and its edits. Pure: positions are plain numbers, so the
// scanner runs (and is tested) in plain Node without the vscode module.

/**
 * The document syntaxes the scanner understands. `webmanifest` is a web app manifest (JSON).
 * The alt-text feature reads the first four (see syntaxForLanguageId); the others hold images
 * without alt text (CSS, manifests) or are read by the placeholders feature only (Svelte).
 */
export type ReferenceSyntax = 'markdown' | 'html' | 'jsx' | 'vue' | 'svelte' | 'css' | 'webmanifest';

/** A zero-based line and UTF-16 character offset, like `vscode.Position`. */
export interface TextPosition {
  line: number;
  character: number;
}

/** A start/end pair of positions, like `vscode.Range`. */
export interface TextRange {
  start: TextPosition;
  end: TextPosition;
}

/** A half-open span of string offsets into the document text. */
export interface OffsetSpan {
  start: number;
  end: number;
}

/**
 * Whether a reference has alt text: `missing` (no alt at all), `empty` (only whitespace),
 * `present` (a literal text), `dynamic` (bound to an expression, e.g. Vue `:alt` or JSX `alt={x}`),
 * `decorative` (empty on purpose: `role="presentation"`/`"none"` or `aria-hidden="true"`).
 */
export type AltState = 'missing' | 'empty' | 'present' | 'dynamic' | 'decorative';

/** Where the alt text of a reference lives, or where it would be inserted. */
export type AltSlot =
  /** The text between `![` and `]`. */
  | { kind: 'markdown-brackets'; span: OffsetSpan }
  /** A whole `alt…` attribute (name and value) to be replaced; `quote` keeps the author's style. */
  | { kind: 'attribute'; span: OffsetSpan; quote: '"' | "'" | 'brace' | 'none' }
  /** No alt attribute: one is inserted at `offset` (just after `src`). */
  | { kind: 'insert-attribute'; offset: number };

/** One local image reference found in a document. */
export interface ImageReference {
  /** The syntax of the document it was found in. */
  syntax: ReferenceSyntax;
  /** The form of the reference (an `<img>` inside Markdown is an `html-tag`). */
  form: 'markdown-inline' | 'markdown-reference' | 'html-tag';
  /** The image path as written, after unescaping (entities, Markdown escapes, JS string escapes). */
  src: string;
  /** Absolute POSIX path of the image, or undefined when it cannot be resolved (e.g. a leading `/` without a workspace folder). */
  resolvedPath: string | undefined;
  /** The current alt text (decoded) when it is a literal; undefined when missing or bound. */
  alt: string | undefined;
  /** Whether the reference has alt text. */
  altState: AltState;
  /** The title as written (Markdown `"title"`, or a literal `title` attribute), decoded; undefined when there is none. */
  title?: string;
  /** The whole reference (e.g. `![](x.png)` or the `<img …>` tag). */
  span: OffsetSpan;
  /** The same as `span`, in lines and characters. */
  range: TextRange;
  /** Where alt text goes. */
  slot: AltSlot;
}

/** A text replacement: put `newText` in place of `range` (an empty range inserts). */
export interface AltTextEdit {
  range: TextRange;
  span: OffsetSpan;
  newText: string;
}

/** Where a document lives, to resolve relative image paths. Paths are POSIX (e.g. `vscode.Uri.path`). */
export interface ScanContext {
  /** Absolute POSIX path of the scanned document. */
  documentPath: string;
  /** Absolute POSIX path of the workspace folder holding it; a leading `/` in a reference resolves against it. */
  workspaceFolderPath?: string;
}

/**
 * What names an image: a Markdown image, an `<img>` (`src` or one `srcset` candidate), a
 * `<source srcset>` candidate, an image component (`next/image`'s `<Image src>`), an icon
 * `<link>`, an image `<meta>` (og:image, twitter:image), a CSS `url()`, or an image of a web app
 * manifest (`icons[]`, `screenshots[]`, `shortcuts[].icons[]`).
 */
export type SiteElement = 'markdown-image' | 'img' | 'source' | 'image-component' | 'link' | 'meta' | 'css-url' | 'manifest-image';

/**
 * One place where a document names a local image file, with everything written around it that
 * says what the image should be. The scanner yields every site of a document; the alt-text
 * feature reads the ones that carry a `reference`, the placeholders feature those whose file is
 * missing.
 */
export interface ImageSite {
  /** The syntax of the document it was found in. */
  syntax: ReferenceSyntax;
  element: SiteElement;
  /** Where the path is written: the attribute (`src`, `srcset`, `href`, `content`), `destination` (Markdown), `url` (CSS) or the manifest member (`icons`, `screenshots`, `shortcuts.icons`). */
  via: string;
  /** The path as written, unescaped (one candidate of a `srcset`). */
  src: string;
  /** A `srcset` candidate's descriptor (`2x`, `480w`); undefined when there is none. */
  descriptor?: string;
  /** Absolute POSIX path, as {@link ImageReference.resolvedPath}. */
  resolvedPath: string | undefined;
  /** The whole reference: the tag, `![…](…)`, `url(…)` or the manifest's icon object. */
  span: OffsetSpan;
  range: TextRange;
  /** The path as written in the text (for a reference-style Markdown image, the image: its path is written elsewhere). */
  srcSpan: OffsetSpan;
  srcRange: TextRange;
  /**
   * Literal attribute values by lower-case name (`width`, `height`, `alt`, `title`, `aria-label`,
   * `rel`, `sizes`, `property`…): quoted or bare values, JSX string and number literals, Vue
   * `:width="400"`; expressions are left out. A manifest image has its members (`sizes`, `type`,
   * `purpose`); an og:image its `og:image:width`/`height`/`alt` as `width`/`height`/`alt` (a
   * twitter:image its `twitter:image:alt`); a `<source>`
   * without a size the `width`/`height` of the `<img>` after it.
   */
  attributes: ReadonlyMap<string, string>;
  /** The alt-text view of the site, for the ones that can carry alt text (Markdown images, `<img src>`). */
  reference?: ImageReference;
}

/** A heading of a document: where it starts, its level (1–6) and its text without markup. */
export interface Heading {
  offset: number;
  level: number;
  text: string;
}

/** Everything the scanner reads in one document. */
export interface DocumentScan {
  /** Every local image site, in document order. */
  sites: ImageSite[];
  /** The headings, in document order (Markdown, HTML, JSX, Vue and Svelte); read on first access. */
  readonly headings: Heading[];
  /** The page's title: og:title, else `<title>`, else twitter:title or og:site_name; a Markdown front matter's `title`; a manifest's `name` or `short_name`. Read on first access. */
  readonly title?: string;
}
