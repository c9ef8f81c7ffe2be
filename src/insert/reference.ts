// Text that refers to a saved image from the document the user is editing, in that document's
// own syntax. Pure (no vscode): the caller supplies the language id and the relative path.
import { escapeHtmlAttribute, isLiteralMarkdownAlt, markdownImgTag, normaliseAltText, percentEncode } from '../altText/escape';
import type { ImageSize } from '../common/imageSize';

/** The syntaxes an image reference can be written in. */
export type ReferenceFormat = 'markdown' | 'html' | 'jsx' | 'css' | 'path';

/** The `ideogram.insertFormat` setting: a fixed format, or 'auto' to follow the document's language. */
export type InsertFormatSetting = 'auto' | ReferenceFormat;

const LANGUAGE_FORMATS: Record<string, ReferenceFormat> = {
  markdown: 'markdown', mdx: 'markdown', 'quarto': 'markdown', rmd: 'markdown',
  html: 'html', vue: 'html', svelte: 'html', php: 'html', astro: 'html', handlebars: 'html', razor: 'html',
  javascriptreact: 'jsx', typescriptreact: 'jsx',
  css: 'css', scss: 'css', less: 'css', sass: 'css', stylus: 'css', postcss: 'css',
};

/** The languages whose documents get a reference in their own syntax (the others get a plain path). */
export const REFERENCE_LANGUAGES: readonly string[] = Object.keys(LANGUAGE_FORMATS);

/** The reference format for a document language, unless the setting fixes one. */
export function referenceFormatFor(languageId: string, setting: InsertFormatSetting = 'auto'): ReferenceFormat {
  return setting === 'auto' ? LANGUAGE_FORMATS[languageId] ?? 'path' : setting;
}

/** Path of `targetPath` relative to the directory of `fromDocumentPath` (both Uri `path`s, '/'-separated): `a/b.png`, `../x.png`. */
export function relativeImagePath(fromDocumentPath: string, targetPath: string): string {
  const fromDir = fromDocumentPath.split('/').slice(0, -1).filter(Boolean);
  const target = targetPath.split('/').filter(Boolean);
  let common = 0;
  while (common < fromDir.length && common < target.length - 1 && fromDir[common] === target[common]) common++;
  const up = fromDir.slice(common).map(() => '..');
  return [...up, ...target.slice(common)].join('/');
}

/** Percent-encodes what would break a URL attribute (space, quotes, #, ?, %, brackets), keeping '/' and Unicode readable. */
export function encodeUrlPath(path: string): string {
  return path.replace(/[\s"'#?%<>()[\]`{}|\\^]/gu, percentEncode);
}

/** Markdown link destination: plain when safe, otherwise `<…>` (spaces, parentheses), per CommonMark. */
export function markdownDestination(path: string): string {
  if (!/[\s()<>\\]/.test(path)) return path;
  return `<${path.replace(/([<>\\])/g, '\\$1')}>`;
}

/** Builds the reference to `relativePath` for the given document language (or fixed format). */
export function formatImageReference(
  languageId: string,
  relativePath: string,
  alt: string,
  size?: ImageSize,
  setting: InsertFormatSetting = 'auto',
): string {
  // References never span lines.
  const text = normaliseAltText(alt);
  switch (referenceFormatFor(languageId, setting)) {
    case 'markdown':
      // Alt text that Markdown would read as markup goes into an <img> tag (see isLiteralMarkdownAlt).
      return isLiteralMarkdownAlt(text) ? `![${text}](${markdownDestination(relativePath)})` : markdownImgTag(encodeUrlPath(relativePath), text);
    case 'html': {
      const dims = size ? ` width="${size.width}" height="${size.height}"` : '';
      return `<img src="${escapeHtmlAttribute(encodeUrlPath(relativePath))}" alt="${escapeHtmlAttribute(text)}"${dims}>`;
    }
    case 'jsx': {
      // JSX string attributes decode HTML entities, so the same escaping is safe there.
      const dims = size ? ` width={${size.width}} height={${size.height}}` : '';
      return `<img src="${escapeHtmlAttribute(encodeUrlPath(relativePath))}" alt="${escapeHtmlAttribute(text)}"${dims} />`;
    }
    case 'css':
      return `url("${encodeUrlPath(relativePath).replace(/["\\]/g, '\\$&')}")`;
    case 'path':
      return relativePath;
  }
}
