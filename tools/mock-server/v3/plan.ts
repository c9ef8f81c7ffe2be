// The Ideogram 3.0 operations: read the body in its form, apply the vendor's rules, load the input
// images, and plan an answer shaped like the vendor's ImageGenerationResponseV3 (or, for
// remove-background, RemoveBackgroundResponse). The pixel work happens when the answer is built,
// after the in-flight check, so a refused request costs nothing.
import { randomInt } from 'node:crypto';
import type { ParsedBody } from '../body';
import { SAFETY_MESSAGE } from '../dialect';
import { imageId, shortHash, solidColour, stripedRaster, transparentImageId } from '../png';
import { failsSafetyCheck, magicPrompt, type ApiPlan, type ApiRejection, type RouteContext } from '../routes';
import type { RecordedRequest, V3FormSwitches, V3Operation } from '../types';
import { vendorSchemas } from '../vendorSchema';
import { multipartFieldLists, readV3Body, type DecodedV3Body } from './forms';
import { centreRegion, checkReferences, loadImage, maskRegion, type LoadedImage } from './inputs';
import { inpaintPicture, reframePicture, remixPicture, removeBackgroundPicture, replaceBackgroundPicture } from './pictures';
import { encodePng, type Raster } from './raster';
import { nearestResolution, parseSize, sizeForAspect, sizeText, upscaleMultiplier } from './sizes';

/** What a 3.0 route needs from the server. */
export interface V3RouteContext extends RouteContext {
  op: V3Operation;
  /** Whether the path is a relay's (/ideogram/v1/…). */
  relay: boolean;
  path: string;
  forms: V3FormSwitches;
  /** This request's log entry, which the route completes (form, list fields, mask). */
  record: RecordedRequest;
}

/** One image of the answer: its id on this server and the sizes the answer reports. */
interface Output { id: string; resolution: string; upscaled?: string }

/** Builds the image for one seed (the pixel work, done when the answer is written). */
type MakeOutput = (seed: number) => Output;

/** Validates a 3.0 request and plans its answer, or says why it is refused. */
export async function planV3(parsed: ParsedBody, ctx: V3RouteContext): Promise<ApiPlan | ApiRejection> {
  const lists = multipartFieldLists(ctx.op, parsed);
  if (lists) ctx.record.fieldLists = lists;
  const decoded = readV3Body(parsed, ctx);
  if ('status' in decoded) return decoded;
  ctx.record.form = decoded.form;
  const req = decoded.body;
  const prompt = typeof req.prompt === 'string' ? req.prompt : '';
  if (failsSafetyCheck(prompt)) return { status: 422, message: SAFETY_MESSAGE };
  const references = await checkReferences(decoded.files);
  if (typeof references !== 'string') return references;
  const make = await outputMaker(decoded, prompt, references, ctx);
  if ('status' in make) return make;
  const count = ctx.op === 'remove-background' ? 1 : typeof req.num_images === 'number' ? req.num_images : 1;
  const seedLimit = vendorSchemas().maxSeed + 1;
  const firstSeed = typeof req.seed === 'number' ? req.seed : randomInt(0, seedLimit);
  const returnedPrompt = req.magic_prompt === 'ON' ? magicPrompt(prompt) : prompt;
  // generate-transparent's example answer has no style_type; the others report the request's or the vendor's default.
  const styleType = ctx.op === 'generate-transparent' ? undefined : typeof req.style_type === 'string' ? req.style_type : 'GENERAL';
  const respond = (unsafe: boolean): Record<string, unknown> => {
    // Ideogram sends an RFC 3339 string; Crazyrouter's 3.0 page shows unix seconds ("created": 1709123456).
    const created = decoded.form === 'crazyrouter-json' ? Math.floor(Date.now() / 1000) : new Date().toISOString();
    const outputs = Array.from({ length: count }, (_, i) => ({ seed: (firstSeed + i) % seedLimit, output: make((firstSeed + i) % seedLimit) }));
    const url = (output: Output): string | null => (unsafe ? null : `${ctx.baseUrl}/images/${output.id}.png`);
    if (ctx.op === 'remove-background') return { created, data: outputs.map(({ output }) => ({ url: url(output), is_image_safe: !unsafe })) };
    const data = outputs.map(({ seed, output }) => ({
      url: url(output),
      prompt: returnedPrompt,
      resolution: output.resolution,
      ...(output.upscaled ? { upscaled_resolution: output.upscaled } : {}),
      is_image_safe: !unsafe,
      seed,
      ...(styleType ? { style_type: styleType } : {}),
    }));
    return { created, data };
  };
  return { slots: count, respond };
}

