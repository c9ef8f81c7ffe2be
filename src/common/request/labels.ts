// What the user reads for request fields and their values, in every UI (palette steps, Studio,
// tool confirmations): the one place that turns `ASPECT_16_9` into "16:9" and says what a model or
// a magic-prompt choice means. API values stay in requests, sidecars and arguments.
// Spelled l10n.t('…') every time: the extractor (npm run l10n:extract) only finds calls written so.
import * as l10n from '@vscode/l10n';
import { refusals, type FileField, type RequestField } from './capabilities';

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

/** `ASPECT_16_9` → `{ width: 16, height: 9 }`; undefined for anything else. */
function aspectParts(value: string): { width: number; height: number } | undefined {
  const m = /^ASPECT_(\d+)_(\d+)$/.exec(value);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : undefined;
}

/** A value as the user reads it: `ASPECT_16_9` → `16:9`, `RESOLUTION_1024_768` → `1024 × 768`; other values unchanged. */
export function valueLabel(value: string): string {
  const aspect = aspectParts(value);
  if (aspect) return `${aspect.width}:${aspect.height}`;
  const resolution = /^RESOLUTION_(\d+)_(\d+)$/.exec(value);
  if (resolution) return `${resolution[1]} × ${resolution[2]}`;
  return value;
}

/** The shape of an aspect ratio: square, landscape or portrait ('' for other values). */
export function aspectShape(value: string): string {
  const aspect = aspectParts(value);
  if (!aspect) return '';
  return aspect.width === aspect.height ? l10n.t('square') : aspect.width > aspect.height ? l10n.t('landscape') : l10n.t('portrait');
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

/** A model's speed and the fields it refuses, for a model picker ("faster · no negative prompt, colour palette"). */
export function modelHint(model: string): string | undefined {
  const refused = Object.keys(refusals(model)) as RequestField[];
  const parts = [
    model.endsWith('_TURBO') ? l10n.t('faster') : undefined,
    refused.length > 0 ? l10n.t('no {0}', refused.map((field) => fieldLabel(field).toLowerCase()).join(', ')) : undefined,
  ].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}
