// What the user reads for request fields and their values, in every UI (palette steps, Studio,
// tool confirmations, the settings' enumItemLabels, which a unit test keeps equal to these): the
// one place that turns `ASPECT_16_9` into "16:9 (landscape)" and says what a model or a
// magic-prompt choice means. Covers the legacy and the Ideogram 3.0 values. API values stay in requests, sidecars and arguments.
// Spelled l10n.t('…') every time: the extractor (npm run l10n:extract) only finds calls written so.
import * as l10n from '@vscode/l10n';
import { isV3Model, refusals, type FileField, type RequestField } from './capabilities';
import type { PALETTE_PRESETS } from './legacy';

/** The field's name as the forms show it. */
export function fieldLabel(field: RequestField): string {
  switch (field) {
    case 'prompt': return l10n.t('Prompt');
    case 'model': return l10n.t('Model');
    case 'aspect_ratio': return l10n.t('Aspect ratio');
    case 'resolution': return l10n.t('Resolution');
    case 'style_type': return l10n.t('Style type');
    case 'magic_prompt_option': return l10n.t('Magic prompt');
    case 'negative_prompt': return l10n.t('Negative prompt');
    case 'seed': return l10n.t('Seed');
    case 'num_images': return l10n.t('Number of images');
    case 'color_palette': return l10n.t('Colour palette');
    case 'image_weight': return l10n.t('Image weight');
    case 'resemblance': return l10n.t('Resemblance');
    case 'detail': return l10n.t('Detail');
    case 'describe_model_version': return l10n.t('Describe model version');
    case 'rendering_speed': return l10n.t('Rendering speed');
    case 'magic_prompt': return l10n.t('Magic prompt');
    case 'style_preset': return l10n.t('Style preset');
    case 'style_codes': return l10n.t('Style codes');
    case 'upscale_factor': return l10n.t('Upscale factor');
  }
}

/** A 3.0 file field's name as messages and forms show it. */
export function fileLabel(field: FileField): string {
  switch (field) {
    case 'image': return l10n.t('Image');
    case 'mask': return l10n.t('Mask');
    case 'style_reference_images': return l10n.t('Style reference images');
    case 'character_reference_images': return l10n.t('Character reference image');
    case 'character_reference_images_mask': return l10n.t('Character reference mask');
  }
}

/** `ASPECT_16_9` (legacy) or `16x9` (Ideogram 3.0) → `{ width: 16, height: 9 }`; undefined for anything else. */
function aspectParts(value: string): { width: number; height: number } | undefined {
  const m = /^ASPECT_(\d+)_(\d+)$/.exec(value) ?? /^(\d{1,2})x(\d{1,2})$/.exec(value);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : undefined;
}

/** The shape of an aspect ratio: square, landscape or portrait ('' for other values). */
export function aspectShape(value: string): string {
  const aspect = aspectParts(value);
  if (!aspect) return '';
  return aspect.width === aspect.height ? l10n.t('square') : aspect.width > aspect.height ? l10n.t('landscape') : l10n.t('portrait');
}

// Words of the API's enums (style types, magic prompt, rendering speeds) as the user reads them.
// Values shared by several enums (AUTO, DEFAULT) read the same in each.
function enumWord(value: string): string | undefined {
  switch (value) {
    case 'AUTO': return l10n.t('Auto');
    case 'ON': return l10n.t('On');
    case 'OFF': return l10n.t('Off');
    case 'GENERAL': return l10n.t('General');
    case 'REALISTIC': return l10n.t('Realistic');
    case 'DESIGN': return l10n.t('Design');
    case 'RENDER_3D': return l10n.t('3D render');
    case 'ANIME': return l10n.t('Anime');
    case 'CUSTOM': return l10n.t('Custom');
    case 'FICTION': return l10n.t('Fiction');
    case 'STYLIZED': return l10n.t('Stylized');
    case 'FLASH': return l10n.t('Flash');
    case 'TURBO': return l10n.t('Turbo');
    case 'BALANCED': return l10n.t('Balanced');
    case 'DEFAULT': return l10n.t('Default');
    case 'QUALITY': return l10n.t('Quality');
    default: return undefined;
  }
}

