// Crazyrouter's documented 3.0 request form: flat JSON bodies with legacy-style names, images as a
// URL or base64. There is no schema for it, so these rules are written from the page itself
// (ideogram-v3.md §2.1; the page is `en/images/ideogram/v3.mdx` of Crazyrouter's docs source,
// "Last updated: 2026-06-06"), each property with the table row it comes from. They are kept
// apart from the vendor's schemas on purpose: a client that mixes the two forms must fail here.
import Ajv2019, { type ValidateFunction } from 'ajv/dist/2019';
import type { V3Operation } from '../types';
import { describeErrors, vendorSchemas } from '../vendorSchema';

/** The operations the page documents: no inpaint, generate-transparent or remove-background. */
export const CRAZYROUTER_OPERATIONS: readonly V3Operation[] = ['generate', 'edit', 'remix', 'reframe', 'replace-background'];

/** "Style type: `AUTO`, `GENERAL`, `REALISTIC`, `DESIGN`" (generate's row; edit's row only says "Style type"). */
const STYLE_TYPE = { type: 'string', enum: ['AUTO', 'GENERAL', 'REALISTIC', 'DESIGN'] };
/** The image rows: "Original image URL or Base64" (edit), "Reference image" (remix), "Original image" (reframe, replace-background). */
const IMAGE = { type: 'string', minLength: 1 };

function pageSchemas(): Record<string, Record<string, unknown>> {
  const { aspectRatios, resolutions } = vendorSchemas().v3Enums;
  return {
    generate: {
      properties: {
        // "| `prompt` | string | Yes | Image description prompt |"
        prompt: { type: 'string' },
        // "Aspect ratio, e.g. `ASPECT_1_1`, `ASPECT_16_9`, `ASPECT_9_16`": only examples, so every
        // ratio the vendor's AspectRatioV3 has is accepted in that spelling (the relay must map it).
        aspect_ratio: { type: 'string', enum: aspectRatios.map(toLegacyAspect) },
        // "Model version, defaults to `V_3`": this is the 3.0 route, so V_3 is the only model it takes.
        model: { type: 'string', enum: ['V_3'] },
        // "Prompt enhancement: `AUTO`, `ON`, `OFF`"
        magic_prompt_option: { type: 'string', enum: ['AUTO', 'ON', 'OFF'] },
        // "Rendering speed: `DEFAULT`, `TURBO`, `QUALITY`" (no FLASH or BALANCED on this page)
        rendering_speed: { type: 'string', enum: ['DEFAULT', 'TURBO', 'QUALITY'] },
        style_type: STYLE_TYPE,
        // "| `negative_prompt` | string | No | Negative prompt |"
        negative_prompt: { type: 'string' },
      },
      required: ['prompt'],
    },
    edit: {
      properties: {
        // "| `prompt` | string | Yes | Edit description |"
        prompt: { type: 'string' },
        image: IMAGE,
        // "| `mask` | string | No | Mask image, marking the area to be edited |": optional, unlike the vendor's.
        mask: IMAGE,
        // "| `style_type` | string | No | Style type |"
        style_type: STYLE_TYPE,
      },
      required: ['prompt', 'image'],
    },
    remix: {
      properties: {
        // "| `prompt` | string | Yes | New prompt |"
        prompt: { type: 'string' },
        image: IMAGE,
        // "| `image_weight` | number | No | Reference image weight, 0-100 |" (the vendor's range is 1–100)
        image_weight: { type: 'number', minimum: 0, maximum: 100 },
      },
      required: ['prompt', 'image'],
    },
    reframe: {
      properties: {
        image: IMAGE,
        // "| `resolution` | string | No | Target resolution |": the page does not say how it is spelled,
        // so a ResolutionV3 size is taken as the vendor writes it (1024x1024) or legacy-style (RESOLUTION_1024_1024).
        resolution: { type: 'string', enum: [...resolutions, ...resolutions.map(toLegacyResolution)] },
      },
      required: ['image'],
    },
    'replace-background': {
      properties: {
        // "| `prompt` | string | Yes | New background description |"
        prompt: { type: 'string' },
        image: IMAGE,
      },
      required: ['prompt', 'image'],
    },
  };
}

/** `16x9` → `ASPECT_16_9`. */
function toLegacyAspect(ratio: string): string {
  return `ASPECT_${ratio.replace('x', '_')}`;
}

/** `1024x768` → `RESOLUTION_1024_768`. */
function toLegacyResolution(resolution: string): string {
  return `RESOLUTION_${resolution.replace('x', '_')}`;
}

let compiled: Partial<Record<V3Operation, ValidateFunction>> | undefined;

/** The page's rules, compiled once (startMockServer does it before listening). */
export function crazyrouterRules(): Partial<Record<V3Operation, ValidateFunction>> {
  if (!compiled) {
    const ajv = new Ajv2019({ allErrors: false });
    // Like the vendor's routes here, a field the page does not list is refused rather than ignored.
    compiled = Object.fromEntries(Object.entries(pageSchemas()).map(([op, schema]) => [
      op, ajv.compile({ type: 'object', unevaluatedProperties: false, ...schema }),
    ]));
  }
  return compiled;
}

/** Checks a body against the page's rules for `op`; the message, or undefined when it passes. */
export function checkCrazyrouterBody(op: V3Operation, body: Record<string, unknown>): string | undefined {
  const validate = crazyrouterRules()[op];
  if (!validate) return `${op} is not on Crazyrouter's 3.0 page`;
  return validate(body) ? undefined : describeErrors(validate);
}

/** Whether a JSON generate body uses a name or spelling only Crazyrouter's page has (the vendor's JSON form has none of them). */
export function looksLikeCrazyrouter(body: Record<string, unknown>): boolean {
  return 'model' in body || 'magic_prompt_option' in body
    || (typeof body.aspect_ratio === 'string' && body.aspect_ratio.startsWith('ASPECT_'));
}

/**
 * The body in the vendor's names, for the operations' shared code: aspect ratios and resolutions
 * spelled `16x9` / `1024x1024`, `magic_prompt` for `magic_prompt_option`, no `model`. Images stay
 * strings (URL or base64) for the caller to resolve.
 */
export function toVendorNames(body: Record<string, unknown>): Record<string, unknown> {
  const { model: _model, magic_prompt_option: magic, aspect_ratio: aspect, resolution, ...rest } = body;
  const out: Record<string, unknown> = { ...rest };
  if (magic !== undefined) out.magic_prompt = magic;
  if (typeof aspect === 'string') out.aspect_ratio = aspect.replace(/^ASPECT_(\d+)_(\d+)$/, '$1x$2');
  if (typeof resolution === 'string') out.resolution = resolution.replace(/^RESOLUTION_(\d+)_(\d+)$/, '$1x$2');
  return out;
}
