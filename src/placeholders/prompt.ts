// The prompt for a missing image: a subject from what the document says about it (alt text, title,
// aria-label; the text around it, the nearest heading, the page's title; else the file name's
// words), then a hint for its kind and the project's style. Prompts are written in English for the
// model, whatever the editor's language; the review shows them and lets the user edit them.
import { plainText, type DocumentScan, type ImageSite, type ReferenceSyntax } from '../altText';
import type { PlaceholderKind, PromptDerivation, PromptSource } from './types';

/** A subject is cut to this length (a whole paragraph of alt text is not a better prompt). */
const MAX_SUBJECT = 300;
/** Characters of the line on each side of a reference read for surrounding text. */
const SURROUNDING_REACH = 300;
/** Surrounding text must hold this many words to say anything. */
const MIN_SURROUNDING_WORDS = 3;
/** The subject when nothing, not even the file name, says what the image shows. */
const FALLBACK_SUBJECT = 'placeholder image';

/** The order in which subjects are tried: for an image in the page, what is next to it comes first; for the page's own images (icons, social cards, logos), the page's name. */
const SUBJECT_ORDER: Readonly<Record<PlaceholderKind, readonly PromptSource[]>> = {
  icon: ['alt', 'title', 'aria-label', 'page-title', 'heading', 'file-name'],
  logo: ['alt', 'title', 'aria-label', 'page-title', 'file-name'],
  og: ['alt', 'title', 'aria-label', 'page-title', 'heading', 'surrounding-text', 'file-name'],
  screenshot: ['alt', 'title', 'aria-label', 'page-title', 'file-name'],
  background: ['alt', 'title', 'aria-label', 'surrounding-text', 'heading', 'page-title', 'file-name'],
  photo: ['alt', 'title', 'aria-label', 'surrounding-text', 'heading', 'page-title', 'file-name'],
  illustration: ['alt', 'title', 'aria-label', 'surrounding-text', 'heading', 'page-title', 'file-name'],
};

/** The hint each kind adds to the prompt; icons and logos say transparent only when the image will be. */
const KIND_HINTS: Readonly<Record<PlaceholderKind, (alpha: boolean) => string | undefined>> = {
  icon: (alpha) => `App icon: simple, centred, on a ${alpha ? 'transparent' : 'plain'} background`,
  logo: (alpha) => `Logo: simple, centred, on a ${alpha ? 'transparent' : 'plain'} background`,
  og: () => 'Social media preview image: bold, uncluttered composition',
  screenshot: () => 'Clean app user interface screenshot',
  background: () => 'Background image with no text',
  photo: () => undefined,
  illustration: () => undefined,
};

/** The words of a file name: `hero-banner@2x-1200x630.webp` → `hero banner`, `teamPhoto.jpg` → `team photo`. */
export function fileNameWords(fileName: string): string {
  return fileName
    .replace(/\.[^.]*$/, '')
    .replace(/@\d(?:\.\d+)?x/gi, ' ')
    .replace(/(\d)[x×](\d)/gi, '$1 $2')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[-_.\s+,()[\]]+/)
    .filter((word) => word !== '' && !/^\d+$/.test(word))
    .join(' ')
    .toLowerCase();
}

/** Whitespace collapsed, cut at a word boundary to MAX_SUBJECT characters. */
function subjectText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_SUBJECT) return flat;
  const cut = flat.slice(0, MAX_SUBJECT);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_SUBJECT / 2)).trim();
}

/**
 * The prose on the line(s) of a reference, without the reference: a figure's caption, a table
 * cell beside it, the sentence it stands in. Read within SURROUNDING_REACH characters, so a long
 * one-line document costs the same per reference. Undefined when it is code or too short to say anything.
 */
