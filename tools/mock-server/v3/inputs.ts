// The images a 3.0 request carries, as pixels, with the vendor's rules about them: sizes, formats,
// the mask (same size as the image, black and white, black = edit) and the reference images.
import type { UploadedFile } from '../body';
import { imageDimensions, imageMime } from '../imageInfo';
import { shortHash, stripedRaster } from '../png';
import { checkBytes, imageFromString, invalid, REMOTE_IMAGE_SIZE, sourceDigest, type ApiRejection, type ImageSource, type RouteContext } from '../routes';
import type { DecodedV3Body } from './forms';
import { decodeRaster, type Raster } from './raster';
import { MAX_REFERENCE_TOTAL_BYTES } from './vendorRules';

/** An input image as pixels, with a digest that keeps outputs deterministic per input. */
export interface LoadedImage {
  raster: Raster;
  digest: string;
  mime: string;
  /** A URL this server did not fetch: the raster is a stand-in. */
  remote: boolean;
}

/** The region a mask marks for editing, one byte per pixel (1 = edit). */
export interface EditRegion { edit: Uint8Array; editPixels: number }

/**
 * The image in `field`: an official file part, or Crazyrouter's string ("URL or Base64": a data:
 * URL, bare base64, this server's own image URL, or another URL, which is never fetched and stands
 * for a 1024x1024 striped picture); undefined when the field is absent.
 */
export async function loadImage(decoded: DecodedV3Body, field: string, ctx: RouteContext): Promise<LoadedImage | ApiRejection | undefined> {
  const source = imageSourceOf(decoded, field, ctx);
  if (!source || 'status' in source) return source;
  if (source.kind === 'remote') {
    const digest = sourceDigest(source);
    return { raster: stripedRaster(REMOTE_IMAGE_SIZE.width, REMOTE_IMAGE_SIZE.height, digest), digest, mime: 'image/png', remote: true };
  }
  const raster = await decodeRaster(source.bytes, source.mime);
  if (!raster) return invalid(`/${field} (${source.label}) does not decode as ${source.mime}`);
  return { raster, digest: sourceDigest(source), mime: source.mime, remote: false };
}

function imageSourceOf(decoded: DecodedV3Body, field: string, ctx: RouteContext): ImageSource | ApiRejection | undefined {
  const file = decoded.files[field]?.[0];
  if (file) return checkBytes(file.bytes, `upload "${file.filename}"`, field);
  const value = decoded.body[field];
  if (typeof value !== 'string') return undefined;
  // Crazyrouter's page allows "Base64" without saying data: URL, so bare base64 is taken as well.
  if (/^[A-Za-z0-9+/]{16,}={0,2}$/.test(value)) return checkBytes(new Uint8Array(Buffer.from(value, 'base64')), 'base64', field);
  return imageFromString(value, ctx, field);
}

/**
 * The region to edit. The vendor: "A black and white image of the same size as the image being
 * edited … Black regions in the mask should match up with the regions of the image that you would
 * like to edit". A PNG mask must be exactly that (every pixel opaque and 0,0,0 or 255,255,255),
 * so an anti-aliased, coloured or transparent mask is refused rather than guessed at; JPEG and
 * WebP cannot hold exact values, so they are binarised at mid-grey.
 */
export function maskRegion(mask: LoadedImage, image: Raster): EditRegion | ApiRejection {
  if (mask.remote) return centreRegion(image);
  const { width, height, data } = mask.raster;
  if (width !== image.width || height !== image.height) {
    return invalid(`/mask is ${width}x${height} but the image is ${image.width}x${image.height}; the vendor's schema says the mask is "A black and white image of the same size as the image being edited"`);
  }
  const exact = mask.mime === 'image/png';
  const edit = new Uint8Array(width * height);
  let editPixels = 0;
  for (let p = 0; p < edit.length; p++) {
    const [r, g, b, a] = data.subarray(p * 4, p * 4 + 4);
    const black = exact ? r === 0 && g === 0 && b === 0 : r + g + b < 384;
    const white = exact ? r === 255 && g === 255 && b === 255 : !black;
    if (a !== 255 || (!black && !white)) {
      return invalid(`/mask must be black and white and opaque; pixel (${p % width}, ${Math.floor(p / width)}) is rgba(${r}, ${g}, ${b}, ${a}); the vendor's schema says "A black and white image … Black regions in the mask should match up with the regions of the image that you would like to edit"`);
    }
    if (black) {
      edit[p] = 1;
      editPixels++;
    }
  }
  return { edit, editPixels };
}

