// The language model tools' inputs: their JSON schemas, built from the capability table (also
// declared in package.json, a unit test keeps the two equal), and checking what a model sent
// before anything costs money. Pure: no vscode.
import { ASPECT_RATIOS, DESCRIBE_MODEL_VERSIONS, MAGIC_PROMPT_OPTIONS, MODELS, RANGES, STYLE_TYPES } from '../common/request/legacy';
import { isV3Model, refusal, type ModelRestrictedField } from '../common/request/capabilities';
import { resolve, resolveV3, v3DraftFromLegacy, type GenerationDefaults } from '../common/request/resolve';
import type { GenerateRequest } from '../common/request/schemas';
import { RENDERING_SPEEDS, STYLE_PRESETS, V3, V3_MODEL } from '../common/request/v3';
import type { V3Request } from '../common/request/v3Schemas';
import { checkDescribeOptions, validate, validateV3, type ValidationIssue } from '../common/request/validation';
import { workspaceRelativeSegments } from '../common/workspacePath';

/** Registered name of the generate tool. */
export const GENERATE_TOOL_NAME = 'ideogram_generateImage';
/** Registered name of the describe tool. */
export const DESCRIBE_TOOL_NAME = 'ideogram_describeImage';

// "V_2A, V_2A_TURBO and V_3": the models the capability table says refuse a field.
function modelsRefusing(field: ModelRestrictedField): string {
  const models = MODELS.filter((model) => refusal(model, field));
  return models.length > 1 ? `${models.slice(0, -1).join(', ')} and ${models[models.length - 1]}` : models.join('');
}

/** JSON schema of the generate tool's input: a subset of the API's ImageRequest, with its field names. */
export const GENERATE_TOOL_INPUT_SCHEMA = {
  type: 'object',
  properties: {
    prompt: { type: 'string', description: 'What the image should show. Be concrete: subject, setting, style, colours, any text to render.' },
    model: { type: 'string', enum: [...MODELS, V3_MODEL], description: `Ideogram model. ${V3_MODEL} is Ideogram 3.0 (the newest, best quality; takes rendering_speed, style_preset and transparent). Omit to use the user's default.` },
    aspect_ratio: { type: 'string', enum: [...ASPECT_RATIOS], description: "Aspect ratio. Omit to use the user's default." },
    style_type: { type: 'string', enum: [...STYLE_TYPES], description: `Style. Not supported by ${modelsRefusing('style_type')}.` },
    magic_prompt_option: { type: 'string', enum: [...MAGIC_PROMPT_OPTIONS], description: 'Whether Ideogram may rewrite the prompt to improve it.' },
    negative_prompt: { type: 'string', description: `What the image should not contain. Not supported by ${modelsRefusing('negative_prompt')}.` },
    num_images: { type: 'integer', minimum: RANGES.num_images.min, maximum: RANGES.num_images.max, description: `How many images to make (each one is billed). Default ${RANGES.num_images.default}.` },
    seed: { type: 'integer', minimum: RANGES.seed.min, maximum: RANGES.seed.max, description: 'Random seed, to reproduce an earlier image.' },
    rendering_speed: { type: 'string', enum: [...RENDERING_SPEEDS], description: 'Ideogram 3.0 only: faster is cheaper, QUALITY is best. Default DEFAULT.' },
    style_preset: { type: 'string', enum: [...STYLE_PRESETS], description: 'Ideogram 3.0 only: a named art style (e.g. WATERCOLOR, FLAT_VECTOR).' },
    transparent: { type: 'boolean', description: `Ideogram 3.0 only: a PNG with a transparent background, for icons, sprites and logos (not at ${Object.keys(V3.operations['generate-transparent'].refusedSpeeds ?? {}).join(', ')} speed; no style_type or style_preset).` },
  },
  required: ['prompt'],
  additionalProperties: false,
} as const;

/** JSON schema of the describe tool's input. */
export const DESCRIBE_TOOL_INPUT_SCHEMA = {
  type: 'object',
  properties: {
    path: { type: 'string', description: 'Workspace-relative path of a PNG, JPEG or WebP image, e.g. assets/hero.png.' },
    describe_model_version: { type: 'string', enum: [...DESCRIBE_MODEL_VERSIONS], description: 'Describe model version. Omit for the default.' },
  },
  required: ['path'],
  additionalProperties: false,
} as const;

/** The user's generation defaults (from settings) that fill fields the model left out. */
export type GenerateDefaults = GenerationDefaults;