/**
 * A value as the user reads it: `ASPECT_16_9` and `16x9` → "16:9 (landscape)", `RESOLUTION_1024_768`
 * and `1024x768` → "1024 × 768", `RENDER_3D` → "3D render", `AUTO` → "Auto", a palette preset or
 * an Ideogram 3.0 style preset by its name; model ids and unknown values unchanged.
 */
export function valueLabel(value: string): string {
  const aspect = aspectParts(value);
  if (aspect) return l10n.t('{0}:{1} ({2})', aspect.width, aspect.height, aspectShape(value));
  const resolution = /^RESOLUTION_(\d+)_(\d+)$/.exec(value) ?? /^(\d{3,4})x(\d{3,4})$/.exec(value);
  if (resolution) return `${resolution[1]} × ${resolution[2]}`;
  return enumWord(value) ?? palettePresetName(value) ?? value;
}

/** The colours a palette preset stands for (an impression for swatches, not the vendor's exact values). */
export const PALETTE_SWATCHES: Readonly<Record<(typeof PALETTE_PRESETS)[number], readonly string[]>> = {
  EMBER: ['#F94144', '#F3722C', '#F8961E', '#6A040F'],
  FRESH: ['#E9F5DB', '#B5E48C', '#52B69A', '#1E6091'],
  JUNGLE: ['#1B4332', '#2D6A4F', '#52B788', '#D8F3DC'],
  MAGIC: ['#3C096C', '#7B2CBF', '#C77DFF', '#F72585'],
  MELON: ['#FFB5A7', '#FCD5CE', '#B7E4C7', '#2D6A4F'],
  MOSAIC: ['#264653', '#2A9D8F', '#E9C46A', '#E76F51'],
  PASTEL: ['#FFD6E0', '#FFEFB5', '#C1F0DC', '#C5D5FF'],
  ULTRAMARINE: ['#03045E', '#0077B6', '#00B4D8', '#CAF0F8'],
};

// Palette presets are names (Ember, Fresh…): their English words are also what Ideogram's own app shows.
function palettePresetName(value: string): string | undefined {
  return value in PALETTE_SWATCHES ? stylePresetLabel(value) : undefined;
}

/** A palette preset for a quick pick: "Ember", with its colours' hex values as the description. */
export function palettePresetItem(value: string): { label: string; description: string } {
  return { label: valueLabel(value), description: (PALETTE_SWATCHES[value as keyof typeof PALETTE_SWATCHES] ?? []).join(' ') };
}

/**
 * An Ideogram 3.0 style preset (`80S_ILLUSTRATION`, `COLORING_BOOK_II`, `C4D_CARTOON`) by its name:
 * "80s illustration", "Coloring book II", "C4D cartoon". Preset names are Ideogram's own titles,
 * so they are shown in English in every language (as its app does).
 */
export function stylePresetLabel(value: string): string {
  const words = value.split('_').map((word) => {
    if (/^\d+S$/.test(word)) return word.toLowerCase(); // 80S → 80s
    if (/^(I|II|III)$/.test(word) || /\d/.test(word)) return word; // roman numerals, C4D
    return word.toLowerCase();
  });
  const first = words[0];
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return words.join(' ');
}

/** What a magic prompt choice does. */
export function magicPromptHint(value: string): string | undefined {
  switch (value) {
    case 'AUTO': return l10n.t('Ideogram decides whether to expand the prompt');
    case 'ON': return l10n.t('Always expand the prompt');
    case 'OFF': return l10n.t('Send the prompt as written');
    default: return undefined;
  }
}

/** A model picker's choice as the user reads it: "Ideogram 3.0" for the 3.0 family, a legacy model by its id. */
export function modelLabel(model: string): string {
  return isV3Model(model) ? l10n.t('Ideogram 3.0') : model;
}

/** A model's speed and the fields it refuses, for a model picker ("faster · no negative prompt, colour palette"). */
export function modelHint(model: string): string | undefined {
  if (isV3Model(model)) return l10n.t('newest; the rendering speed sets quality and price');
  const refused = Object.keys(refusals(model)) as RequestField[];
  const parts = [
    model.endsWith('_TURBO') ? l10n.t('faster') : undefined,
    refused.length > 0 ? l10n.t('no {0}', refused.map((field) => fieldLabel(field).toLowerCase()).join(', ')) : undefined,
  ].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}
