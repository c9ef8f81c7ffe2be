// Turns the Studio form into the API request of its mode, and says which fields a model refuses
// and why; both read from the capability table. Used by the webview (live validation where the
// user types: the one check at that edge) and the host (which hands the request to the client,
// whose own check is the second one).
import { modeTakes, refusals, type ModelRestrictedField, type RequestField } from './request/capabilities';
import { LEGACY_DEFAULTS, RANGES } from './request/legacy';
import { validate, type ValidationIssue } from './request/validation';
import type { FormState, StudioMode } from './protocol';

/** The form a fresh Studio starts with (the host may override some values from the settings). */
export const DEFAULT_FORM: FormState = {
  mode: 'generate',
  prompt: '',
  model: LEGACY_DEFAULTS.model,
  sizeKind: 'aspect',
  aspectRatio: LEGACY_DEFAULTS.aspect_ratio,
  resolution: LEGACY_DEFAULTS.resolution,
  styleType: '',
  magicPrompt: '',
  negativePrompt: '',
  seed: '',
  randomSeed: true,
  numImages: LEGACY_DEFAULTS.num_images,
  palette: { kind: 'none' },
  imageWeight: LEGACY_DEFAULTS.image_weight,
  resemblance: LEGACY_DEFAULTS.resemblance,
  detail: LEGACY_DEFAULTS.detail,
  describeModelVersion: '',
};

/** The request of one mode, with the API's field names. */
export type StudioRequest =
  | { mode: 'generate'; request: Record<string, unknown> }
  | { mode: 'remix'; request: Record<string, unknown> }
  | { mode: 'upscale'; request: Record<string, unknown> }
  | { mode: 'describe'; request: { describe_model_version?: string } };

// A seed typed as digits becomes a number; anything else is passed through as text so the
// client's schema reports it ("Seed must be a whole number …") instead of it being dropped.
function seedValue(form: FormState): unknown {
  if (form.randomSeed) return undefined;
  const raw = form.seed.trim();
  if (raw === '') return undefined;
  return /^-?\d+$/.test(raw) ? Number(raw) : raw;
}

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

function paletteValue(form: FormState): unknown {
  switch (form.palette.kind) {
    case 'none': return undefined;
    case 'preset': return { name: form.palette.name };
    case 'custom': return { members: form.palette.members.map((m) => ({ color_hex: m.color_hex, color_weight: m.color_weight })) };
  }
}

// Drops undefined so the request is exactly what would be sent (strict schemas reject nothing extra).
function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

function imageRequest(form: FormState): Record<string, unknown> {
  const disabled = disabledFields(form.model);
  const byResolution = form.sizeKind === 'resolution' && !disabled.resolution;
  return compact({
    prompt: form.prompt,
    model: optional(form.model),
    // A model without resolutions (V_1) falls back to the aspect ratio, which the form then shows.
    aspect_ratio: !byResolution ? optional(form.aspectRatio) : undefined,
    resolution: byResolution ? optional(form.resolution) : undefined,
    magic_prompt_option: optional(form.magicPrompt),
    style_type: disabled.style_type ? undefined : optional(form.styleType),
    negative_prompt: disabled.negative_prompt ? undefined : optional(form.negativePrompt),
    seed: seedValue(form),
    num_images: form.numImages,
    color_palette: disabled.color_palette ? undefined : paletteValue(form),
  });
}

/** Builds the API request of the form's mode (not yet validated). */
export function buildStudioRequest(form: FormState): StudioRequest {
  switch (form.mode) {
    case 'generate': return { mode: 'generate', request: imageRequest(form) };
    case 'remix': return { mode: 'remix', request: { ...imageRequest(form), image_weight: form.imageWeight } };
    case 'upscale': return {
      mode: 'upscale',
      request: compact({
        prompt: optional(form.prompt),
        resemblance: form.resemblance,
        detail: form.detail,
        magic_prompt_option: optional(form.magicPrompt),
        seed: seedValue(form),
        num_images: form.numImages,
      }),
    };
    case 'describe': {
      const version = optional(form.describeModelVersion);
      return { mode: 'describe', request: version === undefined ? {} : { describe_model_version: version } };
    }
  }
}

