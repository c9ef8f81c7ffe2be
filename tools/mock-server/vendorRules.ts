// Rules the vendor states in the prose of its schemas (descriptions), which JSON Schema cannot
// express: which model takes which field. Each one quotes its source, and is written from that
// text, not from the client's rules, so the two can disagree and a test shows it.

/** The V_1 family, named in the vendor's StyleType and Resolution descriptions. */
export const V1_MODELS: readonly string[] = ['V_1', 'V_1_TURBO'];

interface ProseRule {
  field: string;
  /** True when the rule forbids `field` in this image_request. */
  forbids(req: Record<string, unknown>): boolean;
  /** What the vendor wrote, quoted in the 400 answer. */
  source: string;
}

const modelOf = (req: Record<string, unknown>): string | undefined => (typeof req.model === 'string' ? req.model : undefined);
const has = (req: Record<string, unknown>, field: string): boolean => req[field] !== undefined;

const RULES: readonly ProseRule[] = [
  {
    field: 'style_type',
    forbids: (req) => V1_MODELS.includes(modelOf(req) ?? ''),
    source: 'StyleType: "only applicable for models V_2 and above and should not be specified for model versions V_1"',
  },
  {
    // "2.0" is read as the V_2 generation; V_2A and V_3 are left to the vendor's uncertain wording
    // (reference: "U: which V_2A/V_1 accept it"), so only the clear case, V_1, is refused.
    field: 'resolution',
    forbids: (req) => V1_MODELS.includes(modelOf(req) ?? ''),
    source: 'Resolution: "(For model_version for 2.0 only, cannot be used in conjunction with aspect_ratio)"',
  },
  {
    field: 'resolution',
    forbids: (req) => has(req, 'aspect_ratio'),
    source: 'AspectRatio: "(Cannot be used in conjunction with resolution)"',
  },
  {
    // Read literally: with the model left out the vendor's default (V_2) applies.
    field: 'negative_prompt',
    forbids: (req) => modelOf(req) !== undefined && !['V_1', 'V_1_TURBO', 'V_2', 'V_2_TURBO'].includes(modelOf(req) ?? ''),
    source: 'negative_prompt: "Only available for model versions V_1, V_1_TURBO, V_2 and V_2_TURBO"',
  },
  {
    // The 2025-03 text says "Only available for model version V_2 and V_2_TURBO"; the vendor's later
    // document narrows the exclusion to the V_1 and V_2A families, so V_3 palettes are accepted.
    field: 'color_palette',
    forbids: (req) => [...V1_MODELS, 'V_2A', 'V_2A_TURBO'].includes(modelOf(req) ?? ''),
    source: 'ColorPalette (2026 document): "not supported by V_1, V_1_TURBO, V_2A, V_2A_TURBO"',
  },
];

/** The first prose rule an image_request breaks, as a message; undefined when it breaks none. */
export function proseRuleViolation(req: Record<string, unknown>): string | undefined {
  const rule = RULES.find((r) => has(req, r.field) && r.forbids(req));
  if (!rule) return undefined;
  const model = modelOf(req);
  return `/image_request/${rule.field} is not allowed here${model ? ` (model ${model})` : ''}; the vendor's schema says ${rule.source}.`;
}
