// The JSON file written beside every saved image. It is the history: the Studio lists it, and
// "generate again" re-sends `parameters`. Pure (no vscode) so its shape is unit-tested.
// Namespace import: unlike `{ z }`, it lets esbuild drop unused zod parts (all locales: ~260 KB) from the host bundle.
import * as z from 'zod';

/** Operations that produce image files (legacy, then Ideogram 3.0's). */
export const IMAGE_OPERATIONS = ['generate', 'remix', 'upscale', 'inpaint', 'reframe', 'replace-background', 'generate-transparent', 'remove-background'] as const;

/** An operation that produces image files. */
export type ImageOperation = typeof IMAGE_OPERATIONS[number];

/** What a sidecar records about an Ideogram 3.0 request besides its fields: where it went and its files. */
export interface V3SidecarFacts {
  /** The path the request was sent to, below the base URL and prefix (`v1/ideogram-v3/reframe`). */
  endpoint: string;
  /** The request form that carried it. */
  form: 'official' | 'crazyrouter-json';
  /** Workspace-relative paths ('/') of the files it carried, by the vendor's field names. */
  files: Partial<Record<'mask' | 'style_reference_images' | 'character_reference_images' | 'character_reference_images_mask', string[]>>;
}

/** Version of the sidecar layout, so later versions can read older files. */
export const SIDECAR_SCHEMA_VERSION = 1;

/** Sidecar content as written (and read back, leniently, by the history). */
export const SidecarSchema = z.looseObject({
  schema: z.number().int().optional(),
  operation: z.enum(IMAGE_OPERATIONS),
  /** `v3` for Ideogram 3.0 requests; absent (legacy) in older sidecars. */
  api_family: z.enum(['legacy', 'v3']).optional(),
  /** 3.0: the path the request was sent to and the form that carried it. */
  endpoint: z.string().optional(),
  request_form: z.string().optional(),
  /** 3.0: workspace-relative paths of the mask and the reference images. */
  mask: z.string().optional(),
  style_reference_images: z.array(z.string()).optional(),
  character_reference_images: z.array(z.string()).optional(),
  character_reference_images_mask: z.array(z.string()).optional(),
  /** Prompt as sent (upscale may have none: ''). */
  prompt: z.string(),
  /** Prompt the API says it used (differs when magic prompt rewrote it). */
  returned_prompt: z.string().optional(),
  negative_prompt: z.string().optional(),
  model: z.string().optional(),
  /** The whole request as sent, API field names; enough to send it again. */
  parameters: z.record(z.string(), z.unknown()),
  seed: z.number().optional(),
  resolution: z.string().optional(),
  upscaled_resolution: z.string().optional(),
  style_type: z.string().optional(),
  is_image_safe: z.boolean(),
  /** Input image of remix/upscale, workspace-relative with '/'. */
  source_image: z.string().optional(),
  provider: z.string(),
  /** When the API answered (ISO 8601). */
  created_at: z.string(),
  /** `created` as the API returned it, kept verbatim. */
  api_created: z.union([z.string(), z.number()]).optional(),
  extension_version: z.string(),
  /** Image file name, in the same folder as the sidecar. */
  file: z.string(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  mime: z.string().optional(),
  bytes: z.number().int().optional(),
  /** A placeholder for a missing image (issue 15): the references it filled, how its prompt and size were derived, and the generated original's size. */
  placeholder: z.looseObject({
    /** Each reference: its document (workspace-relative, '/') and the path as written there. */
    references: z.array(z.object({ document: z.string(), src: z.string() })),
    prompt_source: z.string(),
    size: z.object({ width: z.number().int(), height: z.number().int(), source: z.string() }),
    original: z.object({ width: z.number().int(), height: z.number().int() }),
  }).optional(),
});

/** One sidecar. */
export type Sidecar = z.infer<typeof SidecarSchema>;

/** What the image service knows about one saved image when it writes the sidecar. */
export interface SidecarInput {
  operation: ImageOperation;
  request: Record<string, unknown>;
  image: { prompt?: string; seed?: number; resolution?: string; upscaled_resolution?: string; style_type?: string; is_image_safe: boolean };
  apiCreated?: string | number;
  sourceImage?: string;
  provider: string;
  extensionVersion: string;
  file: string;
  now: Date;
  size?: { width: number; height: number };
  mime?: string;
  bytes?: number;
  /** Set for Ideogram 3.0 requests. */
  v3?: V3SidecarFacts;
}

// Fields that only make sense as strings; anything else in the request is kept in `parameters`.
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Builds the sidecar object. Only fields of the request and response go in: never headers, never the key. */
export function buildSidecar(input: SidecarInput): Sidecar {
  const { request, image } = input;
  const sidecar: Sidecar = {
    schema: SIDECAR_SCHEMA_VERSION,
    operation: input.operation,
    prompt: str(request.prompt) ?? '',
    returned_prompt: str(image.prompt),
    negative_prompt: str(request.negative_prompt),
    model: str(request.model),
    parameters: { ...request },
    seed: image.seed,
    resolution: image.resolution,
    upscaled_resolution: image.upscaled_resolution,
    style_type: image.style_type,
    is_image_safe: image.is_image_safe,
    source_image: input.sourceImage,
    provider: input.provider,
    created_at: input.now.toISOString(),
    api_created: input.apiCreated,
    extension_version: input.extensionVersion,
    file: input.file,
    width: input.size?.width,
    height: input.size?.height,
    mime: input.mime,
    bytes: input.bytes,
    api_family: input.v3 ? 'v3' : undefined,
    endpoint: input.v3?.endpoint,
    request_form: input.v3?.form,
    mask: input.v3?.files.mask?.[0],
    style_reference_images: input.v3?.files.style_reference_images,
    character_reference_images: input.v3?.files.character_reference_images,
    character_reference_images_mask: input.v3?.files.character_reference_images_mask,
  };
  // Drop undefined so the file lists only what is known.
  return Object.fromEntries(Object.entries(sidecar).filter(([, v]) => v !== undefined)) as Sidecar;
}

/** Serialises a sidecar as pretty JSON with a final newline (readable in diffs). */
export function serializeSidecar(sidecar: Sidecar): string {
  return `${JSON.stringify(sidecar, null, 2)}\n`;
}

/** Parses sidecar text; undefined when it is not one of ours (other JSON files may share the folder). */
export function parseSidecar(text: string): Sidecar | undefined {
  try {
    const parsed = SidecarSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** One history entry: a sidecar plus where it lives. */
export interface HistoryRecord<L> { location: L; sidecar: Sidecar }

/** Newest first, filtered by a case-insensitive query over prompts, model and file name, then one page. */
export function pageHistory<L>(
  records: readonly HistoryRecord<L>[],
  options: { offset?: number; limit?: number; query?: string },
): { entries: HistoryRecord<L>[]; total: number } {
  const terms = (options.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const matches = records.filter(({ sidecar }) => {
    if (terms.length === 0) return true;
    const haystack = [sidecar.prompt, sidecar.returned_prompt, sidecar.negative_prompt, sidecar.model, sidecar.file, sidecar.operation]
      .filter(Boolean).join('\n').toLowerCase();
    return terms.every((t) => haystack.includes(t));
  });
  const sorted = [...matches].sort((a, b) => b.sidecar.created_at.localeCompare(a.sidecar.created_at) || b.sidecar.file.localeCompare(a.sidecar.file));
  const offset = Math.max(0, options.offset ?? 0);
  const limit = Math.max(0, options.limit ?? 50);
  return { entries: sorted.slice(offset, offset + limit), total: matches.length };
}
