// Shapes shared by the alt-text scanner and its edits. Pure: positions are plain numbers, so the
// scanner runs (and is tested) in plain Node without the vscode module.

/** The four document syntaxes the scanner understands. */
export type ReferenceSyntax = 'markdown' | 'html' | 'jsx' | 'vue';

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
