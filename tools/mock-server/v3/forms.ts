// Which 3.0 request form a body is in, and the body decoded into the vendor's names. The official
// form is checked against the vendor's schemas (vendorSchema.ts), Crazyrouter's JSON form against
// the rules written from its page (crazyrouterForm.ts). A form switched off answers as a provider
// without it would: 415 for a content type it does not take, 400 for fields it does not know.
import type { ParsedBody, UploadedFile } from '../body';
import { FILE_PART, invalid, type ApiRejection } from '../routes';
import type { V3Form, V3FormSwitches, V3Operation } from '../types';
import { vendorSchemas, type FieldKind } from '../vendorSchema';
import { checkCrazyrouterBody, CRAZYROUTER_OPERATIONS, looksLikeCrazyrouter, toVendorNames } from './crazyrouterForm';
import { v3ProseRuleViolation } from './vendorRules';

/** A 3.0 body the server could read. */
export interface DecodedV3Body {
  form: V3Form;
  /** The fields in the vendor's names: file fields hold FILE_PART (official) or the URL/base64 string (Crazyrouter). */
  body: Record<string, unknown>;
  /** Official multipart: the file parts of each file field, in order. */
  files: Record<string, UploadedFile[]>;
}

/** Where the request came in, for choosing its form and wording the complaints. */
export interface FormContext { op: V3Operation; relay: boolean; path: string; forms: V3FormSwitches }

/** Multipart text parts a 3.0 request log lists in full: list fields and any field sent more than once. */
export function multipartFieldLists(op: V3Operation, body: ParsedBody): Record<string, string[]> | undefined {
  if (body.kind !== 'multipart') return undefined;
  const kinds = vendorSchemas().v3[op].fields;
  const grouped: Record<string, string[]> = {};
  for (const { field, value } of body.textParts) (grouped[field] ??= []).push(value);
  const lists = Object.entries(grouped).filter(([field, values]) => kinds[field] === 'texts' || values.length > 1);
  return lists.length > 0 ? Object.fromEntries(lists) : undefined;
}

/** Reads a 3.0 body in whichever enabled form it is in, or says why it cannot. */
export function readV3Body(parsed: ParsedBody, ctx: FormContext): DecodedV3Body | ApiRejection {
  const route = vendorSchemas().v3[ctx.op];
  const crazyrouter = ctx.relay && ctx.forms['crazyrouter-json'] && CRAZYROUTER_OPERATIONS.includes(ctx.op);
  const officialJson = ctx.forms.official && route.contentTypes.includes('application/json');
  if (parsed.kind === 'empty') return { status: 400, message: `Missing body: ${ctx.path} takes ${accepted(ctx, crazyrouter).join(' or ')}.` };
  if (parsed.kind === 'multipart') {
    if (!ctx.forms.official) return unsupported('multipart/form-data', ctx, crazyrouter);
    return checkOfficial(ctx.op, decodeMultipart(ctx.op, parsed));
  }
  const json = parsed.json;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return invalid('/ must be object');
  const body = json as Record<string, unknown>;
  // A JSON generate body fits both forms; one with a name only Crazyrouter's page uses is read as
  // Crazyrouter's, so that switching that form off gets the vendor's complaint about the name.
  if (crazyrouter && (!officialJson || looksLikeCrazyrouter(body))) {
    const problem = checkCrazyrouterBody(ctx.op, body);
    if (problem) return invalid(problem);
    return { form: 'crazyrouter-json', body: toVendorNames(body), files: {} };
  }
  if (!officialJson) return unsupported('application/json', ctx, crazyrouter);
  const kinds = route.fields;
  const fileField = Object.keys(body).find((field) => kinds[field] === 'file' || kinds[field] === 'files');
  if (fileField) return invalid(`/${fileField} is a file: send it as a part of multipart/form-data (a JSON body cannot carry files)`);
  return checkOfficial(ctx.op, { form: 'official', body: { ...body }, files: {} });
}

function checkOfficial(op: V3Operation, decoded: DecodedV3Body | ApiRejection): DecodedV3Body | ApiRejection {
  if ('status' in decoded) return decoded;
  const problem = vendorSchemas().v3[op].check(decoded.body) ?? v3ProseRuleViolation(decoded.body, op);
  return problem ? invalid(problem) : decoded;
}

/** The content types this route takes with the forms now switched on. */
function accepted(ctx: FormContext, crazyrouter: boolean): string[] {
  const types = ctx.forms.official ? [...vendorSchemas().v3[ctx.op].contentTypes] : [];
  if (crazyrouter && !types.includes('application/json')) types.push('application/json');
  return types;
}

function unsupported(type: string, ctx: FormContext, crazyrouter: boolean): ApiRejection {
  const types = accepted(ctx, crazyrouter);
  const takes = types.length > 0 ? `this endpoint takes ${types.join(' or ')}` : 'this endpoint takes no request form here';
  return { status: 415, message: `Unsupported Content-Type ${type} for ${ctx.path}: ${takes}.` };
}

/**
 * Multipart as the vendor's schema reads it: a text part becomes the schema's type (the server
 * behind it converts form values by type), a JSON part is parsed (color_palette's `encoding` says
 * application/json), list fields collect their repeated parts, and a file part stands in for the
 * `format: binary` string. A single-valued field sent twice is refused rather than guessed at.
 */
function decodeMultipart(op: V3Operation, parsed: Extract<ParsedBody, { kind: 'multipart' }>): DecodedV3Body | ApiRejection {
  const kinds = vendorSchemas().v3[op].fields;
  const body: Record<string, unknown> = {};
  const files: Record<string, UploadedFile[]> = {};
  const once = (field: string): ApiRejection | undefined =>
    field in body ? invalid(`/${field} was sent more than once; the vendor's schema defines a single value`) : undefined;
  for (const { field, value } of parsed.textParts) {
    const kind: FieldKind = kinds[field] ?? 'text';
    if (kind === 'file' || kind === 'files') return invalid(`/${field} must be a file part (format: binary), not text`);
    if (kind === 'texts') {
      ((body[field] ??= []) as string[]).push(value);
      continue;
    }
    const repeated = once(field);
    if (repeated) return repeated;
    const converted = fromText(field, kind, value);
    if ('status' in converted) return converted;
    body[field] = converted.value;
  }
  for (const file of parsed.files) {
    // A part the schema does not define is kept, so the schema check names it.
    const kind: FieldKind = kinds[file.field] ?? 'file';
    if (kind !== 'file' && kind !== 'files') return invalid(`/${file.field} must be a text part, not a file`);
    if (kind === 'file') {
      const repeated = once(file.field);
      if (repeated) return repeated;
      body[file.field] = FILE_PART;
    } else {
      ((body[file.field] ??= []) as string[]).push(FILE_PART);
    }
    (files[file.field] ??= []).push(file);
  }
  return { form: 'official', body, files };
}

/** A text part as the schema's type; text that does not convert stays text, so the schema names the problem. */
function fromText(field: string, kind: FieldKind, text: string): { value: unknown } | ApiRejection {
  if ((kind === 'integer' || kind === 'number') && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return { value: Number(text) };
  if (kind === 'boolean' && (text === 'true' || text === 'false')) return { value: text === 'true' };
  if (kind === 'json') {
    try {
      return { value: JSON.parse(text) as unknown };
    } catch {
      return invalid(`/${field} must be JSON text (the vendor encodes this part as application/json)`);
    }
  }
  return { value: text };
}
