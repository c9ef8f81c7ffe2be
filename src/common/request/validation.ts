// Local checks run before any network call (and live in the Studio as the user types), so a
// request the API would reject costs nothing and the message says how to fix it.
// Messages go through @vscode/l10n (not vscode.l10n: this folder runs without VS Code). The host
// and the Studio webview configure it with the extension's bundle; plain Node keeps English.
import * as l10n from '@vscode/l10n';
import type { z } from 'zod';
import { DescribeOptionsSchema, GenerateRequestSchema, RemixRequestSchema, UpscaleRequestSchema } from './schemas';

/** One problem with a request; `field` is the API field name ('' for the whole request). */
export interface ValidationIssue { field: string; message: string }

/** True for the V_2A family, which takes neither a negative prompt nor a colour palette. */
export function isV2AModel(model: string | undefined): boolean {
  return model !== undefined && /^V_2A(_TURBO)?$/i.test(model);
}

/** True for the V_1 family, which takes neither a style type, a resolution nor a colour palette. */
export function isV1Model(model: string | undefined): boolean {
  return model !== undefined && /^V_1(_TURBO)?$/i.test(model);
}

function fromZod(error: z.ZodError): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      // One issue per unknown key, named by its own path, so the Studio can point at it.
      for (const key of issue.keys) {
        const path = field ? `${field}.${key}` : key;
        issues.push({ field: path, message: l10n.t('"{0}" is not a field of this request; remove it.', path) });
      }
      continue;
    }
    issues.push({ field, message: issue.message });
  }
  return issues;
}

function notAnObject(req: unknown): ValidationIssue[] | undefined {
  if (typeof req === 'object' && req !== null && !Array.isArray(req)) return undefined;
  return [{ field: '', message: l10n.t('The request must be an object of Ideogram API fields (prompt, model, …).') }];
}

const isSet = (value: unknown): boolean => value !== undefined && !(typeof value === 'string' && value.trim() === '');

// Cross-field rules of ImageRequest (generate and remix). They read the raw input so they still
// report when another field failed its own schema check.
function imageRequestRules(req: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const model = typeof req.model === 'string' ? req.model : undefined;
  if (typeof req.prompt === 'string' && req.prompt.trim() === '') {
    issues.push({ field: 'prompt', message: l10n.t('Prompt is empty; describe the image you want.') });
  }
  if (isV2AModel(model) && isSet(req.negative_prompt)) {
    issues.push({ field: 'negative_prompt', message: l10n.t('Negative prompt is not supported by V_2A models; choose V_2 or V_1, or clear it.') });
  }
  if (isV2AModel(model) && req.color_palette !== undefined) {
    issues.push({ field: 'color_palette', message: l10n.t('Colour palette is not supported by V_2A models; choose V_2 or V_2_TURBO, or clear it.') });
  }
  if (isV1Model(model) && req.color_palette !== undefined) {
    issues.push({ field: 'color_palette', message: l10n.t('Colour palette is not supported by V_1 models; choose V_2 or V_2_TURBO, or clear it.') });
  }
  if (isV1Model(model) && req.style_type !== undefined) {
    issues.push({ field: 'style_type', message: l10n.t('Style type is not supported by V_1 models; choose V_2 or newer, or clear it.') });
  }
  // Ideogram's Resolution schema: "For model_version for 2.0 only".
  if (isV1Model(model) && req.resolution !== undefined) {
    issues.push({ field: 'resolution', message: l10n.t('Resolution is not supported by V_1 models; choose V_2 or newer, or use an aspect ratio.') });
  }
  if (req.aspect_ratio !== undefined && req.resolution !== undefined) {
    issues.push({ field: 'resolution', message: l10n.t('Choose either an aspect ratio or a resolution, not both.') });
  }
  return issues;
}

function check(schema: z.ZodType, req: unknown, rules?: (r: Record<string, unknown>) => ValidationIssue[]): ValidationIssue[] {
  const shape = notAnObject(req);
  if (shape) return shape;
  const parsed = schema.safeParse(req);
  const issues = parsed.success ? [] : fromZod(parsed.error);
  if (rules) issues.push(...rules(req as Record<string, unknown>));
  return issues;
}

/** Checks a `/generate` image_request: schema plus cross-field rules; [] when it can be sent. */
export function checkGenerateRequest(req: unknown): ValidationIssue[] {
  return check(GenerateRequestSchema, req, imageRequestRules);
}

/** Checks a `/remix` image_request (generate rules plus image_weight 1..100). */
export function checkRemixRequest(req: unknown): ValidationIssue[] {
  return check(RemixRequestSchema, req, imageRequestRules);
}

/** Checks an `/upscale` image_request (resemblance/detail 1..100, seed, num_images). */
export function checkUpscaleRequest(req: unknown): ValidationIssue[] {
  return check(UpscaleRequestSchema, req);
}

/** Checks the optional `/describe` fields (describe_model_version). */
export function checkDescribeOptions(options: unknown): ValidationIssue[] {
  return check(DescribeOptionsSchema, options ?? {});
}

/** Joins issues into one sentence list for an error message. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => i.message).join(' ');
}
