// Local checks run before any network call (and live in the Studio as the user types), so a
// request the API would reject costs nothing and the message says how to fix it.
// Messages go through @vscode/l10n (not vscode.l10n: this folder runs without VS Code). The host
// and the Studio webview configure it with the extension's bundle; plain Node keeps English.
import * as l10n from '@vscode/l10n';
import type { z } from 'zod';
import { IdeogramError, type ValidationIssue } from '../errors';
import { operationLabel } from '../operationLabel';
import { refusals, v3FormSpec, type FileField, type ModelRestrictedField, type Refusal, type RequestField, type RequestMode, type V3Mode, type V3RequestForm } from './capabilities';
import { DescribeOptionsSchema, GenerateRequestSchema, RemixRequestSchema, UpscaleRequestSchema } from './schemas';
import { fieldLabel, fileLabel } from './labels';
import { V3, V3_FILE_LIMITS } from './v3';
import { v3RequestSchema } from './v3Schemas';

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

// Rules both families share. They read the raw input so they still report when another field
// failed its own schema check.
function promptRule(req: Record<string, unknown>): ValidationIssue[] {
  return typeof req.prompt === 'string' && req.prompt.trim() === ''
    ? [{ field: 'prompt', message: l10n.t('Prompt is empty; describe the image you want.') }] : [];
}

function sizeRule(req: Record<string, unknown>): ValidationIssue[] {
  return req.aspect_ratio !== undefined && req.resolution !== undefined
    ? [{ field: 'resolution', message: l10n.t('Choose either an aspect ratio or a resolution, not both.') }] : [];
}

// Cross-field rules of ImageRequest (generate and remix), read from the capability table.
function imageRequestRules(req: Record<string, unknown>): ValidationIssue[] {
  const model = typeof req.model === 'string' ? req.model : undefined;
  const refused = (Object.entries(refusals(model)) as [ModelRestrictedField, Refusal][])
    .filter(([field]) => isSet(req[field]))
    .map(([field, why]) => ({ field, message: why.message() }));
  return [...promptRule(req), ...refused, ...sizeRule(req)];
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

/** The byte sizes of the files a 3.0 request carries, by field (one entry per file). */
export type V3FileSizes = Partial<Record<FileField, readonly number[]>>;

const megabytes = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

// Which style inputs exclude each other (the vendor's StyleCodes text; presets per ideogram-v3.md §1.3).
function styleRules(req: Record<string, unknown>, files: V3FileSizes): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const codes = Array.isArray(req.style_codes) && req.style_codes.length > 0;
  const references = (files.style_reference_images?.length ?? 0) > 0;
  if (codes && (references || isSet(req.style_type))) {
    issues.push({ field: 'style_codes', message: l10n.t('Style codes cannot be combined with style reference images or a style type; keep one of them.') });
  }
  if (isSet(req.style_preset) && (codes || references)) {
    issues.push({ field: 'style_preset', message: l10n.t('A style preset cannot be combined with style codes or style reference images; keep one of them.') });
  }
  return issues;
}

// The files of a 3.0 request against the table: which the operation takes and needs, and the limits.
function fileRules(mode: V3Mode, files: V3FileSizes): ValidationIssue[] {
  const spec = V3.operations[mode];
  const issues: ValidationIssue[] = [];
  for (const [field, sizes] of Object.entries(files) as [FileField, readonly number[]][]) {
    if (sizes.length > 0 && !(spec.files ?? []).includes(field)) {
      issues.push({ field, message: l10n.t('The 3.0 {0} operation does not take {1}; remove them.', operationLabel(mode), fileLabel(field)) });
    }
  }
  for (const field of spec.requiredFiles ?? []) {
    if ((files[field]?.length ?? 0) === 0) issues.push({ field, message: field === 'mask' ? l10n.t('Paint a mask: it marks the region to change.') : l10n.t('Choose an image to {0}.', operationLabel(mode)) });
  }
  const characters = files.character_reference_images?.length ?? 0;
  if (characters > V3_FILE_LIMITS.maxCharacterReferences) {
    issues.push({ field: 'character_reference_images', message: l10n.t('Ideogram 3.0 takes at most {0} character reference image.', V3_FILE_LIMITS.maxCharacterReferences) });
  }
  const masks = files.character_reference_images_mask?.length ?? 0;
  if (masks > 0 && masks !== characters) {
    issues.push({ field: 'character_reference_images_mask', message: l10n.t('A character mask needs its character reference image (one mask per reference).') });
  }
  for (const field of ['style_reference_images', 'character_reference_images'] as const) {
    const total = (files[field] ?? []).reduce((sum, size) => sum + size, 0);
    if (total > V3_FILE_LIMITS.maxReferenceBytesPerKind) {
      issues.push({ field, message: field === 'style_reference_images'
        ? l10n.t('The style reference images are {0} MB in total; Ideogram 3.0 takes at most 10 MB.', megabytes(total))
        : l10n.t('The character reference images are {0} MB in total; Ideogram 3.0 takes at most 10 MB.', megabytes(total)) });
    }
  }
  return issues;
}

