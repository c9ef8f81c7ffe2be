// Rules the vendor states in the prose of its 3.0 schemas (descriptions JSON Schema cannot
// express), each quoted from ideogram-openapi-v3-2026-07-02.yaml or, where marked, from
// ideogram-v3.md. Written from that text, not from the client's rules, so the two can disagree.
import type { V3Operation } from '../types';

/** A 3.0 body after decoding: file fields hold one placeholder string per file part. */
type Body = Record<string, unknown>;

interface ProseRule {
  /** The field the 400 names. */
  field: string;
  /** What is wrong, after the field's name. */
  problem: string;
  /** True when the body breaks the rule on this operation. */
  breaks(body: Body, op: V3Operation): boolean;
  /** What the vendor wrote, quoted in the 400 answer. */
  source: string;
}

const has = (body: Body, field: string): boolean => body[field] !== undefined;
const count = (body: Body, field: string): number => (Array.isArray(body[field]) ? (body[field] as unknown[]).length : 0);

const RULES: readonly ProseRule[] = [
  {
    field: 'resolution',
    problem: 'cannot be combined with aspect_ratio',
    breaks: (body) => has(body, 'resolution') && has(body, 'aspect_ratio'),
    source: 'AspectRatioV3: "Cannot be used in conjunction with resolution."',
  },
  {
    field: 'style_codes',
    problem: 'cannot be combined with style_reference_images or style_type',
    breaks: (body) => count(body, 'style_codes') > 0 && (count(body, 'style_reference_images') > 0 || has(body, 'style_type')),
    source: 'StyleCodes: "Cannot be used in conjunction with style_reference_images or style_type."',
  },
  {
    // Third-party only: ideogram-v3.md §1.3 quotes the v2 spec ("style_preset cannot be combined
    // with style codes or style references") and concludes presets, codes and references exclude
    // each other; the 3.0 schema itself says nothing about style_preset.
    field: 'style_preset',
    problem: 'cannot be combined with style_codes or style_reference_images',
    breaks: (body) => has(body, 'style_preset') && (count(body, 'style_codes') > 0 || count(body, 'style_reference_images') > 0),
    source: 'ideogram-v3.md §1.3, quoting the v2 spec: "style_preset cannot be combined with style codes or style references"',
  },
  {
    field: 'character_reference_images',
    problem: 'must have at most 1 image',
    breaks: (body) => count(body, 'character_reference_images') > 1,
    source: 'character_reference_images: "currently only supports 1 character reference image"',
  },
  {
    field: 'character_reference_images_mask',
    problem: 'must have as many masks as character_reference_images has images',
    breaks: (body) => has(body, 'character_reference_images_mask')
      && count(body, 'character_reference_images_mask') !== count(body, 'character_reference_images'),
    source: 'character_reference_images_mask: "When provided, must match the number of character_reference_images."',
  },
  {
    field: 'rendering_speed',
    problem: 'FLASH is not allowed on generate-transparent',
    breaks: (body, op) => op === 'generate-transparent' && body.rendering_speed === 'FLASH',
    source: '/v1/ideogram-v3/generate-transparent: "`rendering_speed=FLASH` is not supported for transparent-background generation; the request will return a 400."',
  },
  {
    field: 'custom_model_uri',
    problem: 'must look like model/<model_name>/version/<version_name>',
    breaks: (body) => typeof body.custom_model_uri === 'string' && !/^model\/[^/]+\/version\/[^/]+$/.test(body.custom_model_uri),
    source: 'custom_model_uri: "A custom model URI in the format model/<model_name>/version/<version_name>."',
  },
];

/** The first prose rule a 3.0 body breaks, as a message; undefined when it breaks none. */
export function v3ProseRuleViolation(body: Body, op: V3Operation): string | undefined {
  const rule = RULES.find((r) => r.breaks(body, op));
  return rule && `/${rule.field} ${rule.problem}; the vendor's schema says ${rule.source}`;
}

/** "maximum total size 10MB across all style references" / "… across all character references". */
export const MAX_REFERENCE_TOTAL_BYTES = 10 * 1024 * 1024;