/**
 * The middle quarter of the image (half its width and half its height, centred): what a mask this
 * server cannot see stands for (a remote URL, or no mask on Crazyrouter's edit, where it is optional).
 */
export function centreRegion(image: Raster): EditRegion {
  const { width, height } = image;
  const edit = new Uint8Array(width * height);
  let editPixels = 0;
  for (let y = Math.floor(height / 4); y < Math.floor((height * 3) / 4); y++) {
    for (let x = Math.floor(width / 4); x < Math.floor((width * 3) / 4); x++) {
      edit[y * width + x] = 1;
      editPixels++;
    }
  }
  return { edit, editPixels };
}

/**
 * Checks the reference images against the vendor's limits and returns a digest of them all (so a
 * generation with references differs from one without). Counts and combinations are prose rules
 * (vendorRules.ts); sizes, formats and the character masks' dimensions are checked here.
 */
export async function checkReferences(files: Record<string, UploadedFile[]>): Promise<string | ApiRejection> {
  for (const [field, label] of [['style_reference_images', 'style'], ['character_reference_images', 'character']] as const) {
    const total = (files[field] ?? []).reduce((sum, f) => sum + f.bytes.length, 0);
    if (total > MAX_REFERENCE_TOTAL_BYTES) {
      return invalid(`/${field} total ${total} bytes; the vendor's schema says "maximum total size 10MB across all ${label} references"`);
    }
  }
  const all = ['style_reference_images', 'character_reference_images', 'character_reference_images_mask'].flatMap((field) => files[field] ?? []);
  const notImage = all.find((file) => !imageMime(file.bytes));
  if (notImage) {
    return invalid(`/${notImage.field} (upload "${notImage.filename}") is not a PNG, JPEG or WebP image; the vendor's schema says "The images should be in JPEG, PNG or WebP format"`);
  }
  const masks = files.character_reference_images_mask ?? [];
  const references = files.character_reference_images ?? [];
  for (const [i, mask] of masks.entries()) {
    const problem = await characterMaskProblem(mask, references[i]);
    if (problem) return invalid(`/character_reference_images_mask/${i} ${problem}; the vendor's schema says "Each mask should be a grayscale image of the same dimensions as the corresponding character reference image"`);
  }
  return shortHash(...all.map((f) => f.bytes));
}

async function characterMaskProblem(mask: UploadedFile, reference: UploadedFile | undefined): Promise<string | undefined> {
  const maskSize = imageDimensions(mask.bytes);
  const referenceSize = reference && imageDimensions(reference.bytes);
  if (!maskSize || !referenceSize) return 'has no readable size';
  if (maskSize.width !== referenceSize.width || maskSize.height !== referenceSize.height) {
    return `is ${maskSize.width}x${maskSize.height} but its character reference is ${referenceSize.width}x${referenceSize.height}`;
  }
  // Grey is checked exactly where it can be: a PNG; lossy formats shift channels slightly.
  const raster = mask.bytes[0] === 0x89 ? await decodeRaster(mask.bytes, 'image/png') : undefined;
  if (raster) {
    for (let i = 0; i < raster.data.length; i += 4) {
      if (raster.data[i] !== raster.data[i + 1] || raster.data[i] !== raster.data[i + 2]) return 'is not grayscale';
    }
  }
  return undefined;
}
