// The Ideogram 3.0 API family (`/v1/ideogram-v3/…` and `/v1/remove-background`; relays put them
// under their prefix) as data, beside the legacy family: enums, ranges, reference-image limits, and
// each operation's path, fields, files and the request forms that carry it. Every rule about a
// 3.0 request is read from here (schemas in v3Schemas.ts, cross-field checks in validation.ts,
// defaults in resolve.ts, the client's encoders). Values follow ../shared/reference/ideogram-v3.md
// and the vendor's OpenAPI document of 2026-07-02; a unit test compares them with that document.
// Fields of the vendor's schema left out on purpose (no UI asks for them yet):
// magic_prompt_system_prompt_config_id (undocumented meaning), custom_model_uri,
// enable_copyright_detection.
import * as l10n from '@vscode/l10n';
import type { FamilySpec, FileField, FormSpec, RequestField, V3Mode } from './spec';

/** AspectRatioV3: `width x height` ratios (15). */
export const V3_ASPECT_RATIOS = [
  '1x3', '3x1', '1x2', '2x1', '9x16', '16x9', '10x16', '16x10', '2x3', '3x2', '3x4', '4x3', '4x5', '5x4', '1x1',
] as const;

/** ResolutionV3: the 69 sizes 3.0 makes (`1024x1024`). */
export const V3_RESOLUTIONS = [
  '512x1536', '576x1408', '576x1472', '576x1536', '640x1344', '640x1408', '640x1472', '640x1536', '704x1152',
  '704x1216', '704x1280', '704x1344', '704x1408', '704x1472', '736x1312', '768x1088', '768x1216', '768x1280',
  '768x1344', '800x1280', '832x960', '832x1024', '832x1088', '832x1152', '832x1216', '832x1248', '864x1152',
  '896x960', '896x1024', '896x1088', '896x1120', '896x1152', '960x832', '960x896', '960x1024', '960x1088',
  '1024x832', '1024x896', '1024x960', '1024x1024', '1088x768', '1088x832', '1088x896', '1088x960',
  '1120x896', '1152x704', '1152x832', '1152x864', '1152x896', '1216x704', '1216x768', '1216x832', '1248x832',
  '1280x704', '1280x768', '1280x800', '1312x736', '1344x640', '1344x704', '1344x768', '1408x576', '1408x640',
  '1408x704', '1472x576', '1472x640', '1472x704', '1536x512', '1536x576', '1536x640',
] as const;

/** RenderingSpeed: 3.0's quality/price choice (it has no `model` field). */
export const RENDERING_SPEEDS = ['FLASH', 'TURBO', 'BALANCED', 'DEFAULT', 'QUALITY'] as const;

/** StyleTypeV3. */
export const V3_STYLE_TYPES = ['AUTO', 'GENERAL', 'REALISTIC', 'DESIGN', 'CUSTOM', 'FICTION', 'STYLIZED'] as const;

/** StylePresetV3 (62). */
export const STYLE_PRESETS = [
  '80S_ILLUSTRATION', '90S_NOSTALGIA', 'ABSTRACT_ORGANIC', 'ANALOG_NOSTALGIA', 'ART_BRUT', 'ART_DECO', 'ART_POSTER',
  'AURA', 'AVANT_GARDE', 'BAUHAUS', 'BLUEPRINT', 'BLURRY_MOTION', 'BRIGHT_ART', 'C4D_CARTOON', 'CHILDRENS_BOOK',
  'COLLAGE', 'COLORING_BOOK_I', 'COLORING_BOOK_II', 'CUBISM', 'DARK_AURA', 'DOODLE', 'DOUBLE_EXPOSURE',
  'DRAMATIC_CINEMA', 'EDITORIAL', 'EMOTIONAL_MINIMAL', 'ETHEREAL_PARTY', 'EXPIRED_FILM', 'FLAT_ART', 'FLAT_VECTOR',
  'FOREST_REVERIE', 'GEO_MINIMALIST', 'GLASS_PRISM', 'GOLDEN_HOUR', 'GRAFFITI_I', 'GRAFFITI_II', 'HALFTONE_PRINT',
  'HIGH_CONTRAST', 'HIPPIE_ERA', 'ICONIC', 'JAPANDI_FUSION', 'JAZZY', 'LONG_EXPOSURE', 'MAGAZINE_EDITORIAL',
  'MINIMAL_ILLUSTRATION', 'MIXED_MEDIA', 'MONOCHROME', 'NIGHTLIFE', 'OIL_PAINTING', 'OLD_CARTOONS', 'PAINT_GESTURE',
  'POP_ART', 'RETRO_ETCHING', 'RIVIERA_POP', 'SPOTLIGHT_80S', 'STYLIZED_RED', 'SURREAL_COLLAGE', 'TRAVEL_POSTER',
  'VINTAGE_GEO', 'VINTAGE_POSTER', 'WATERCOLOR', 'WEIRD', 'WOODBLOCK_PRINT',
] as const;

