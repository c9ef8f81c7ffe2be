// What an image is for, from the strongest evidence: the markup that names it (a manifest icon, an
// icon link, an og:image), then words of its file name, then being a CSS background, then its
// format (a JPEG is most likely a photo).
import type { ImageSite } from '../altText';
import type { ImageFormat } from '../imageOps/formats';
import type { PlaceholderKind } from './types';

/** A kind and how strongly the evidence says so (3: the markup, 2: the file name, 1: a CSS background, 0: the format). */
export interface KindSignal {
  kind: PlaceholderKind;
  strength: number;
}

/** Words of a file name that say what the image is for, in the order they are tried. */
const KIND_WORDS: { kind: PlaceholderKind; words: RegExp }[] = [
  { kind: 'logo', words: /\b(logo|logotype|wordmark|brand)\b/ },
  { kind: 'icon', words: /\b(icon|icons|favicon|touch icon|app icon|mstile)\b/ },
  { kind: 'og', words: /\b(og|opengraph|open graph|social|share|twitter card|social card)\b/ },
  { kind: 'screenshot', words: /\b(screenshot|screen shot)\b/ },
  { kind: 'background', words: /\b(hero|banner|background|bg|cover|backdrop|wallpaper)\b/ },
];

/** What a file name's words (see fileNameWords) say the image is for, if anything. */
export function kindInName(nameWords: string): PlaceholderKind | undefined {
  return KIND_WORDS.find((entry) => entry.words.test(nameWords))?.kind;
}

/** What one reference says the image is for; `nameKind` is what its file name says (kindInName). */
export function kindSignal(site: ImageSite, nameKind: PlaceholderKind | undefined, format: ImageFormat): KindSignal {
  if (site.element === 'manifest-image') return { kind: site.via === 'screenshots' ? 'screenshot' : 'icon', strength: 3 };
  if (site.element === 'link') return { kind: 'icon', strength: 3 };
  if (site.element === 'meta') return { kind: 'og', strength: 3 };
  if (nameKind) return { kind: nameKind, strength: 2 };
  if (site.element === 'css-url') return { kind: 'background', strength: 1 };
  return { kind: format === 'jpeg' ? 'photo' : 'illustration', strength: 0 };
}

/** The kind of an image from all its references: the strongest signal (the first of equals). */
export function strongestKind(signals: readonly KindSignal[]): PlaceholderKind {
  let best = signals[0];
  for (const signal of signals) if (signal.strength > best.strength) best = signal;
  return best.kind;
}

/**
 * Whether to generate with a transparent background: icons and logos, in a format that keeps alpha
 * (fitExactly keeps it in PNG, WebP and AVIF; JPEG gets a white background), when the model can.
 */
export function wantsAlpha(kind: PlaceholderKind, format: ImageFormat, transparentAvailable: boolean): boolean {
  return transparentAvailable && (kind === 'icon' || kind === 'logo') && format !== 'jpeg';
}
