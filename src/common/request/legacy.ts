// The legacy API family (Ideogram's `/generate`, `/remix`, `/upscale`, `/describe` and the relays
// that mirror them) as data: its enums, ranges and defaults, which model refuses which field (and
// what the user is told), and each operation's path, body form and fields. Every rule about a
// legacy request is read from here: the zod schemas (schemas.ts), the cross-field checks
// (validation.ts), the defaults (resolve.ts), the Studio form, the palette steps, the language
// model tools and the settings. Values follow ../shared/reference/ideogram-api.md and the vendor's
// OpenAPI document; where the two differ, the comment says which one is followed and why.
import * as l10n from '@vscode/l10n';
import type { FamilySpec, ModelGroup } from './spec';

/**
 * Models of the vendor's ModelEnum (2025-03-13 OpenAPI). Ids outside it are refused: the vendor's
 * schema answers them with 400, so a free-text id would only cost a round trip.
 */
export const MODELS = ['V_1', 'V_1_TURBO', 'V_2', 'V_2_TURBO', 'V_2A', 'V_2A_TURBO', 'V_3'] as const;

/** The 11 aspect ratios of the legacy API. */
export const ASPECT_RATIOS = [
  'ASPECT_10_16', 'ASPECT_16_10', 'ASPECT_9_16', 'ASPECT_16_9', 'ASPECT_3_2', 'ASPECT_2_3',
  'ASPECT_4_3', 'ASPECT_3_4', 'ASPECT_1_1', 'ASPECT_1_3', 'ASPECT_3_1',
] as const;

/** The 78 fixed resolutions of the legacy API (`RESOLUTION_<width>_<height>`). */
export const RESOLUTIONS = [
  'RESOLUTION_512_1536', 'RESOLUTION_576_1408', 'RESOLUTION_576_1472', 'RESOLUTION_576_1536',
  'RESOLUTION_640_1024', 'RESOLUTION_640_1344', 'RESOLUTION_640_1408', 'RESOLUTION_640_1472',
  'RESOLUTION_640_1536', 'RESOLUTION_704_1152', 'RESOLUTION_704_1216', 'RESOLUTION_704_1280',
  'RESOLUTION_704_1344', 'RESOLUTION_704_1408', 'RESOLUTION_704_1472', 'RESOLUTION_720_1280',
  'RESOLUTION_736_1312', 'RESOLUTION_768_1024', 'RESOLUTION_768_1088', 'RESOLUTION_768_1152',
  'RESOLUTION_768_1216', 'RESOLUTION_768_1232', 'RESOLUTION_768_1280', 'RESOLUTION_768_1344',
  'RESOLUTION_832_960', 'RESOLUTION_832_1024', 'RESOLUTION_832_1088', 'RESOLUTION_832_1152',
  'RESOLUTION_832_1216', 'RESOLUTION_832_1248', 'RESOLUTION_864_1152', 'RESOLUTION_896_960',
  'RESOLUTION_896_1024', 'RESOLUTION_896_1088', 'RESOLUTION_896_1120', 'RESOLUTION_896_1152',
  'RESOLUTION_960_832', 'RESOLUTION_960_896', 'RESOLUTION_960_1024', 'RESOLUTION_960_1088',
  'RESOLUTION_1024_640', 'RESOLUTION_1024_768', 'RESOLUTION_1024_832', 'RESOLUTION_1024_896',
  'RESOLUTION_1024_960', 'RESOLUTION_1024_1024', 'RESOLUTION_1088_768', 'RESOLUTION_1088_832',
  'RESOLUTION_1088_896', 'RESOLUTION_1088_960', 'RESOLUTION_1120_896', 'RESOLUTION_1152_704',
  'RESOLUTION_1152_768', 'RESOLUTION_1152_832', 'RESOLUTION_1152_864', 'RESOLUTION_1152_896',
  'RESOLUTION_1216_704', 'RESOLUTION_1216_768', 'RESOLUTION_1216_832', 'RESOLUTION_1232_768',
  'RESOLUTION_1248_832', 'RESOLUTION_1280_704', 'RESOLUTION_1280_720', 'RESOLUTION_1280_768',
  'RESOLUTION_1280_800', 'RESOLUTION_1312_736', 'RESOLUTION_1344_640', 'RESOLUTION_1344_704',
  'RESOLUTION_1344_768', 'RESOLUTION_1408_576', 'RESOLUTION_1408_640', 'RESOLUTION_1408_704',
  'RESOLUTION_1472_576', 'RESOLUTION_1472_640', 'RESOLUTION_1472_704', 'RESOLUTION_1536_512',
  'RESOLUTION_1536_576', 'RESOLUTION_1536_640',
] as const;

/** Magic prompt settings. */
export const MAGIC_PROMPT_OPTIONS = ['AUTO', 'ON', 'OFF'] as const;

/** Style types of the V_2 era (refused by V_1 models). */
export const STYLE_TYPES = ['AUTO', 'GENERAL', 'REALISTIC', 'DESIGN', 'RENDER_3D', 'ANIME'] as const;

/** Named colour palette presets. */
export const PALETTE_PRESETS = ['EMBER', 'FRESH', 'JUNGLE', 'MAGIC', 'MELON', 'MOSAIC', 'PASTEL', 'ULTRAMARINE'] as const;

/** Model versions `/describe` accepts (the vendor's 2026-07-02 enum; V_3 is its default). */
export const DESCRIBE_MODEL_VERSIONS = ['V_2', 'V_3', 'CUSTOM', 'V_4'] as const;

