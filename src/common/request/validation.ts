// Local checks run before any network call (and live in the Studio as the user types), so a
// request the API would reject costs nothing and the message says how to fix it.
// Messages go through @vscode/l10n (not vscode.l10n: this folder runs without VS Code). The host
// and the Studio webview configure it with the extension's bundle; plain Node keeps English.
import * as l10n from '@vscode/l10n';
import type { z } from 'zod';
import { IdeogramError, type ValidationIssue } from '../errors';
import { operationLabel } from '../operationLabel';
import { refusals, type ModelRestrictedField, type Refusal, type RequestField, type RequestMode } from './capabilities';
import { DescribeOptionsSchema, GenerateRequestSchema, RemixRequestSchema, UpscaleRequestSchema } from './schemas';

export type { ValidationIssue } from '../errors';

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

// Cross-field rules of ImageRequest (generate and remix), read from the capability table. They read
// the raw input so they still report when another field failed its own schema check.
function imageRequestRules(req: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const model = typeof req.model === 'string' ? req.model : undefined;
  if (typeof req.prompt === 'string' && req.prompt.trim() === '') {
    issues.push({ field: 'prompt', message: l10n.t('Prompt is empty; describe the image you want.') });
  }
  for (const [field, why] of Object.entries(refusals(model)) as [ModelRestrictedField, Refusal][]) {
    if (isSet(req[field])) issues.push({ field, message: why.message() });
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

/**
 * The one check of a request of `mode` (API field names): its schema plus the capability table's
 * cross-field rules; [] when it can be sent. Run where the user typed it and in the client.
 */
export function validate(mode: RequestMode, request: unknown): ValidationIssue[] {
  switch (mode) {
    case 'generate': return checkGenerateRequest(request);
    case 'remix': return checkRemixRequest(request);
    case 'upscale': return checkUpscaleRequest(request);
    case 'describe': return checkDescribeOptions(request);
  }
}

/** Joins issues into one sentence list for an error message. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => i.message).join(' ');
}

/** The error for a request that fails the local rules (nothing was sent). */
export function invalidRequest(op: RequestMode, issues: ValidationIssue[]): IdeogramError {
  return new IdeogramError('invalid-request', l10n.t('The {0} request is not valid: {1}', operationLabel(op), formatIssues(issues)), { issues });
}

/** Throws invalidRequest when `request` fails validate(); returns it otherwise. */
export function requireValid<T>(mode: RequestMode, request: T): T {
  const issues = validate(mode, request);
  if (issues.length > 0) throw invalidRequest(mode, issues);
  return request;
}

/**
 * What the rules say about one field typed on its own (a palette step): `others` are the rest of
 * the request the field is checked with; undefined when the field is fine.
 */
export function fieldProblem(mode: RequestMode, field: RequestField, value: unknown, others: Record<string, unknown> = {}): string | undefined {
  const issues = validate(mode, { ...others, [field]: value });
  return issues.find((issue) => issue.field === field || issue.field.startsWith(`${field}.`))?.message;
}
