// The shape of the capability table (types only): an API family lists its models, which of them
// refuse which field and why, and its operations with their path, body form and fields. The data
// is in legacy.ts (and, next, the Ideogram 3.0 family beside it); capabilities.ts answers questions.

/** The operations of the image API. */
export type RequestMode = 'generate' | 'remix' | 'upscale' | 'describe';

/** A request field, by its API name (the same name is the key in sidecars, tools and commands). */
export type RequestField =
  | 'prompt' | 'model' | 'aspect_ratio' | 'resolution' | 'style_type' | 'magic_prompt_option' | 'negative_prompt'
  | 'seed' | 'num_images' | 'color_palette' | 'image_weight' | 'resemblance' | 'detail' | 'describe_model_version';

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
}

/** An API family: its models and operations. */
export interface FamilySpec {
  id: 'legacy';
  modelGroups: readonly ModelGroup[];
  operations: Record<RequestMode, OperationSpec>;
}
