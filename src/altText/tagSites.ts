// From start tags to image sites: `<img>` (its src, with its alt-text reference, and its srcset
// candidates), `<source srcset>`, image components (next/image's `<Image src>`), icon `<link>`s
// and image `<meta>`s (og:image, twitter:image), plus the page title that meta tags give.
import { decodeHtmlEntities, decodeJsStringLiteral } from './escape';
import type { HtmlTag, TagAttribute } from './htmlTags';
import { isRemoteReference } from './resolvePath';
import { srcsetCandidates } from './srcset';
import type { AltState, ImageReference, ImageSite, OffsetSpan, SiteElement } from './types';

/** How a tag's attributes are written. */
export type TagDialect = 'html' | 'vue' | 'jsx' | 'svelte';

/** The parts of a site a reader knows; the scanner adds the syntax, the ranges and the resolved path. */
export type SiteDraft = Omit<ImageSite, 'syntax' | 'range' | 'srcRange' | 'resolvedPath'>;

/** Turns a draft into a site. */
export type MakeSite = (draft: SiteDraft) => ImageSite;

/** Link relations whose `href` is an image of the page (its icons). */
const ICON_RELS = ['icon', 'apple-touch-icon', 'apple-touch-icon-precomposed'];
/** Meta `property`/`name` values whose `content` is an image of the page (itemprop `image` too). */
const IMAGE_META = ['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src', 'image'];
/** Meta properties that describe the og:image (twitter:image) before them, and the attribute each becomes on its site (Open Graph's structured properties). */
const IMAGE_META_PROPERTIES: ReadonlyMap<string, 'width' | 'height' | 'alt'> = new Map([
  ['og:image:width', 'width'], ['og:image:height', 'height'], ['og:image:alt', 'alt'], ['twitter:image:alt', 'alt'],
]);
/** Meta properties whose content titles the page, best first. */
const TITLE_META = ['og:title', 'twitter:title', 'og:site_name'];

/** The tag names that can name an image; in JSX also the names the file imports next/image as. */
export function imageTagNames(imageComponents: readonly string[] = []): string[] {
  return ['img', 'source', 'link', 'meta', ...imageComponents];
}