/** UpscaleFactor of generate-transparent (X1 is the vendor's default; more costs more). */
export const UPSCALE_FACTORS = ['X1', 'X2', 'X4'] as const;

/** A style code: 8 hex digits. */
export const STYLE_CODE_PATTERN = /^[0-9a-fA-F]{8}$/;

/**
 * Limits of the files a 3.0 request carries (SPEC-0702, the stricter of the vendor's two documents:
 * 10 MB in total per kind of reference, 1 character reference, one mask per character reference).
 */
export const V3_FILE_LIMITS = {
  maxReferenceBytesPerKind: 10 * 1024 * 1024,
  maxCharacterReferences: 1,
} as const;

/** The 3.0 family's choice in model pickers: it has no model id, so this names it in settings and sidecars. */
export const V3_MODEL = 'V_3_API';

/** The values of the 3.0 family used when nothing else says (the vendor's own defaults where it has them). */
export const V3_DEFAULTS = {
  rendering_speed: 'DEFAULT',
  aspect_ratio: '1x1',
  upscale_factor: 'X1',
} as const;

// The style fields every image-making 3.0 operation shares (the vendor repeats them per schema).
const STYLE_FIELDS: readonly RequestField[] = ['rendering_speed', 'style_preset', 'color_palette', 'style_codes'];
const STYLE_FILES: readonly FileField[] = ['style_reference_images'];
const CHARACTER_FILES: readonly FileField[] = ['character_reference_images', 'character_reference_images_mask'];
const GENERATE_FIELDS: readonly RequestField[] = [
  'prompt', 'seed', 'resolution', 'aspect_ratio', 'magic_prompt', 'negative_prompt', 'num_images', 'style_type', ...STYLE_FIELDS,
];

// Crazyrouter's 3.0 page (ideogram-v3.md §2.1): flat JSON, legacy-style names, images as a URL or
// base64, and only these operations and fields. Narrower values are the page's own lists.
const CRAZYROUTER_STYLE_TYPES = ['AUTO', 'GENERAL', 'REALISTIC', 'DESIGN'] as const;
const crazyrouter = (path: string, fields: readonly RequestField[], files: readonly FileField[]): FormSpec => ({
  path, fields, files,
  values: { rendering_speed: ['DEFAULT', 'TURBO', 'QUALITY'], style_type: CRAZYROUTER_STYLE_TYPES },
});

const FLASH_REFUSED = {
  FLASH: {
    reason: () => l10n.t('Transparent images cannot be made at FLASH speed.'),
    message: () => l10n.t('Rendering speed FLASH is not available for transparent images; choose TURBO, DEFAULT or QUALITY.'),
  },
};