/** A checked request, or the problems to report back to the model. */
export type Checked<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** Fills the user's defaults into a generate tool input and checks it: the same resolve and validate as the commands and the Studio. */
export function buildGenerateRequest(input: unknown, defaults: GenerateDefaults): Checked<GenerateRequest> {
  // Not an object: validate says so (resolve needs one). Defaults come from settings the user may
  // have mistyped, so the resolved request is what is checked.
  const request = typeof input === 'object' && input !== null && !Array.isArray(input) ? resolve('generate', input as Record<string, unknown>, defaults) : input;
  const issues = validate('generate', request);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: request as GenerateRequest };
}

/** Fields only the Ideogram 3.0 family takes: any of them sends the request to the 3.0 routes. */
const V3_ONLY_FIELDS = ['rendering_speed', 'style_preset', 'transparent'] as const;

/** A checked generate tool request: the legacy route, or Ideogram 3.0's generate (or generate-transparent). */
export type GenerateToolRequest =
  | { family: 'legacy'; request: GenerateRequest }
  | { family: 'v3'; mode: 'generate' | 'generate-transparent'; request: V3Request };

/**
 * Checks a generate tool input for the family it asks for: `model: 'V_3_API'` or a 3.0-only field
 * means Ideogram 3.0 (`transparent: true` → generate-transparent), filled with the user's defaults
 * through resolveV3; anything else is the legacy request of buildGenerateRequest.
 */
export function buildGenerateToolRequest(input: unknown, defaults: GenerateDefaults): Checked<GenerateToolRequest> {
  const fields = typeof input === 'object' && input !== null && !Array.isArray(input) ? input as Record<string, unknown> : undefined;
  if (!fields || !(isV3Model(fields.model as string | undefined) || V3_ONLY_FIELDS.some((field) => fields[field] !== undefined))) {
    const legacy = buildGenerateRequest(input, defaults);
    return legacy.ok ? { ok: true, value: { family: 'legacy', request: legacy.value } } : legacy;
  }
  const { transparent, ...rest } = fields;
  const issues: ValidationIssue[] = [];
  if (rest.model !== undefined && !isV3Model(rest.model as string)) {
    issues.push({ field: 'model', message: `rendering_speed, style_preset and transparent are Ideogram 3.0 fields: use model ${V3_MODEL} or leave them out.` });
  }
  if (transparent !== undefined && typeof transparent !== 'boolean') issues.push({ field: 'transparent', message: 'transparent must be true or false.' });
  const mode = transparent === true ? 'generate-transparent' : 'generate';
  const request = resolveV3(mode, v3DraftFromLegacy(rest), defaults);
  issues.push(...validateV3(mode, request));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { family: 'v3', mode, request } };
}

/** What the describe tool was asked for. */
export interface DescribeToolInput {
  /** Path segments relative to a workspace folder (no `.`/`..`, never absolute). */
  segments: string[];
  describe_model_version?: string;
}

const IMAGE_FILE = /\.(png|jpe?g|webp)$/i;

/** Checks a describe tool input: a workspace-relative image path that cannot climb out of the workspace. */
export function parseDescribeInput(input: unknown): Checked<DescribeToolInput> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, issues: [{ field: '', message: 'The input must be an object with a "path" field.' }] };
  }
  const { path, describe_model_version, ...rest } = input as Record<string, unknown>;
  const issues: ValidationIssue[] = Object.keys(rest).map((key) => ({ field: key, message: `"${key}" is not a field of this tool; remove it.` }));
  issues.push(...checkDescribeOptions(describe_model_version === undefined ? {} : { describe_model_version }));
  let segments: string[] = [];
  if (typeof path !== 'string' || path.trim() === '') {
    issues.push({ field: 'path', message: 'path is required: the workspace-relative path of an image, e.g. assets/hero.png.' });
  } else {
    const parsed = workspaceRelativeSegments(path);
    if (!parsed?.length) issues.push({ field: 'path', message: 'path must be relative to the workspace folder (not absolute, no "..").' });
    else if (!IMAGE_FILE.test(path.trim())) issues.push({ field: 'path', message: 'path must name a .png, .jpg, .jpeg or .webp file.' });
    else segments = parsed;
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { segments, ...(typeof describe_model_version === 'string' ? { describe_model_version } : {}) } };
}

/** The error text a tool returns for invalid input: what is wrong, field by field, so the model can fix its call. */
// English on purpose (for the model, not shown as UI); the issues themselves are in the UI language.
export function invalidInputText(issues: readonly ValidationIssue[]): string {
  return `Invalid input, nothing was sent to Ideogram:\n${issues.map((issue) => `- ${issue.field || 'input'}: ${issue.message}`).join('\n')}`;
}