/** Loads what the operation needs and returns how to make one output image per seed. */
async function outputMaker(decoded: DecodedV3Body, prompt: string, references: string, ctx: V3RouteContext): Promise<MakeOutput | ApiRejection> {
  const req = decoded.body;
  if (ctx.op === 'generate') {
    const [width, height] = parseSize(req.resolution) ?? sizeForAspect(req.aspect_ratio);
    return (seed) => ({ id: imageId(width, height, shortHash(seed, prompt, references)), resolution: sizeText([width, height]) });
  }
  if (ctx.op === 'generate-transparent') {
    // "generated at the maximum resolution for the aspect ratio"; resolution = that size, upscaled_resolution = the final one.
    const base = sizeForAspect(req.aspect_ratio);
    const factor = upscaleMultiplier(req.upscale_factor);
    const final: [number, number] = [base[0] * factor, base[1] * factor];
    return (seed) => ({
      id: transparentImageId(final[0], final[1], shortHash(seed, prompt)),
      resolution: sizeText(base),
      ...(factor > 1 ? { upscaled: sizeText(final) } : {}),
    });
  }
  const image = await loadImage(decoded, 'image', ctx);
  if (!image) return { status: 400, message: 'Invalid input provided: /image is required' };
  if ('status' in image) return image;
  const input = image.raster;
  const hash = (seed: number, ...parts: (string | number)[]): string => shortHash(ctx.op, seed, prompt, image.digest, ...parts);
  const derived = (raster: Raster, outputHash: string, resolution?: [number, number]): Output =>
    atSize(ctx.images.putDerived(raster.width, raster.height, outputHash, encodePng(raster)), raster, resolution);
  switch (ctx.op) {
    case 'remix': {
      const [width, height] = parseSize(req.resolution) ?? (req.aspect_ratio ? sizeForAspect(req.aspect_ratio) : nearestResolution(input.width, input.height));
      const weight = typeof req.image_weight === 'number' ? req.image_weight : 50;
      return (seed) => derived(remixPicture(input, width, height, weight, solidColour(hash(seed, 'tint'))), hash(seed, weight, width, height), [width, height]);
    }
    case 'inpaint':
    case 'edit': {
      const region = await editRegion(decoded, image, ctx);
      if ('status' in region) return region;
      return (seed) => derived(inpaintPicture(input, region.edit, solidColour(hash(seed, 'fill'))), hash(seed, region.digest));
    }
    case 'reframe': {
      // Crazyrouter's page makes resolution optional; without one the image keeps its own shape.
      const [width, height] = parseSize(req.resolution) ?? nearestResolution(input.width, input.height);
      return (seed) => derived(reframePicture(input, stripedRaster(width, height, hash(seed, 'canvas'))), hash(seed, width, height), [width, height]);
    }
    case 'replace-background':
      return (seed) => derived(replaceBackgroundPicture(input, stripedRaster(input.width, input.height, hash(seed, 'background'))), hash(seed));
    case 'remove-background':
      return () => derived(removeBackgroundPicture(input), hash(0));
  }
}

/** The region an inpaint/edit changes, recorded in the request log. */
async function editRegion(decoded: DecodedV3Body, image: LoadedImage, ctx: V3RouteContext): Promise<{ edit: Uint8Array; digest: string } | ApiRejection> {
  const mask = await loadImage(decoded, 'mask', ctx);
  if (mask && 'status' in mask) return mask;
  if (mask) ctx.record.mask = { width: mask.raster.width, height: mask.raster.height };
  // The vendor requires a mask (the schema says so); only Crazyrouter's page leaves it out.
  const region = mask ? maskRegion(mask, image.raster) : centreRegion(image.raster);
  if ('status' in region) return region;
  ctx.record.mask = { width: image.raster.width, height: image.raster.height, editPixels: region.editPixels };
  return { edit: region.edit, digest: mask?.digest ?? 'centre' };
}

/**
 * The sizes an answer reports for an image of the raster's size: `resolution` must be a ResolutionV3
 * value, so when the image is not one (edits keep the input's size) it is the nearest one, the size
 * the model works at, and `upscaled_resolution` ("Output resolution, only used if operations alters
 * image dimensions") is the real one.
 */
function atSize(id: string, raster: Raster, resolution = nearestResolution(raster.width, raster.height)): Output {
  const real = sizeText([raster.width, raster.height]);
  const reported = sizeText(resolution);
  return { id, resolution: reported, ...(real !== reported ? { upscaled: real } : {}) };
}