/** The local names a JSX/TSX file imports `next/image` (or `next/legacy/image`) as: `import Image from 'next/image'`. */
export function nextImageComponents(masked: string): string[] {
  return [...masked.matchAll(/\bimport\s+([A-Za-z_$][\w$]*)\s+from\s*["']next\/(?:legacy\/)?image["']/g)].map((match) => match[1]);
}

/** Reads the image sites of one document's tags, in order. */
export class TagSiteReader {
  readonly sites: ImageSite[] = [];
  private readonly titles = new Map<string, string>();
  /** The attributes of the last og:image and twitter:image sites (by prefix), which og:image:width/height/alt complete. */
  private readonly lastImageMeta = new Map<string, Map<string, string> | undefined>();
  /** The attributes of `<source>`s without a size since the last `<img>`: the `<img>` of their `<picture>` gives it. */
  private pendingSources: Map<string, string>[] = [];

  constructor(private readonly dialect: TagDialect, private readonly imageComponents: readonly string[], private readonly make: MakeSite) {}

  /** The page title the meta tags read so far give (og:title, else twitter:title, else og:site_name). */
  get title(): string | undefined {
    for (const key of TITLE_META) {
      const title = this.titles.get(key);
      if (title) return title;
    }
    return undefined;
  }

  /** Reads one tag (of the names {@link imageTagNames} gives). */
  read(tag: HtmlTag): void {
    const name = this.dialect === 'jsx' ? tag.name : tag.name.toLowerCase();
    const attributes = literalAttributes(tag, this.dialect);
    if (name === 'img') this.img(tag, attributes);
    else if (name === 'source') {
      this.srcset(tag, 'source', attributes);
      if (!attributes.has('width') && !attributes.has('height')) this.pendingSources.push(attributes);
    } else if (name === 'link') {
      const rel = attributes.get('rel')?.toLowerCase().split(/\s+/) ?? [];
      const preloadsImage = rel.includes('preload') && attributes.get('as')?.toLowerCase() === 'image';
      if (preloadsImage || rel.some((token) => ICON_RELS.includes(token))) this.single(tag, 'link', 'href', attributes);
    } else if (name === 'meta') this.meta(tag, attributes);
    else if (this.imageComponents.includes(name)) this.single(tag, 'image-component', 'src', attributes);
  }

  private img(tag: HtmlTag, attributes: Map<string, string>): void {
    const site = this.single(tag, 'img', 'src', attributes);
    const srcAttribute = this.attribute(tag, 'src');
    if (site && srcAttribute) site.reference = altReference(tag, this.dialect, site, srcAttribute);
    this.srcset(tag, 'img', attributes);
    for (const source of this.pendingSources) {
      for (const side of ['width', 'height']) {
        const value = attributes.get(side);
        if (value !== undefined) source.set(side, value);
      }
    }
    this.pendingSources = [];
  }

  private meta(tag: HtmlTag, attributes: Map<string, string>): void {
    const key = (attributes.get('property') ?? attributes.get('name') ?? attributes.get('itemprop'))?.trim().toLowerCase();
    if (!key) return;
    const content = attributes.get('content')?.trim();
    const prefix = key.slice(0, key.indexOf(':') + 1); // `og:`, `twitter:`
    const property = IMAGE_META_PROPERTIES.get(key);
    const image = this.lastImageMeta.get(prefix);
    if (IMAGE_META.includes(key)) {
      const site = this.single(tag, 'meta', 'content', attributes);
      if (prefix) this.lastImageMeta.set(prefix, site ? attributes : undefined);
    } else if (property && image && content && !image.has(property)) image.set(property, content);
    else if (TITLE_META.includes(key) && content && !this.titles.has(key)) this.titles.set(key, content);
  }

  /** The site of an attribute holding one path, when it is a literal local one. */
  private single(tag: HtmlTag, element: SiteElement, name: string, attributes: Map<string, string>): ImageSite | undefined {
    const attribute = this.attribute(tag, name);
    const src = attribute ? literalValue(attribute, this.dialect) : undefined;
    // A bound or computed path (`:src`, `src={logo}`) is not one we can read.
    if (!attribute?.valueSpan || src === undefined || src.trim() === '' || isRemoteReference(src)) return undefined;
    const site = this.make({ element, via: name, src, span: tag.span, srcSpan: attribute.valueSpan, attributes });
    this.sites.push(site);
    return site;
  }

  /** A site per local candidate of the tag's srcset. */
  private srcset(tag: HtmlTag, element: SiteElement, attributes: Map<string, string>): void {
    const attribute = this.attribute(tag, 'srcset', 'srcSet');
    const literal = attribute ? rawLiteral(attribute) : undefined;
    if (!attribute || !literal) return;
    for (const candidate of srcsetCandidates(literal.text)) {
      const src = attribute.quote === 'brace' ? candidate.url : decodeHtmlEntities(candidate.url);
      if (isRemoteReference(src)) continue;
      const srcSpan: OffsetSpan = { start: literal.start + candidate.start, end: literal.start + candidate.end };
      this.sites.push(this.make({
        element, via: 'srcset', src, ...(candidate.descriptor === undefined ? {} : { descriptor: candidate.descriptor }), span: tag.span, srcSpan, attributes,
      }));
    }
  }

  /** The first attribute with one of these names (JSX: as written; others: any case). */
  private attribute(tag: HtmlTag, ...names: string[]): TagAttribute | undefined {
    return tag.attributes.find((attribute) => names.includes(this.dialect === 'jsx' ? attribute.name : attribute.name.toLowerCase()));
  }
}

/** Literal attribute values by lower-case name (see ImageSite.attributes); the first of a name wins, as in HTML. */
function literalAttributes(tag: HtmlTag, dialect: TagDialect): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const attribute of tag.attributes) {
    let name = attribute.name.toLowerCase();
    let value: string | undefined;
    const bound = dialect === 'vue' ? /^(?::|v-bind:)(.+)$/.exec(name) : null;
    if (bound) {
      name = bound[1];
      value = numberLiteral(attribute.value); // `:width="400"`
    } else {
      value = literalValue(attribute, dialect);
      if (value === undefined && attribute.quote === 'brace') value = numberLiteral(attribute.value); // `width={400}`
    }
    if (value !== undefined && !attributes.has(name)) attributes.set(name, value);
  }
  return attributes;
}

const numberLiteral = (value: string | undefined) => (value !== undefined && /^\s*\d+(?:\.\d+)?\s*$/.test(value) ? value.trim() : undefined);

/** The literal text of an attribute value (entities decoded, JSX string literals read), or undefined when it is an expression. */
function literalValue(attribute: TagAttribute, dialect: TagDialect): string | undefined {
  if (attribute.value === undefined) return ''; // a bare attribute (`<img alt>`) is an empty one
  if (attribute.quote === 'brace') return decodeJsStringLiteral(attribute.value);
  if (dialect === 'svelte' && attribute.value.includes('{')) return undefined; // `alt="A {name}"` is interpolated
  // JSX string attributes decode HTML entities too (Babel and TypeScript both do).
  return dialect === 'jsx' || attribute.quote !== undefined ? decodeHtmlEntities(attribute.value) : attribute.value;
}

/** An attribute's value as written, with where it starts, when offsets in it are offsets in the text (a JSX `{"…"}` without escapes counts). */
function rawLiteral(attribute: TagAttribute): { text: string; start: number } | undefined {
  const { value, valueSpan } = attribute;
  if (value === undefined || !valueSpan) return undefined;
  if (attribute.quote !== 'brace') return { text: value, start: valueSpan.start };
  const lead = value.length - value.trimStart().length;
  const literal = value.trim();
  const quote = literal[0];
  const plain = literal.length >= 2 && (quote === '"' || quote === "'" || quote === '`') && literal.endsWith(quote) && !/[\\$]/.test(literal) && !literal.slice(1, -1).includes(quote);
  return plain ? { text: literal.slice(1, -1), start: valueSpan.start + lead + 1 } : undefined;
}

/** The alt-text view of an `<img>` whose src is a literal local path. */
function altReference(tag: HtmlTag, dialect: TagDialect, site: ImageSite, srcAttribute: TagAttribute): ImageReference {
  const find = (...names: string[]) =>
    tag.attributes.find((attribute) => names.includes(dialect === 'jsx' ? attribute.name : attribute.name.toLowerCase()));
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
    syntax: site.syntax,
    form: 'html-tag',
    src: site.src,
    resolvedPath: site.resolvedPath,
    alt,
    altState,
    ...(title === undefined ? {} : { title }),
    span: tag.span,
    range: site.range,
    slot:
      altAttribute && !boundAlt
        ? { kind: 'attribute', span: altAttribute.span, quote: altAttribute.quote ?? 'none' }
        : { kind: 'insert-attribute', offset: srcAttribute.span.end },
  };
}

/** An image marked as decorative on purpose should keep its empty alt (WAI-ARIA: role presentation/none, or hidden). */
function isDecorative(tag: HtmlTag, dialect: TagDialect): boolean {
  return tag.attributes.some((attribute) => {
    const name = dialect === 'jsx' ? attribute.name : attribute.name.toLowerCase();
    const value = literalValue(attribute, dialect)?.trim().toLowerCase();
    return (name === 'role' && (value === 'presentation' || value === 'none')) || (name === 'aria-hidden' && value === 'true');
  });
}
