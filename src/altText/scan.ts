// Finds the images a document references, with one scanner per syntax: every local image site
// with its path, ranges and literal attributes (see ImageSite), the document's headings and its
// title. The alt-text feature reads the sites that can carry alt text (findImageReferences); the
// placeholders feature reads the ones whose file is missing.
import { findCssUrls } from './css';
import { markdownHeadings, markupHeadings } from './headings';
import { findTags } from './htmlTags';
import { readManifest } from './manifest';
import { findMarkdownImages, unescapeMarkdown } from './markdown';
import { maskCss, maskHtml, maskJsx, maskMarkdown, maskVue } from './masking';
import { PositionMapper } from './positions';
import { isRemoteReference, resolveReferencePath } from './resolvePath';
import { imageTagNames, nextImageComponents, TagSiteReader, type MakeSite, type TagDialect } from './tagSites';
import type { DocumentScan, ImageReference, ImageSite, ReferenceSyntax, ScanContext } from './types';

export { scanFileGlob, scanSyntaxFor, syntaxForFileName, syntaxForLanguageId } from './syntaxes';

/** The attributes of sites that have none (Markdown images, CSS url()s): one shared map, as a page may hold very many. */
const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

/** Every local image reference that can carry alt text (Markdown images and `<img src>`; remote URLs left out), in document order. */
export function findImageReferences(text: string, syntax: ReferenceSyntax, context: ScanContext): ImageReference[] {
  return scanDocument(text, syntax, context).sites.flatMap((site) => (site.reference ? [site.reference] : []));
}

/** Options of {@link findMissingAltText}. */
export interface MissingAltTextOptions {
  /** Also report tags whose alt attribute is written empty (`alt=""`); default false. */
  includeEmptyAttributes?: boolean;
}

/**
 * The local image references whose alt text is missing or empty (decorative and bound ones are
 * left alone). A tag's `alt=""` is how authors mark an image decorative, so it counts only with
 * `includeEmptyAttributes`; an empty Markdown `![](…)` has no such meaning and always counts.
 */
export function findMissingAltText(text: string, syntax: ReferenceSyntax, context: ScanContext, options: MissingAltTextOptions = {}): ImageReference[] {
  return findImageReferences(text, syntax, context).filter((ref) =>
    ref.altState === 'missing' || (ref.altState === 'empty' && (ref.slot.kind !== 'attribute' || options.includeEmptyAttributes === true)));
}

/**
 * Every local image site of a document (remote URLs and `data:` left out), in document order, with
 * its headings and title (read on first access). Linear in the document, whatever it holds.
 */
export function scanDocument(text: string, syntax: ReferenceSyntax, context: ScanContext): DocumentScan {
  const positions = new PositionMapper(text);
  const make: MakeSite = (draft) => ({
    syntax,
    ...draft,
    resolvedPath: resolveReferencePath(draft.src, context),
    range: positions.range(draft.span),
    srcRange: positions.range(draft.srcSpan),
  });
  const sites: ImageSite[] = [];
  /** Reads the headings and the title; only the placeholders feature asks, so the alt-text scan never pays for them. */
  let outline: () => Outline = () => ({ headings: [] });
  /** Reads the image tags of masked markup; returns the title their meta tags give. */
  const readTags = (masked: string, dialect: TagDialect, components: readonly string[] = []) => {
    const reader = new TagSiteReader(dialect, components, make);
    for (const tag of findTags(masked, imageTagNames(components), { jsx: dialect === 'jsx', svelte: dialect === 'svelte' })) reader.read(tag);
    for (const site of reader.sites) sites.push(site); // (a spread would exceed the argument limit in a large document)
    return reader.title;
  };
  const readCss = (masked: string) => {
    for (const url of findCssUrls(masked)) {
      if (!isRemoteReference(url.src)) sites.push(make({ element: 'css-url', via: 'url', src: url.src, span: url.span, srcSpan: url.srcSpan, attributes: NO_ATTRIBUTES }));
    }
  };
  /** Headings and `<title>` of masked markup; the meta tags' title wins over `<title>`. */
  const markupOutline = (masked: string, metaTitle: string | undefined) => () => {
    const markup = markupHeadings(masked, syntax);
    const title = metaTitle ?? markup.title;
    return { headings: markup.headings, ...(title === undefined ? {} : { title }) };
  };
  switch (syntax) {
    case 'markdown': {
      const masked = maskMarkdown(text);
      for (const image of findMarkdownImages(masked.markdown, text)) {
        if (isRemoteReference(image.destination)) continue;
        const site = make({ element: 'markdown-image', via: 'destination', src: image.destination, span: image.span, srcSpan: image.destinationSpan ?? image.span, attributes: NO_ATTRIBUTES });
        const alt = unescapeMarkdown(image.rawAlt);
        site.reference = {
          syntax,
          form: image.form,
          src: image.destination,
          resolvedPath: site.resolvedPath,
          alt,
          altState: alt.trim() === '' ? 'empty' : 'present',
          ...(image.title === undefined ? {} : { title: image.title }),
          span: image.span,
          range: site.range,
          slot: { kind: 'markdown-brackets', span: image.altSpan },
        };
        sites.push(site);
      }
      // Raw HTML is allowed in Markdown, and <img> is the only way to give an image a size there.
      const metaTitle = readTags(masked.html, 'html');
      outline = () => {
        const markdown = markdownHeadings(masked.markdown, text);
        const title = markdown.title ?? metaTitle;
        return { headings: markdown.headings, ...(title === undefined ? {} : { title }) };
      };
      break;
    }
    case 'html':
    case 'svelte': {
      const masked = maskHtml(text);
      outline = markupOutline(masked, readTags(masked, syntax));
      readCss(maskHtml(text, { keepStyles: true }));
      break;
    }
    case 'vue': {
      const masked = maskVue(text);
      outline = markupOutline(masked, readTags(masked, 'vue'));
      readCss(maskHtml(text, { keepStyles: true })); // <style> blocks and style attributes of the template
      break;
    }
    case 'jsx': {
      const masked = maskJsx(text);
      outline = markupOutline(masked, readTags(masked, 'jsx', nextImageComponents(masked)));
      readCss(masked); // style={{ backgroundImage: 'url(…)' }} and CSS-in-JS
      break;
    }
    case 'css':
      readCss(maskCss(text));
      break;
    case 'webmanifest': {
      const manifest = readManifest(text);
      for (const image of manifest.images) {
        if (isRemoteReference(image.src)) continue;
        sites.push(make({ element: 'manifest-image', via: image.member, src: image.src, span: image.span, srcSpan: image.srcSpan, attributes: image.members }));
      }
      outline = () => ({ headings: [], ...(manifest.name === undefined ? {} : { title: manifest.name }) });
      break;
    }
  }
  sites.sort((a, b) => a.span.start - b.span.start || a.srcSpan.start - b.srcSpan.start);
  let read: Outline | undefined;
  const outlineOnce = () => (read ??= outline());
  return {
    sites,
    get headings() {
      return outlineOnce().headings;
    },
    get title() {
      return outlineOnce().title;
    },
  };
}

/** A document's headings and title. */
type Outline = Pick<DocumentScan, 'headings' | 'title'>;
