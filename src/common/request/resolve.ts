// The one way a request is completed before it is checked and sent: what the user gave wins, then
// their last choices, then their settings' defaults; fields the chosen model refuses are dropped
// when they came from a default (kept when the user gave them, so validation names them). The
// palette steps, the commands' automation arguments, the language model tools and the Studio's
// starting form all resolve through here. Pure, so the rules are unit-tested in plain Node.
import { modeTakes, refusals, v3ModeTakes, type ModelRestrictedField, type RequestField, type RequestMode, type V3Mode } from './capabilities';
import { LEGACY_DEFAULTS } from './legacy';
import type { GenerateRequest } from './schemas';
import { V3_ASPECT_RATIOS, V3_STYLE_TYPES } from './v3';
import type { V3Request } from './v3Schemas';

/** The user's generation defaults (the `ideogram.defaults.*` settings). */
export interface GenerationDefaults {
  model: string;
  aspectRatio: string;
  styleType: string;
  magicPrompt: string;
  numImages: number;
}

/** The choices remembered between runs (globalState), API field names. */
export interface RememberedChoices {
  model?: string;
  aspect_ratio?: string;
  style_type?: string;
  magic_prompt_option?: string;
  num_images?: number;
}

/** The defaults of the table itself, as settings would give them (for callers without settings). */
export const TABLE_DEFAULTS: GenerationDefaults = {
  model: LEGACY_DEFAULTS.model,
  aspectRatio: LEGACY_DEFAULTS.aspect_ratio,
  styleType: LEGACY_DEFAULTS.style_type,
  magicPrompt: LEGACY_DEFAULTS.magic_prompt_option,
  numImages: LEGACY_DEFAULTS.num_images,
};

/** Which optional fields a model takes (the capability table's refusals, as flags). */
export function modelAllows(model: string | undefined): { negativePrompt: boolean; stylePalette: boolean; styleType: boolean; resolution: boolean } {
  const refused = refusals(model);
  return {
    negativePrompt: !refused.negative_prompt,
    stylePalette: !refused.color_palette,
    styleType: !refused.style_type,
    resolution: !refused.resolution,
  };
}

/** Removes fields the model refuses (e.g. negative prompt for V_2A), so a changed model never yields a rejected request. */
export function applyModelRules<T extends Partial<GenerateRequest>>(req: T): T {
  const out = { ...req };
  for (const field of Object.keys(refusals(req.model)) as ModelRestrictedField[]) delete out[field];
  if (out.resolution) delete out.aspect_ratio;
  return out;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A completed request of any mode: API field names; generate's fields typed (it is what resolve fills). */
export type ResolvedRequest = Partial<GenerateRequest> & Record<string, unknown>;

const RESTRICTED: readonly ModelRestrictedField[] = ['negative_prompt', 'color_palette', 'style_type', 'resolution'];

/**
 * Completes a draft of `mode` (API field names): generate and remix get the model, size, style,
 * magic prompt and count from the last choices, then the settings' defaults; a resolution, when
 * given, replaces the aspect ratio. Upscale and describe take only what was given.
 */
export function resolve(mode: RequestMode, draft: object, defaults: GenerationDefaults, last: RememberedChoices = {}): ResolvedRequest {
  if (!modeTakes(mode, 'model')) return stripUndefined(draft) as ResolvedRequest;
  const given = stripUndefined(draft) as Partial<GenerateRequest> & Record<string, unknown>;
  const filled = {
    model: last.model ?? defaults.model,
    ...(given.resolution ? {} : { aspect_ratio: last.aspect_ratio ?? defaults.aspectRatio }),
    style_type: last.style_type ?? defaults.styleType,
    magic_prompt_option: last.magic_prompt_option ?? defaults.magicPrompt,
    num_images: last.num_images ?? defaults.numImages,
    ...given,
  } as Partial<GenerateRequest>;
  // Only defaults are dropped for the model; an explicit field the model refuses is kept so that
  // validation names it instead of silently changing the request.
  const ruled = applyModelRules(filled) as Record<string, unknown>;
  for (const key of [...RESTRICTED, 'aspect_ratio'] as const) {
    if (given[key] !== undefined) ruled[key] = given[key];
  }
  return ruled as ResolvedRequest;
}

/** A legacy value in 3.0's spelling (`ASPECT_16_9` → `16x9`), or undefined when 3.0 has no such value. */
export function toV3Value(field: 'aspect_ratio' | 'style_type', value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (field === 'aspect_ratio') {
    const v3 = value.replace(/^ASPECT_(\d+)_(\d+)$/, '$1x$2');
    return (V3_ASPECT_RATIOS as readonly string[]).includes(v3) ? v3 : undefined;
  }
  return (V3_STYLE_TYPES as readonly string[]).includes(value) ? value : undefined;
}

/**
 * Completes a draft of the 3.0 operation `mode` (the vendor's field names) like resolve(): what the
 * user gave wins, then their last choices, then their settings, each only where the operation takes
 * the field and 3.0 has the value (RENDER_3D, ANIME and legacy-only ratios are left to the API's
 * default). A style type is not filled in beside style codes or style references, which exclude it.
 */
export function resolveV3(mode: V3Mode, draft: object, defaults: GenerationDefaults, last: RememberedChoices = {}, hasStyleReferences = false): V3Request {
  const given = stripUndefined(draft) as V3Request;
  const filled: Record<string, unknown> = {};
  const fill = (field: RequestField, value: unknown): void => {
    if (value !== undefined && v3ModeTakes(mode, field)) filled[field] = value;
  };
  if (given.resolution === undefined) fill('aspect_ratio', toV3Value('aspect_ratio', last.aspect_ratio) ?? toV3Value('aspect_ratio', defaults.aspectRatio));
  if (!given.style_codes?.length && !hasStyleReferences) fill('style_type', toV3Value('style_type', last.style_type) ?? toV3Value('style_type', defaults.styleType));
  fill('magic_prompt', last.magic_prompt_option ?? defaults.magicPrompt);
  fill('num_images', last.num_images ?? defaults.numImages);
  return { ...filled, ...given };
}

/**
 * A generate request in legacy field names that chose Ideogram 3.0 (the palette's steps, a
 * command's options with `model: 'V_3_API'`) as a 3.0 draft: `magic_prompt_option` becomes
 * `magic_prompt`, sizes take 3.0's spelling. A value 3.0 does not have is kept as given, so
 * validation names it instead of the request silently changing.
 */
export function v3DraftFromLegacy(request: Partial<GenerateRequest> & Record<string, unknown>): V3Request {
  const { model: _model, magic_prompt_option, aspect_ratio, style_type, resolution, ...rest } = request;
  return stripUndefined({
    ...rest,
    magic_prompt: magic_prompt_option ?? rest.magic_prompt,
    aspect_ratio: toV3Value('aspect_ratio', aspect_ratio) ?? aspect_ratio,
    style_type: toV3Value('style_type', style_type) ?? style_type,
    resolution: resolution?.replace(/^RESOLUTION_(\d+)_(\d+)$/, '$1x$2'),
  }) as V3Request;
}