export function surroundingText(text: string, site: ImageSite, syntax: ReferenceSyntax): string | undefined {
  if (syntax === 'css' || syntax === 'webmanifest') return undefined;
  const before = text.slice(Math.max(0, site.span.start - SURROUNDING_REACH), site.span.start);
  const after = text.slice(site.span.end, site.span.end + SURROUNDING_REACH);
  const lineBefore = before.slice(Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1);
  const breakAfter = after.search(/[\r\n]/);
  const lineAfter = breakAfter < 0 ? after : after.slice(0, breakAfter);
  const raw = `${lineBefore} ${lineAfter}`;
  if (/[;=]|=>|\)\s*\{/.test(raw.replace(/<[^<>]*>/g, ' '))) return undefined; // code, not prose
  const prose = plainText(raw, syntax);
  return (prose.match(/\p{L}{2,}/gu) ?? []).length >= MIN_SURROUNDING_WORDS ? subjectText(prose) : undefined;
}

/**
 * What one reference offers as its image's subject, per source, read on demand and remembered:
 * the text around a reference is only read when nothing better (alt text…) says what it shows.
 */
export interface SubjectLookup {
  subject(source: PromptSource): string | undefined;
}

/** The subjects of one reference (a class, not closures: a page may hold tens of thousands of references). */
export class ReferenceSubjects implements SubjectLookup {
  private known: Map<PromptSource, string | undefined> | undefined;

  /** `heading` is the nearest heading before the reference, `nameWords` its file name's words. */
  constructor(
    private readonly document: { text: string; syntax: ReferenceSyntax },
    private readonly scan: DocumentScan,
    private readonly site: ImageSite,
    private readonly heading: string | undefined,
    private readonly nameWords: string,
  ) {}

  subject(source: PromptSource): string | undefined {
    this.known ??= new Map();
    if (!this.known.has(source)) {
      const text = this.read(source);
      const subject = text === undefined ? '' : subjectText(text);
      this.known.set(source, subject === '' ? undefined : subject);
    }
    return this.known.get(source);
  }

  private read(source: PromptSource): string | undefined {
    const { site } = this;
    switch (source) {
      case 'alt':
        // A manifest screenshot's `label` is its accessible name, as alt text is an image's.
        return site.reference ? (site.reference.altState === 'present' ? site.reference.alt : undefined) : site.attributes.get('alt') ?? site.attributes.get('label');
      case 'title':
        return site.reference?.title ?? site.attributes.get('title');
      case 'aria-label':
        return site.attributes.get('aria-label');
      case 'surrounding-text':
        return surroundingText(this.document.text, site, this.document.syntax);
      case 'heading':
        return this.heading;
      case 'page-title':
        return this.scan.title;
      case 'file-name':
        return this.nameWords;
    }
  }
}

/** The best subject for an image of `kind` among its references: the first source in the kind's order that any reference has (the first such reference). */
export function chooseSubject(kind: PlaceholderKind, perReference: readonly SubjectLookup[]): { subject: string; source: PromptSource; reference: number } {
  for (const source of SUBJECT_ORDER[kind]) {
    for (let reference = 0; reference < perReference.length; reference++) {
      const subject = perReference[reference].subject(source);
      if (subject !== undefined) return { subject, source, reference };
    }
  }
  return { subject: FALLBACK_SUBJECT, source: 'file-name', reference: 0 };
}

/** The prompt: subject, the kind's hint, the project style, as sentences. */
export function composePrompt(kind: PlaceholderKind, alpha: boolean, chosen: { subject: string; source: PromptSource; reference: number }, style?: string): PromptDerivation {
  const kindHint = KIND_HINTS[kind](alpha);
  const projectStyle = style?.trim() || undefined;
  const sentence = (part: string) => part.replace(/[\s.]+$/, '');
  const text = `${[chosen.subject, kindHint, projectStyle].filter((part): part is string => part !== undefined).map(sentence).join('. ')}.`;
  return { text, ...chosen, ...(kindHint === undefined ? {} : { kindHint }), ...(projectStyle === undefined ? {} : { style: projectStyle }) };
}
