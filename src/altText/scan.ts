// Finds local image references and whether they have alt text, for each supported syntax.
import { decodeHtmlEntities, decodeJsStringLiteral } from './escape';
import { findImgTags, type ImgTag, type TagAttribute } from './htmlTags';
import { findMarkdownImages, unescapeMarkdown } from './markdown';
import { maskHtml, maskJsx, maskMarkdown, maskVue } from './masking';
import { PositionMapper } from './positions';
import { isRemoteReference, resolveReferencePath } from './resolvePath';
import type { AltState, ImageReference, ReferenceSyntax, ScanContext } from './types';

const SYNTAX_BY_LANGUAGE: Record<string, ReferenceSyntax> = {
  markdown: 'markdown',
  html: 'html',
  javascriptreact: 'jsx',
  typescriptreact: 'jsx',
  vue: 'vue',
};

const SYNTAX_BY_EXTENSION: Record<string, ReferenceSyntax> = {
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  jsx: 'jsx',
  tsx: 'jsx',
  vue: 'vue',
};

/** The syntax for a VS Code language id, or undefined when the scanner does not handle it. */
export function syntaxForLanguageId(languageId: string): ReferenceSyntax | undefined {
  return SYNTAX_BY_LANGUAGE[languageId];
}

/** The syntax for a file name by its extension, or undefined. */
export function syntaxForFileName(fileName: string): ReferenceSyntax | undefined {
  const match = /\.([a-z0-9]+)$/i.exec(fileName);
  return match ? SYNTAX_BY_EXTENSION[match[1].toLowerCase()] : undefined;
}

/** Every local image reference of a document (remote URLs are left out), in document order. */
export function findImageReferences(text: string, syntax: ReferenceSyntax, context: ScanContext): ImageReference[] {
  const positions = new PositionMapper(text);
  const references: ImageReference[] = [];
  switch (syntax) {
    case 'markdown': {
      const masked = maskMarkdown(text);
      for (const image of findMarkdownImages(masked.markdown, text)) {
        if (isRemoteReference(image.destination)) continue;
        const alt = unescapeMarkdown(image.rawAlt);
        references.push({
          syntax,
          form: image.form,
          src: image.destination,
          resolvedPath: resolveReferencePath(image.destination, context),
          alt,
          altState: alt.trim() === '' ? 'empty' : 'present',
          ...(image.title === undefined ? {} : { title: image.title }),
          span: image.span,
          range: positions.range(image.span),
          slot: { kind: 'markdown-brackets', span: image.altSpan },
        });
      }
      // Raw HTML is allowed in Markdown, and <img> is the only way to give an image a size there.
      references.push(...tagReferences(findImgTags(masked.html, { jsx: false }), syntax, 'html', context, positions));
      break;
    }
    case 'html':
      references.push(...tagReferences(findImgTags(maskHtml(text), { jsx: false }), syntax, 'html', context, positions));
      break;
    case 'vue':
      references.push(...tagReferences(findImgTags(maskVue(text), { jsx: false }), syntax, 'vue', context, positions));
      break;
    case 'jsx':
      references.push(...tagReferences(findImgTags(maskJsx(text), { jsx: true }), syntax, 'jsx', context, positions));
      break;
  }
  return references.sort((a, b) => a.span.start - b.span.start);
}

/** The local image references whose alt text is missing or empty (decorative and bound ones are left alone). */
export function findMissingAltText(text: string, syntax: ReferenceSyntax, context: ScanContext): ImageReference[] {
  return findImageReferences(text, syntax, context).filter((ref) => ref.altState === 'missing' || ref.altState === 'empty');
}

type TagDialect = 'html' | 'vue' | 'jsx';

function tagReferences(tags: ImgTag[], syntax: ReferenceSyntax, dialect: TagDialect, context: ScanContext, positions: PositionMapper): ImageReference[] {
  const references: ImageReference[] = [];
  for (const tag of tags) {
    const reference = tagReference(tag, syntax, dialect, context, positions);
    if (reference) references.push(reference);
  }
  return references;
}

function tagReference(tag: ImgTag, syntax: ReferenceSyntax, dialect: TagDialect, context: ScanContext, positions: PositionMapper): ImageReference | undefined {
  const find = (...names: string[]) =>
    tag.attributes.find((attribute) => names.includes(dialect === 'jsx' ? attribute.name : attribute.name.toLowerCase()));
  const srcAttribute = find('src');
  const src = srcAttribute ? literalValue(srcAttribute, dialect) : undefined;
  // A bound or computed src (`:src`, `src={logo}`) is not a path we can read.
  if (src === undefined || src.trim() === '' || isRemoteReference(src) || !srcAttribute) return undefined;
  const altAttribute = find('alt');
  const boundAlt = dialect === 'vue' ? find(':alt', 'v-bind:alt') : undefined;
  const hasSpread = tag.attributes.some((attribute) => attribute.name === '...' || attribute.name === 'v-bind');
  let altState: AltState;
  let alt: string | undefined;
  if (boundAlt) altState = 'dynamic';
  else if (altAttribute) {
    alt = literalValue(altAttribute, dialect);
    altState = alt === undefined ? 'dynamic' : alt.trim() === '' ? 'empty' : 'present';
  } else altState = hasSpread ? 'dynamic' : 'missing'; // a spread (`{...props}`, `v-bind="attrs"`) may carry the alt
  if ((altState === 'missing' || altState === 'empty') && isDecorative(tag, dialect)) altState = 'decorative';
  const titleAttribute = find('title');
  const title = titleAttribute ? literalValue(titleAttribute, dialect) : undefined;
  return {
    syntax,
    form: 'html-tag',
    src,
    resolvedPath: resolveReferencePath(src, context),
    alt,
    altState,
    ...(title === undefined ? {} : { title }),
    span: tag.span,
    range: positions.range(tag.span),
    slot:
      altAttribute && !boundAlt
        ? { kind: 'attribute', span: altAttribute.span, quote: altAttribute.quote ?? 'none' }
        : { kind: 'insert-attribute', offset: srcAttribute.span.end },
  };
}

/** The literal text of an attribute value (entities decoded, JSX string literals read), or undefined when it is an expression. */
function literalValue(attribute: TagAttribute, dialect: TagDialect): string | undefined {
  if (attribute.value === undefined) return ''; // a bare attribute (`<img alt>`) is an empty one
  if (attribute.quote === 'brace') return decodeJsStringLiteral(attribute.value);
  // JSX string attributes decode HTML entities too (Babel and TypeScript both do).
  return dialect === 'jsx' || attribute.quote !== undefined ? decodeHtmlEntities(attribute.value) : attribute.value;
}

/** An image marked as decorative on purpose should keep its empty alt (WAI-ARIA: role presentation/none, or hidden). */
function isDecorative(tag: ImgTag, dialect: TagDialect): boolean {
  return tag.attributes.some((attribute) => {
    const name = dialect === 'jsx' ? attribute.name : attribute.name.toLowerCase();
    const value = literalValue(attribute, dialect)?.trim().toLowerCase();
    return (name === 'role' && (value === 'presentation' || value === 'none')) || (name === 'aria-hidden' && value === 'true');
  });
}