/** The Ideogram 3.0 family: operations, their fields, files and request forms. */
export const V3: FamilySpec<V3Mode> = {
  id: 'v3',
  modelGroups: [],
  operations: {
    generate: {
      path: 'v1/ideogram-v3/generate', body: 'fields', json: true,
      fields: GENERATE_FIELDS, required: ['prompt'],
      files: [...STYLE_FILES, ...CHARACTER_FILES],
      forms: { 'crazyrouter-json': crazyrouter('v1/ideogram-v3/generate', ['prompt', 'aspect_ratio', 'magic_prompt', 'rendering_speed', 'style_type', 'negative_prompt'], []) },
    },
    remix: {
      path: 'v1/ideogram-v3/remix', body: 'fields', image: 'image',
      fields: [...GENERATE_FIELDS, 'image_weight'], required: ['prompt'],
      files: ['image', ...STYLE_FILES, ...CHARACTER_FILES], requiredFiles: ['image'],
      forms: { 'crazyrouter-json': crazyrouter('v1/ideogram-v3/remix', ['prompt', 'image_weight'], ['image']) },
    },
    // The vendor's /inpaint succeeded /edit (same schema); Crazyrouter's page has only /edit.
    inpaint: {
      path: 'v1/ideogram-v3/inpaint', body: 'fields', image: 'image',
      fields: ['prompt', 'magic_prompt', 'num_images', 'seed', 'style_type', ...STYLE_FIELDS], required: ['prompt'],
      files: ['image', 'mask', ...STYLE_FILES, ...CHARACTER_FILES], requiredFiles: ['image', 'mask'],
      forms: { 'crazyrouter-json': crazyrouter('v1/ideogram-v3/edit', ['prompt', 'style_type'], ['image', 'mask']) },
    },
    reframe: {
      path: 'v1/ideogram-v3/reframe', body: 'fields', image: 'image',
      fields: ['resolution', 'num_images', 'seed', ...STYLE_FIELDS], required: ['resolution'],
      files: ['image', ...STYLE_FILES], requiredFiles: ['image'],
      forms: { 'crazyrouter-json': crazyrouter('v1/ideogram-v3/reframe', ['resolution'], ['image']) },
    },
    'replace-background': {
      path: 'v1/ideogram-v3/replace-background', body: 'fields', image: 'image',
      fields: ['prompt', 'magic_prompt', 'num_images', 'seed', ...STYLE_FIELDS], required: ['prompt'],
      files: ['image', ...STYLE_FILES], requiredFiles: ['image'],
      forms: { 'crazyrouter-json': crazyrouter('v1/ideogram-v3/replace-background', ['prompt'], ['image']) },
    },
    'generate-transparent': {
      path: 'v1/ideogram-v3/generate-transparent', body: 'fields', json: true,
      fields: ['prompt', 'seed', 'upscale_factor', 'aspect_ratio', 'rendering_speed', 'magic_prompt', 'negative_prompt', 'num_images'],
      required: ['prompt'], files: [], refusedSpeeds: FLASH_REFUSED,
    },
    'remove-background': {
      path: 'v1/remove-background', body: 'fields', image: 'image',
      fields: [], files: ['image'], requiredFiles: ['image'],
    },
  },
};

/** The 3.0 operations, in the order menus list them. */
export const V3_MODES = Object.keys(V3.operations) as V3Mode[];

/**
 * The 3.0 resolution for extending an image to an aspect ratio (`16x9` → the ResolutionV3 whose
 * shape is nearest, the larger on a tie): reframe takes a resolution, the user thinks in ratios.
 */
export function resolutionForAspect(aspect: string): string | undefined {
  const m = /^(\d+)x(\d+)$/.exec(aspect);
  if (!m) return undefined;
  const target = Math.log(Number(m[1]) / Number(m[2]));
  let best: { value: string; distance: number; area: number } | undefined;
  for (const value of V3_RESOLUTIONS) {
    const [w, h] = value.split('x').map(Number);
    const distance = Math.abs(Math.log(w / h) - target);
    const area = w * h;
    if (!best || distance < best.distance - 1e-9 || (Math.abs(distance - best.distance) <= 1e-9 && area > best.area)) best = { value, distance, area };
  }
  return best?.value;
}
