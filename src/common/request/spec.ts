// The shape of the capability table (types only): an API family lists its models, which of them
// refuse which field and why, and its operations with their path, body form and fields. The data
// is in legacy.ts and v3.ts (Ideogram 3.0) beside it; capabilities.ts answers questions.

/** The API families: Ideogram's legacy routes and the Ideogram 3.0 routes (`/v1/ideogram-v3/…`). */
export type FamilyId = 'legacy' | 'v3';

/** The operations of the legacy image API. */
export type RequestMode = 'generate' | 'remix' | 'upscale' | 'describe';

/** The operations of the Ideogram 3.0 API (inpaint is sent to `/edit` where a provider only has that). */
export type V3Mode = 'generate' | 'remix' | 'inpaint' | 'reframe' | 'replace-background' | 'generate-transparent' | 'remove-background';

/** The 3.0 request forms: the vendor's own (multipart; JSON where it allows) and Crazyrouter's documented JSON. */
export type V3RequestForm = 'official' | 'crazyrouter-json';

/** Files a 3.0 operation may carry besides its text fields (multipart file parts, or URLs/base64 in JSON). */
export type FileField = 'image' | 'mask' | 'style_reference_images' | 'character_reference_images' | 'character_reference_images_mask';

/** A request field, by its API name (the same name is the key in sidecars, tools and commands). */
export type RequestField =
  | 'prompt' | 'model' | 'aspect_ratio' | 'resolution' | 'style_type' | 'magic_prompt_option' | 'negative_prompt'
  | 'seed' | 'num_images' | 'color_palette' | 'image_weight' | 'resemblance' | 'detail' | 'describe_model_version'
  // Ideogram 3.0 only:
  | 'rendering_speed' | 'magic_prompt' | 'style_preset' | 'style_codes' | 'upscale_factor';

/** Fields some models refuse. */
export type ModelRestrictedField = 'negative_prompt' | 'color_palette' | 'style_type' | 'resolution';

/** Why a model refuses a field: the line beside the disabled field, and the validation message. */
export interface Refusal {
  /** Short, for the Studio's "why is this disabled" line. */
  reason(): string;
  /** A sentence that says what to do, for validation issues. */
  message(): string;
}

/** Models that refuse the same fields for the same reasons. */
export interface ModelGroup {
  models: readonly string[];
  refuses: Partial<Record<ModelRestrictedField, Refusal>>;
}

/** One operation of a family: where it is sent, how its body is formed, which fields it takes. */
export interface OperationSpec {
  /** Path below the provider's base URL and prefix. */
  path: string;
  /** `image_request`: the fields are wrapped in that object; `fields`: they are top-level form fields. */
  body: 'image_request' | 'fields';
  /** The form field that carries the input image (operations on an image). */
  image?: string;
  fields: readonly RequestField[];
  /** Fields the request must have (3.0; legacy requirements live in its hand-written schemas). */
  required?: readonly RequestField[];
  /** Files the operation takes (3.0). */
  files?: readonly FileField[];
  /** Files it cannot go without (3.0). */
  requiredFiles?: readonly FileField[];
  /** True when the official API also takes a JSON body (only without files). */
  json?: boolean;
  /** Rendering speeds the operation refuses, with why (3.0: FLASH on generate-transparent). */
  refusedSpeeds?: Readonly<Record<string, Refusal>>;
  /** Other request forms that carry this operation (3.0), with their own path and what they can carry. */
  forms?: Partial<Record<Exclude<V3RequestForm, 'official'>, FormSpec>>;
}

/** What a non-official request form offers for one operation (Crazyrouter's JSON page). */
export interface FormSpec {
  path: string;
  /** Request fields it carries (by their 3.0 names; the encoder renames them). */
  fields: readonly RequestField[];
  /** Files it carries (as a URL or base64). */
  files: readonly FileField[];
  /** Allowed values where the form is narrower than the vendor's enum. */
  values?: Partial<Record<RequestField, readonly string[]>>;
}

/** An API family: its models and operations. */
export interface FamilySpec<M extends string = RequestMode> {
  id: FamilyId;
  modelGroups: readonly ModelGroup[];
  operations: Record<M, OperationSpec>;
}
