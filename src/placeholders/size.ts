// The pixel size one reference asks for, tried in order: `width`/`height` attributes or props (a
// `480w` srcset descriptor), the manifest's or `<link>`'s `sizes`, the file name (`-1200x630`),
// a convention (og:image 1200×630…), else the default. A `2x` descriptor or an `@2x` in the file
// name doubles a size written in CSS pixels (attributes) or points (`icon-64x64@2x.png`).
import type { ImageSite } from '../altText';
import { MAX_OUTPUT_SIDE } from '../imageOps';
import { SIZE_SOURCES, type PixelSize, type SizeDerivation, type SizeSource } from './types';

/** Sizes the page conventions ask for when nothing is written: Open Graph and Twitter cards, iOS home-screen icons, favicons. */
const CONVENTIONS: { applies: (site: ImageSite) => boolean; size: PixelSize }[] = [
  { applies: (site) => site.element === 'meta', size: { width: 1200, height: 630 } },
  { applies: (site) => site.element === 'link' && relTokens(site).some((rel) => rel.startsWith('apple-touch-icon')), size: { width: 180, height: 180 } },
  { applies: (site) => site.element === 'link' && relTokens(site).includes('icon'), size: { width: 32, height: 32 } },
];

const relTokens = (site: ImageSite) => site.attributes.get('rel')?.toLowerCase().split(/\s+/) ?? [];

// `hero-1200x630.webp`, `icon_64x64@2x.png`, `1200x630.png`.
const SIZE_IN_NAME = /(?:^|[-_.@ ])(\d{1,5})[x×](\d{1,5})(?=$|[-_.@ ])/i;
const DENSITY_IN_NAME = /@(\d(?:\.\d+)?)x(?=$|[-_.])/i;

/** The rank of a size source (lower is more telling). */
export const sizeRank = (source: SizeSource): number => SIZE_SOURCES.indexOf(source);

/** A dimension attribute's pixels (`400`, `400px`, ` 400 `); undefined for `100%`, `auto`, 0 or junk. */
export function parseDimension(value: string | undefined): number | undefined {
  const match = value === undefined ? null : /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/i.exec(value);
  const pixels = match ? Math.round(Number(match[1])) : 0;
  return pixels >= 1 ? pixels : undefined;
}

/** The largest size of a `sizes` list (`16x16 32x32`, `192x192`); undefined for `any` or none. */
export function parseSizes(value: string | undefined): (PixelSize & { written: string }) | undefined {
  let best: (PixelSize & { written: string }) | undefined;
  for (const token of value?.trim().split(/\s+/) ?? []) {
    const match = /^(\d{1,5})[xX](\d{1,5})$/.exec(token);
    const size = match ? { width: Number(match[1]), height: Number(match[2]), written: token } : undefined;
    if (size && size.width > 0 && size.height > 0 && (!best || size.width * size.height > best.width * best.height)) best = size;
  }
  return best;
}

/** The size written in a file name (`hero-1200x630.webp` → 1200×630), with the token as written. */
export function sizeInFileName(fileName: string): (PixelSize & { written: string }) | undefined {
  const base = fileName.replace(/\.[^.]*$/, '');
  const match = SIZE_IN_NAME.exec(base);
  const size = match ? { width: Number(match[1]), height: Number(match[2]) } : undefined;
  return size && size.width > 0 && size.height > 0 ? { ...size, written: match?.[0] ?? '' } : undefined;
}

/** The pixel density of a file name (`logo@2x.png` → 2), or undefined. */
export function densityInFileName(fileName: string): number | undefined {
  const match = DENSITY_IN_NAME.exec(fileName.replace(/\.[^.]*$/, ''));
  const density = match ? Number(match[1]) : undefined;
  return density !== undefined && density > 0 && density <= 4 ? density : undefined;
}

/** What a file name says about the size (read once per file name, however many references). */
export interface FileNameSize {
  inName?: PixelSize & { written: string };
  density?: number;
}

/** The size and density written in a file name. */
export function fileNameSize(fileName: string): FileNameSize {
  const inName = sizeInFileName(fileName);
  const density = densityInFileName(fileName);
  return { ...(inName ? { inName } : {}), ...(density === undefined ? {} : { density }) };
}

/** The size `site` asks for; `name` is what its file name says (fileNameSize), `defaultSize` the setting. */
export function deriveSize(site: ImageSite, name: FileNameSize, defaultSize: PixelSize): SizeDerivation {
  const descriptor = site.descriptor?.trim().toLowerCase();
  const descriptorDensity = descriptor?.endsWith('x') ? Number(descriptor.slice(0, -1)) : undefined;
  const widthDescriptor = descriptor?.endsWith('w') ? parseDimension(descriptor.slice(0, -1)) : undefined;
  const { inName, density: nameDensity } = name;
  const givenDensity = descriptorDensity !== undefined && descriptorDensity > 0 && descriptorDensity <= 4 ? descriptorDensity : nameDensity;
  const density = givenDensity === 1 ? undefined : givenDensity;
  const convention = CONVENTIONS.find((entry) => entry.applies(site))?.size;
  const width = parseDimension(site.attributes.get('width'));
  const height = parseDimension(site.attributes.get('height'));
  /** The aspect ratio a one-sided size is completed with, and where it came from. */
  const aspect = (): { ratio: number; from: SizeSource } =>
    width !== undefined && height !== undefined ? { ratio: height / width, from: 'attributes' }
      : inName ? { ratio: inName.height / inName.width, from: 'file-name' }
        : convention ? { ratio: convention.height / convention.width, from: 'convention' }
          : { ratio: defaultSize.height / defaultSize.width, from: 'default' };
  const written = (...names: string[]) => names.filter((name) => site.attributes.has(name)).map((name) => `${name}="${site.attributes.get(name)}"`).join(' ');

  if (widthDescriptor !== undefined) {
    // `hero-800.jpg 800w`: the candidate is that many pixels wide, whatever the density.
    const { ratio, from } = aspect();
    return fit({ width: widthDescriptor, height: widthDescriptor * ratio, source: 'attributes', written: site.descriptor, ...(from === 'attributes' ? {} : { aspectFrom: from }) });
  }
  if (width !== undefined || height !== undefined) {
    const { ratio, from } = aspect();
    const w = width ?? (height ?? 0) / ratio;
    const h = height ?? w * ratio;
    return fit({
      width: w * (density ?? 1), height: h * (density ?? 1), source: 'attributes', written: written('width', 'height'),
      ...(from === 'attributes' ? {} : { aspectFrom: from }), ...(density === undefined ? {} : { density }),
    });
  }
  const sizes = site.element === 'manifest-image' || site.element === 'link' ? parseSizes(site.attributes.get('sizes')) : undefined;
  if (sizes) return fit({ width: sizes.width, height: sizes.height, source: site.element === 'link' ? 'link-sizes' : 'manifest-sizes', written: sizes.written });
  if (inName) {
    return fit({ width: inName.width * (nameDensity ?? 1), height: inName.height * (nameDensity ?? 1), source: 'file-name', written: inName.written, ...(nameDensity === undefined ? {} : { density: nameDensity }) });
  }
  if (convention) return { ...convention, source: 'convention' };
  return { ...defaultSize, source: 'default' };
}

/** Whole pixels, within what the image library makes (a larger size keeps its aspect ratio). */
function fit(size: SizeDerivation): SizeDerivation {
  const scale = Math.min(1, MAX_OUTPUT_SIDE / Math.max(size.width, size.height));
  return { ...size, width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}
