// zod schemas for Ideogram's legacy image API (generate, remix, upscale, describe), built from the
// capability table (legacy.ts: enums, ranges, limits). Field names are the API's own, so a parsed
// request can be sent as-is. Messages are written
// for people: the Studio shows them next to the field. Each message is a function, so it is
// translated when an issue is reported (after the host or webview configured @vscode/l10n), not
// when this module loads.
// Namespace import: unlike `{ z }`, it lets esbuild drop unused zod parts (e.g. all locales) from the webview bundle.
import * as l10n from '@vscode/l10n';
import * as z from 'zod';
import {
  ASPECT_RATIOS, DESCRIBE_MODEL_VERSIONS, HEX_COLOR_PATTERN, MAGIC_PROMPT_OPTIONS, MODELS, PALETTE_LIMITS, PALETTE_PRESETS,
  RANGES, RESOLUTIONS, STYLE_TYPES,
} from './legacy';

const listOf = (values: readonly string[]): string => values.join(', ');

/** A model id of the vendor's list (legacy.ts says why no free text). */
export const ModelSchema = z.enum(MODELS, { error: () => l10n.t('Model must be one of {0}.', listOf(MODELS)) });

/** Aspect ratio enum. */
export const AspectRatioSchema = z.enum(ASPECT_RATIOS, { error: () => l10n.t('Aspect ratio must be one of the ASPECT_* values, e.g. ASPECT_16_9.') });

/** Resolution enum. */
export const ResolutionSchema = z.enum(RESOLUTIONS, { error: () => l10n.t('Resolution must be one of the RESOLUTION_<width>_<height> values, e.g. RESOLUTION_1024_1024.') });

/** Magic prompt option enum. */
export const MagicPromptSchema = z.enum(MAGIC_PROMPT_OPTIONS, { error: () => l10n.t('Magic prompt must be one of {0}.', listOf(MAGIC_PROMPT_OPTIONS)) });

/** Style type enum. */
export const StyleTypeSchema = z.enum(STYLE_TYPES, { error: () => l10n.t('Style type must be one of {0}.', listOf(STYLE_TYPES)) });

/** Describe model version enum. */
export const DescribeModelVersionSchema = z.enum(DESCRIBE_MODEL_VERSIONS, { error: () => l10n.t('Describe model version must be one of {0}.', listOf(DESCRIBE_MODEL_VERSIONS)) });

// `label` is a function for the same reason as the messages: translated when used.
const intInRange = (label: () => string, min: number, max: number) =>
  z.number({ error: () => l10n.t('{0} must be a whole number from {1} to {2}.', label(), min, max) })
    .int({ error: () => l10n.t('{0} must be a whole number from {1} to {2}.', label(), min, max) })
    .min(min, { error: () => l10n.t('{0} must be at least {1}.', label(), min) })
    .max(max, { error: () => l10n.t('{0} must be at most {1}.', label(), max) });

/** Seed: integer 0..2147483647. */
export const SeedSchema = intInRange(() => l10n.t('Seed'), RANGES.seed.min, RANGES.seed.max);
/** Number of images: integer 1..8. */
export const NumImagesSchema = intInRange(() => l10n.t('Number of images'), RANGES.num_images.min, RANGES.num_images.max);

/** One member of a custom palette. */
export const ColorPaletteMemberSchema = z.strictObject({
  color_hex: z.string({ error: () => l10n.t('Palette colour must be a hex colour such as #1a2b3c.') })
    .regex(HEX_COLOR_PATTERN, { error: () => l10n.t('Palette colour must be a hex colour such as #1a2b3c or #abc.') }),
  color_weight: z.number({ error: () => l10n.t('Palette colour weight must be a number from 0.05 to 1.') })
    .min(PALETTE_LIMITS.minWeight, { error: () => l10n.t('Palette colour weight must be at least 0.05.') })
    .max(PALETTE_LIMITS.maxWeight, { error: () => l10n.t('Palette colour weight must be at most 1.') })
    .optional(),
}, { error: () => l10n.t('Each palette member needs color_hex (and optionally color_weight).') });