/**
 * The one check of an Ideogram 3.0 request of `mode` (the vendor's field names) with the sizes of
 * the files it carries: the table's schema, the shared and style rules, refused speeds and the file
 * limits; [] when it can be sent.
 */
export function validateV3(mode: V3Mode, request: unknown, files: V3FileSizes = {}): ValidationIssue[] {
  const rules = (req: Record<string, unknown>): ValidationIssue[] => {
    const refusedSpeed = typeof req.rendering_speed === 'string' ? V3.operations[mode].refusedSpeeds?.[req.rendering_speed] : undefined;
    return [
      ...promptRule(req),
      ...sizeRule(req),
      ...styleRules(req, files),
      ...(refusedSpeed ? [{ field: 'rendering_speed', message: refusedSpeed.message() }] : []),
      ...fileRules(mode, files),
    ];
  };
  return check(v3RequestSchema(mode), request, rules);
}

/** The error for a 3.0 request that fails the local rules (nothing was sent). */
export function invalidV3Request(mode: V3Mode, issues: ValidationIssue[]): IdeogramError {
  return new IdeogramError('invalid-request', l10n.t('The {0} request is not valid: {1}', operationLabel(mode), formatIssues(issues)), { issues });
}

/** Throws invalidV3Request when `request` fails validateV3(); returns it otherwise. */
export function requireValidV3<T>(mode: V3Mode, request: T, files: V3FileSizes = {}): T {
  const issues = validateV3(mode, request, files);
  if (issues.length > 0) throw invalidV3Request(mode, issues);
  return request;
}

/**
 * What a request form cannot carry of a valid 3.0 request: the operation itself, a field, a file
 * (e.g. references in Crazyrouter's JSON) or a value outside the form's list; [] when it can.
 */
export function formProblems(mode: V3Mode, form: V3RequestForm, request: Record<string, unknown>, files: V3FileSizes = {}): ValidationIssue[] {
  const spec = v3FormSpec(mode, form);
  const name = formLabel(form);
  if (!spec) return [{ field: '', message: l10n.t('The {0} request form does not offer the 3.0 {1} operation.', name, operationLabel(mode)) }];
  const issues: ValidationIssue[] = [];
  for (const [field, value] of Object.entries(request)) {
    if (value === undefined) continue;
    if (!spec.fields.includes(field as RequestField)) {
      issues.push({ field, message: l10n.t('The {0} request form cannot carry {1}; clear it or choose the official form.', name, fieldLabel(field as RequestField)) });
      continue;
    }
    const allowed = spec.values?.[field as RequestField];
    if (allowed && typeof value === 'string' && !allowed.includes(value)) {
      issues.push({ field, message: l10n.t('The {0} request form takes {1} only as {2}.', name, fieldLabel(field as RequestField), allowed.join(', ')) });
    }
  }
  for (const [field, sizes] of Object.entries(files) as [FileField, readonly number[]][]) {
    if (sizes.length > 0 && !spec.files.includes(field)) {
      issues.push({ field, message: l10n.t('The {0} request form cannot carry {1}; remove them or choose the official form.', name, fileLabel(field)) });
    }
  }
  return issues;
}

/** A request form's name in messages. */
export function formLabel(form: V3RequestForm): string {
  return form === 'official' ? l10n.t('official Ideogram') : l10n.t('Crazyrouter JSON');
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
