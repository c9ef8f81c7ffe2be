// Requests are checked against Ideogram's own published OpenAPI documents (copies in ./schemas),
// never against the client's rules: a server that agrees with the client by construction cannot
// catch a client rule bug. The documents are parsed and compiled once per process, at server start.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2019, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2019';
import { parse as parseYaml } from 'yaml';
import type { Operation } from './types';

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

interface OpenApiDocument {
  paths: Record<string, { post?: { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } } }>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

/** What the vendor says about one route's request body. */
export interface RouteSchema {
  /** Content types of the request body the vendor defines (e.g. only multipart/form-data for /remix). */
  contentTypes: string[];
  /** Checks a decoded body; undefined when it is valid, else the ajv message. */
  check(body: Record<string, unknown>): string | undefined;
}

interface VendorSchemas {
  routes: Record<Operation, RouteSchema>;
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
  return { routes, maxSeed: seed.maximum };
}

/** ajv's first error as one line, with the offending field and, for enums, the allowed values. */
function describeErrors(validate: ValidateFunction): string {
  const error = (validate.errors ?? [])[0] as ErrorObject | undefined;
  if (!error) return 'the request does not match the schema';
  const where = error.instancePath || '/';
  const params = error.params as { unevaluatedProperty?: string; allowedValues?: unknown[]; missingProperty?: string };
  const detail = params.unevaluatedProperty !== undefined ? `: "${params.unevaluatedProperty}"`
    : params.allowedValues ? `: ${params.allowedValues.join(', ')}` : '';
  return `${where} ${error.message ?? 'is invalid'}${detail}`;
}