/** Colour palette: a preset name, or 1..8 custom members (exactly one of the two). */
// One object with a refinement rather than z.union: a union reports only "no option matched",
// while this reports the exact member and field that is wrong.
export const ColorPaletteSchema = z.strictObject({
  name: z.enum(PALETTE_PRESETS, { error: () => l10n.t('Palette preset must be one of {0}.', listOf(PALETTE_PRESETS)) }).optional(),
  members: z.array(ColorPaletteMemberSchema, { error: () => l10n.t('Palette members must be a list.') })
    .min(PALETTE_LIMITS.minMembers, { error: () => l10n.t('A custom palette needs at least 1 colour.') })
    .max(PALETTE_LIMITS.maxMembers, { error: () => l10n.t('A custom palette can have at most 8 colours.') })
    .optional(),
}, { error: () => l10n.t('Colour palette must be a preset ({ "name": "PASTEL" }) or custom colours ({ "members": [ … ] }).') })
  .refine((p) => (p.name === undefined) !== (p.members === undefined), {
    error: () => l10n.t('Colour palette needs either a preset name ({0}) or a list of members, not both or neither.', listOf(PALETTE_PRESETS)),
  });

/** A required prompt (legacy and 3.0). */
export const PromptSchema = z.string({ error: () => l10n.t('Prompt is required.') });
/** Negative prompt: free text. */
export const NegativePromptSchema = z.string({ error: () => l10n.t('Negative prompt must be text.') });
/** Remix's image weight: integer 1..100. */
export const ImageWeightSchema = intInRange(() => l10n.t('Image weight'), RANGES.image_weight.min, RANGES.image_weight.max);

const imageRequestShape = {
  prompt: PromptSchema,
  model: ModelSchema.optional(),
  aspect_ratio: AspectRatioSchema.optional(),
  resolution: ResolutionSchema.optional(),
  magic_prompt_option: MagicPromptSchema.optional(),
  style_type: StyleTypeSchema.optional(),
  negative_prompt: NegativePromptSchema.optional(),
  seed: SeedSchema.optional(),
  num_images: NumImagesSchema.optional(),
  color_palette: ColorPaletteSchema.optional(),
};

/** Body of `/generate` (`image_request`); the same object is the base of remix's request. */
export const GenerateRequestSchema = z.strictObject(imageRequestShape);

/** `image_request` part of `/remix`: a generate request plus `image_weight` 1..100. */
export const RemixRequestSchema = z.strictObject({
  ...imageRequestShape,
  image_weight: ImageWeightSchema.optional(),
});

/** `image_request` part of `/upscale`; every field is optional. */
export const UpscaleRequestSchema = z.strictObject({
  prompt: z.string({ error: () => l10n.t('Prompt must be text.') }).optional(),
  resemblance: intInRange(() => l10n.t('Resemblance'), RANGES.resemblance.min, RANGES.resemblance.max).optional(),
  detail: intInRange(() => l10n.t('Detail'), RANGES.detail.min, RANGES.detail.max).optional(),
  magic_prompt_option: MagicPromptSchema.optional(),
  seed: SeedSchema.optional(),
  num_images: NumImagesSchema.optional(),
});

/** Optional form fields of `/describe` besides the image. */
export const DescribeOptionsSchema = z.strictObject({
  describe_model_version: DescribeModelVersionSchema.optional(),
});

// Responses are parsed leniently: relays differ (created as int, url null when unsafe, extra fields).

/** One image of a generate/remix/upscale response, as received (lenient). */
export const ImageObjectSchema = z.looseObject({
  url: z.string().nullish(),
  prompt: z.string().nullish(),
  resolution: z.string().nullish(),
  is_image_safe: z.boolean().nullish(),
  seed: z.number().nullish(),
  style_type: z.string().nullish(),
  upscaled_resolution: z.string().nullish(),
});

/** Response of generate, remix and upscale (lenient: `created` string or number, unknown fields kept). */
export const GenerateResponseSchema = z.looseObject({
  created: z.union([z.string(), z.number()]).nullish(),
  data: z.array(ImageObjectSchema),
});

/** Response of describe; `descriptions` and each `text` may be missing. */
export const DescribeResponseSchema = z.looseObject({
  descriptions: z.array(z.looseObject({ text: z.string().nullish() })).nullish(),
});

/** `image_request` of `/generate`. */
export type GenerateRequest = z.infer<typeof GenerateRequestSchema>;
/** `image_request` of `/remix`. */
export type RemixRequest = z.infer<typeof RemixRequestSchema>;
/** `image_request` of `/upscale`. */
export type UpscaleRequest = z.infer<typeof UpscaleRequestSchema>;