/** Largest seed the API accepts (int32 max). */
export const MAX_SEED = 2147483647;

/** Hex colour as the API's regex defines it: `#abc` or `#aabbcc`. */
export const HEX_COLOR_PATTERN = /^#(?:[0-9a-fA-F]{3}){1,2}$/;

/** Whole-number ranges of the legacy fields, with the value the vendor uses when one is left out. */
export const RANGES = {
  seed: { min: 0, max: MAX_SEED },
  num_images: { min: 1, max: 8, default: 1 },
  image_weight: { min: 1, max: 100, default: 50 },
  resemblance: { min: 1, max: 100, default: 50 },
  detail: { min: 1, max: 100, default: 50 },
} as const;

/** Limits of a custom colour palette. */
export const PALETTE_LIMITS = { minMembers: 1, maxMembers: 8, minWeight: 0.05, maxWeight: 1 } as const;

/**
 * What a request gets when neither the user, their last choice nor their settings say otherwise:
 * the settings' defaults (package.json declares the same values; a unit test keeps them equal).
 */
export const LEGACY_DEFAULTS = {
  model: 'V_2',
  aspect_ratio: 'ASPECT_1_1',
  resolution: 'RESOLUTION_1024_1024',
  style_type: 'AUTO',
  magic_prompt_option: 'AUTO',
  num_images: RANGES.num_images.default,
  image_weight: RANGES.image_weight.default,
  resemblance: RANGES.resemblance.default,
  detail: RANGES.detail.default,
} as const;

// Which models refuse which field, each refusal with what the Studio shows beside the disabled
// field (`reason`) and what validation says (`message`). The vendor's documents win:
// - style_type: "should not be specified for model versions V_1" (StyleType).
// - resolution: "For model_version for 2.0 only" (Resolution); only V_1 is clearly outside it.
// - negative_prompt: "Only available for model versions V_1, V_1_TURBO, V_2 and V_2_TURBO", so
//   V_2A and V_3 refuse it (before this table, V_3 was allowed one and the API refused it).
// - color_palette: the 2025-03 text says "Only available for model version V_2 and V_2_TURBO";
//   the vendor's later document narrows the exclusion to the V_1 and V_2A families, so V_3 keeps it.
const V1_GROUP: ModelGroup = {
  models: ['V_1', 'V_1_TURBO'],
  refuses: {
    style_type: {
      reason: () => l10n.t('V_1 models do not take a style type.'),
      message: () => l10n.t('Style type is not supported by V_1 models; choose V_2 or newer, or clear it.'),
    },
    resolution: {
      reason: () => l10n.t('V_1 models do not take a resolution; the aspect ratio is used.'),
      message: () => l10n.t('Resolution is not supported by V_1 models; choose V_2 or newer, or use an aspect ratio.'),
    },
    color_palette: {
      reason: () => l10n.t('V_1 models do not take a colour palette.'),
      message: () => l10n.t('Colour palette is not supported by V_1 models; choose V_2 or V_2_TURBO, or clear it.'),
    },
  },
};

const V2A_GROUP: ModelGroup = {
  models: ['V_2A', 'V_2A_TURBO'],
  refuses: {
    negative_prompt: {
      reason: () => l10n.t('V_2A models do not take a negative prompt.'),
      message: () => l10n.t('Negative prompt is not supported by V_2A models; choose V_2 or V_1, or clear it.'),
    },
    color_palette: {
      reason: () => l10n.t('V_2A models do not take a colour palette.'),
      message: () => l10n.t('Colour palette is not supported by V_2A models; choose V_2 or V_2_TURBO, or clear it.'),
    },
  },
};

const V3_GROUP: ModelGroup = {
  models: ['V_3'],
  refuses: {
    negative_prompt: {
      reason: () => l10n.t('V_3 does not take a negative prompt.'),
      message: () => l10n.t('Negative prompt is not supported by V_3; choose V_2 or V_1, or clear it.'),
    },
  },
};

const V2_GROUP: ModelGroup = { models: ['V_2', 'V_2_TURBO'], refuses: {} };

/** The legacy family: models, operations and their fields. */
export const LEGACY: FamilySpec = {
  id: 'legacy',
  modelGroups: [V2_GROUP, V2A_GROUP, V1_GROUP, V3_GROUP],
  operations: {
    // The request fields sit in `image_request` (JSON for generate; a JSON part beside the image
    // for remix and upscale); describe's fields are plain form fields beside the image.
    generate: {
      path: 'generate', body: 'image_request',
      fields: ['prompt', 'model', 'aspect_ratio', 'resolution', 'style_type', 'magic_prompt_option', 'negative_prompt', 'seed', 'num_images', 'color_palette'],
    },
    remix: {
      path: 'remix', body: 'image_request', image: 'image_file',
      fields: ['prompt', 'model', 'aspect_ratio', 'resolution', 'style_type', 'magic_prompt_option', 'negative_prompt', 'seed', 'num_images', 'color_palette', 'image_weight'],
    },
    upscale: {
      path: 'upscale', body: 'image_request', image: 'image_file',
      fields: ['prompt', 'resemblance', 'detail', 'magic_prompt_option', 'seed', 'num_images'],
    },
    describe: {
      path: 'describe', body: 'fields', image: 'image_file',
      fields: ['describe_model_version'],
    },
  },
};
