// zod schemas of the Ideogram 3.0 requests, derived from the capability table (v3.ts): each
// operation's schema is the table's field list, each field checked by the one schema below (the
// shared ones — seed, count, palette, magic prompt — are the legacy family's, the same rule).
import * as l10n from '@vscode/l10n';
import * as z from 'zod';
import { ColorPaletteSchema, ImageWeightSchema, MagicPromptSchema, NegativePromptSchema, NumImagesSchema, PromptSchema, SeedSchema } from './schemas';
import type { RequestField, V3Mode } from './spec';
import { RENDERING_SPEEDS, STYLE_CODE_PATTERN, STYLE_PRESETS, UPSCALE_FACTORS, V3, V3_ASPECT_RATIOS, V3_RESOLUTIONS, V3_STYLE_TYPES } from './v3';

const listOf = (values: readonly string[]): string => values.join(', ');

/** The one schema of each 3.0 field (by its API name). */
const FIELD_SCHEMAS: Partial<Record<RequestField, z.ZodType>> = {
  prompt: PromptSchema,
  seed: SeedSchema,
  num_images: NumImagesSchema,
  magic_prompt: MagicPromptSchema,
  color_palette: ColorPaletteSchema,
  negative_prompt: NegativePromptSchema,
  aspect_ratio: z.enum(V3_ASPECT_RATIOS, { error: () => l10n.t('Aspect ratio must be one of {0}.', listOf(V3_ASPECT_RATIOS)) }),
  resolution: z.enum(V3_RESOLUTIONS, { error: () => l10n.t('Resolution must be one of the 3.0 sizes written <width>x<height>, e.g. 1024x1024.') }),
  rendering_speed: z.enum(RENDERING_SPEEDS, { error: () => l10n.t('Rendering speed must be one of {0}.', listOf(RENDERING_SPEEDS)) }),
  style_type: z.enum(V3_STYLE_TYPES, { error: () => l10n.t('Style type must be one of {0}.', listOf(V3_STYLE_TYPES)) }),
  style_preset: z.enum(STYLE_PRESETS, { error: () => l10n.t('Style preset must be one of the 62 Ideogram 3.0 presets, e.g. WATERCOLOR.') }),
  style_codes: z.array(
    z.string({ error: () => l10n.t('A style code is 8 hexadecimal digits, e.g. 1a2b3c4d.') })
      .regex(STYLE_CODE_PATTERN, { error: () => l10n.t('A style code is 8 hexadecimal digits, e.g. 1a2b3c4d.') }),
    { error: () => l10n.t('Style codes must be a list.') },
  ),
  upscale_factor: z.enum(UPSCALE_FACTORS, { error: () => l10n.t('Upscale factor must be one of {0}.', listOf(UPSCALE_FACTORS)) }),
  image_weight: ImageWeightSchema,
};

function fieldSchema(field: RequestField): z.ZodType {
  const schema = FIELD_SCHEMAS[field];
  // A field listed in v3.ts without a schema here is a table bug; a unit test walks every operation.
  if (!schema) throw new Error(`No 3.0 schema for field ${field}`);
  return schema;
}

const cache = new Map<V3Mode, z.ZodType>();

/** The schema of a 3.0 request of `mode`: exactly the table's fields, its required ones required. */
export function v3RequestSchema(mode: V3Mode): z.ZodType {
  let schema = cache.get(mode);
  if (!schema) {
    const spec = V3.operations[mode];
    const required = spec.required ?? [];
    schema = z.strictObject(Object.fromEntries(spec.fields.map((field) => {
      const one = fieldSchema(field);
      return [field, required.includes(field) ? one : one.optional()];
    })));
    cache.set(mode, schema);
  }
  return schema;
}

/** The text fields of any 3.0 request (files travel beside them). */
export interface V3Request {
  prompt?: string;
  seed?: number;
  num_images?: number;
  magic_prompt?: string;
  color_palette?: { name?: string; members?: { color_hex: string; color_weight?: number }[] };
  negative_prompt?: string;
  aspect_ratio?: string;
  resolution?: string;
  rendering_speed?: string;
  style_type?: string;
  style_preset?: string;
  style_codes?: string[];
  upscale_factor?: string;
  image_weight?: number;
}