/** Validates the form's request with the capability table's rules; [] when it can be sent. */
export function checkStudioRequest(request: StudioRequest): ValidationIssue[] {
  return validate(request.mode, request.request);
}

/** Fields the chosen model refuses, each with the reason shown beside it (in the UI language). */
export function disabledFields(model: string): Partial<Record<ModelRestrictedField, string>> {
  return Object.fromEntries(Object.entries(refusals(model)).map(([field, why]) => [field, why.reason()]));
}

/** Whether a mode shows a request field (the Studio form's rows follow the operation's fields). */
export function modeShows(mode: StudioMode, field: RequestField): boolean {
  return modeTakes(mode, field);
}

/**
 * How many images a request's parameters bill: their num_images (the API makes one without it);
 * undefined while num_images is not a whole number the API takes.
 */
export function billedImageCount(parameters: Record<string, unknown>): number | undefined {
  const count = parameters.num_images ?? RANGES.num_images.default;
  return typeof count === 'number' && Number.isInteger(count) && count >= RANGES.num_images.min && count <= RANGES.num_images.max ? count : undefined;
}

/** How many images the Studio's request will bill; undefined for Describe (no images) or an invalid count. */
export function studioBilledImages(request: StudioRequest): number | undefined {
  return request.mode === 'describe' ? undefined : billedImageCount(request.request);
}

/** Whether a mode needs a reference image. */
export function modeNeedsImage(mode: StudioMode): boolean {
  return mode !== 'generate';
}

/** Fills the form from a sidecar's recorded parameters (API field names), e.g. for "use this history entry". */
export function formFromParameters(parameters: Record<string, unknown>, base: FormState): FormState {
  const str = (key: string): string | undefined => (typeof parameters[key] === 'string' ? (parameters[key] as string) : undefined);
  const num = (key: string): number | undefined => (typeof parameters[key] === 'number' ? (parameters[key] as number) : undefined);
  const form: FormState = { ...base };
  form.prompt = str('prompt') ?? form.prompt;
  form.model = str('model') ?? form.model;
  const aspect = str('aspect_ratio');
  const resolution = str('resolution');
  if (resolution !== undefined && resolution.startsWith('RESOLUTION_')) {
    form.sizeKind = 'resolution';
    form.resolution = resolution;
  } else if (aspect !== undefined) {
    form.sizeKind = 'aspect';
    form.aspectRatio = aspect;
  }
  form.styleType = str('style_type') ?? '';
  form.magicPrompt = str('magic_prompt_option') ?? '';
  form.negativePrompt = str('negative_prompt') ?? '';
  const seed = num('seed');
  form.randomSeed = seed === undefined;
  form.seed = seed === undefined ? '' : String(seed);
  form.numImages = num('num_images') ?? form.numImages;
  form.imageWeight = num('image_weight') ?? form.imageWeight;
  form.resemblance = num('resemblance') ?? form.resemblance;
  form.detail = num('detail') ?? form.detail;
  const palette = parameters.color_palette;
  if (palette && typeof palette === 'object') {
    const p = palette as { name?: unknown; members?: unknown };
    if (typeof p.name === 'string') form.palette = { kind: 'preset', name: p.name };
    else if (Array.isArray(p.members)) {
      form.palette = {
        kind: 'custom',
        members: p.members
          .filter((m): m is { color_hex: string; color_weight?: number } => !!m && typeof (m as { color_hex?: unknown }).color_hex === 'string')
          .map((m) => ({ color_hex: m.color_hex, color_weight: typeof m.color_weight === 'number' ? m.color_weight : 1 })),
      };
    }
  } else {
    form.palette = { kind: 'none' };
  }
  return form;
}
