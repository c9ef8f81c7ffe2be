// Requests are checked against Ideogram's own published OpenAPI documents (copies in ./schemas),
// never against the client's rules: a server that agrees with the client by construction cannot
// catch a client rule bug. The documents are parsed and compiled once per process, at server start.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2019, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2019';
import { parse as parseYaml } from 'yaml';
import { V3_OPERATIONS, type Operation, type V3Operation } from './types';
import { v3Path } from './v3/paths';

/** The two vendor documents, by file name in ./schemas (see schemas/README.md for their provenance). */
const DOCUMENTS = {
  legacy: 'ideogram-openapi-2025-03-13.yaml',
  v3: 'ideogram-openapi-v3-2026-07-02.yaml',
} as const;

/**
 * Which document defines each route. /generate and /remix come from the V_2-era document they
 * were written against; /upscale and /describe from the newer one, which adds describe_model_version.
 */
const ROUTE_DOCUMENT: Record<Operation, keyof typeof DOCUMENTS> = {
  generate: 'legacy', remix: 'legacy', upscale: 'v3', describe: 'v3',
};

interface MediaType { schema?: { $ref?: string }; encoding?: Record<string, { contentType?: string }> }
interface Operation200 { content?: Record<string, { schema?: { $ref?: string } }> }
interface OpenApiDocument {
  paths: Record<string, { post?: { requestBody?: { content?: Record<string, MediaType> }; responses?: Record<string, Operation200> } }>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

/** What the vendor says about one route's request body. */
export interface RouteSchema {
  /** Content types of the request body the vendor defines (e.g. only multipart/form-data for /remix). */
  contentTypes: string[];
  /** Checks a decoded body; undefined when it is valid, else the ajv message. */
  check(body: Record<string, unknown>): string | undefined;
}

/**
 * How a 3.0 field travels in a multipart body, read from the vendor's schema: a text part that is
 * a string, a number or a boolean; a JSON part (the `encoding` says application/json); a file part;
 * or a list sent as repeated parts of the same name (of text or of files).
 */
export type FieldKind = 'text' | 'integer' | 'number' | 'boolean' | 'json' | 'file' | 'files' | 'texts';

/** What the vendor says about one 3.0 route's request body. */
export interface V3RouteSchema extends RouteSchema {
  /** Every field the body may carry, and how it travels in multipart. */
  fields: Record<string, FieldKind>;
  /** Checks an answer against the vendor's 200 response schema (for tests of this server's answers). */
  checkResponse(body: unknown): string | undefined;
}

interface VendorSchemas {
  routes: Record<Operation, RouteSchema>;
  /** The 3.0 routes and /v1/remove-background, from the 2026-07-02 document. */
  v3: Record<V3Operation, V3RouteSchema>;
  /** The vendor's 3.0 enums that decide image sizes: AspectRatioV3 (`16x9`) and ResolutionV3 (`1024x1024`). */
  v3Enums: { aspectRatios: readonly string[]; resolutions: readonly string[] };
  /** Largest seed the vendor's Seed schema allows. */
  maxSeed: number;
}

let compiled: VendorSchemas | undefined;

/** The vendor's schemas, parsed and compiled on first use (startMockServer does it before listening). */
export function vendorSchemas(): VendorSchemas {
  compiled ??= compile();
  return compiled;
}

function load(name: string): OpenApiDocument {
  return parseYaml(readFileSync(path.join(__dirname, 'schemas', name), 'utf8')) as OpenApiDocument;
}

function compile(): VendorSchemas {
  // strictSchema off: OpenAPI adds annotation keywords (example, externalDocs, x-…) that JSON Schema
  // does not define. 'binary' is OpenAPI's format for a file part: any string (see decodeForSchema).
  const ajv = new Ajv2019({ strictSchema: false, allErrors: false });
  ajv.addFormat('binary', true);
  // Formats of the 3.0 response schemas, for checking this server's own answers.
  ajv.addFormat('date-time', (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value));
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  const docs = { legacy: load(DOCUMENTS.legacy), v3: load(DOCUMENTS.v3) };
  for (const [id, doc] of Object.entries(docs)) ajv.addSchema({ $id: id, components: doc.components });

  const routes = {} as Record<Operation, RouteSchema>;
  for (const op of Object.keys(ROUTE_DOCUMENT) as Operation[]) {
    const id = ROUTE_DOCUMENT[op];
    const content = docs[id].paths[`/${op}`]?.post?.requestBody?.content ?? {};
    const ref = Object.values(content)[0]?.schema?.$ref;
    if (!ref) throw new Error(`The vendor document ${DOCUMENTS[id]} defines no request body for /${op}.`);
    const bodySchema = docs[id].components.schemas[ref.replace('#/components/schemas/', '')];
    const nestedRef = (bodySchema.properties as Record<string, { $ref?: string }> | undefined)?.image_request?.$ref;
    // Deliberately stricter than the vendor in one way: a field the schema does not define is refused
    // (the real API ignores it silently), so a misspelt or misplaced field fails a test instead of
    // quietly doing nothing. unevaluatedProperties sees through the allOf of InitialImageRequest.
    const validate = ajv.compile({
      type: 'object',
      $ref: `${id}${ref}`,
      unevaluatedProperties: false,
      ...(nestedRef ? { properties: { image_request: { type: 'object', $ref: `${id}${nestedRef}`, unevaluatedProperties: false } } } : {}),
    });
    routes[op] = { contentTypes: Object.keys(content), check: (body) => (validate(body) ? undefined : describeErrors(validate)) };
  }
  const seed = docs.legacy.components.schemas.Seed as { maximum: number };
  const v3Schemas = docs.v3.components.schemas;
  const enumOf = (name: string): readonly string[] => (v3Schemas[name] as { enum: string[] }).enum;
  return {
    routes,
    v3: compileV3(ajv, docs.v3),
    v3Enums: { aspectRatios: enumOf('AspectRatioV3'), resolutions: enumOf('ResolutionV3') },
    maxSeed: seed.maximum,
  };
}

function compileV3(ajv: Ajv2019, doc: OpenApiDocument): Record<V3Operation, V3RouteSchema> {
  const routes = {} as Record<V3Operation, V3RouteSchema>;
  for (const op of V3_OPERATIONS) {
    const post = doc.paths[v3Path(op)]?.post;
    const content = post?.requestBody?.content ?? {};
    const ref = Object.values(content)[0]?.schema?.$ref;
    const responseRef = post?.responses?.['200']?.content?.['application/json']?.schema?.$ref;
    if (!ref || !responseRef) throw new Error(`The vendor's 3.0 document defines no request or response body for ${v3Path(op)}.`);
    const name = ref.replace('#/components/schemas/', '');
    // The same deliberate strictness as the legacy routes: an undefined field is refused, not ignored.
    const validate = ajv.compile({ type: 'object', $ref: `v3${ref}`, unevaluatedProperties: false });
    const validateResponse = ajv.compile({ $ref: `v3${responseRef}` });
    routes[op] = {
      contentTypes: Object.keys(content),
      fields: fieldKinds(doc, name, content['multipart/form-data']?.encoding ?? {}),
      check: (body) => (validate(body) ? undefined : describeErrors(validate)),
      checkResponse: (body) => (validateResponse(body) ? undefined : describeErrors(validateResponse)),
    };
  }
  return routes;
}

/** How each field of a request schema travels in multipart, from its type, format and encoding. */
function fieldKinds(doc: OpenApiDocument, schemaName: string, encoding: Record<string, { contentType?: string }>): Record<string, FieldKind> {
  type Property = { $ref?: string; type?: string; format?: string; oneOf?: unknown; items?: Property };
  const resolve = (p: Property): Property => (p.$ref ? doc.components.schemas[p.$ref.replace('#/components/schemas/', '')] as Property : p);
  const properties = (doc.components.schemas[schemaName].properties ?? {}) as Record<string, Property>;
  const kinds: Record<string, FieldKind> = {};
  for (const [field, raw] of Object.entries(properties)) {
    const p = resolve(raw);
    if (encoding[field]?.contentType === 'application/json' || p.oneOf || p.type === 'object') kinds[field] = 'json';
    else if (p.type === 'array') kinds[field] = resolve(p.items ?? {}).format === 'binary' ? 'files' : 'texts';
    else if (p.format === 'binary') kinds[field] = 'file';
    else if (p.type === 'integer' || p.type === 'number' || p.type === 'boolean') kinds[field] = p.type;
    else kinds[field] = 'text';
  }
  return kinds;
}

/** ajv's first error as one line, with the offending field and, for enums, the allowed values. */
export function describeErrors(validate: ValidateFunction): string {
  const error = (validate.errors ?? [])[0] as ErrorObject | undefined;
  if (!error) return 'the request does not match the schema';
  const where = error.instancePath || '/';
  const params = error.params as { unevaluatedProperty?: string; allowedValues?: unknown[]; missingProperty?: string };
  const detail = params.unevaluatedProperty !== undefined ? `: "${params.unevaluatedProperty}"`
    : params.allowedValues ? `: ${params.allowedValues.join(', ')}` : '';
  return `${where} ${error.message ?? 'is invalid'}${detail}`;
}
