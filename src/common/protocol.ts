// The one message contract between the Studio panel (extension host) and its webview.
// Host → webview messages are trusted and only typed; webview → host messages are untrusted input
// (a webview is a web page) and every one is parsed with zod before the host acts on it.
// Pure module: imported by both bundles, so no `vscode` and no Node APIs here.
// Namespace import: unlike `{ z }`, it lets esbuild drop unused zod parts (e.g. all locales) from the webview bundle.
import * as z from 'zod';

/** The four things the Studio can do. */
export const STUDIO_MODES = ['generate', 'remix', 'upscale', 'describe'] as const;
/** One Studio mode. */
export type StudioMode = (typeof STUDIO_MODES)[number];

/** Schema of one custom palette swatch as the form holds it. */
export const SwatchSchema = z.strictObject({
  color_hex: z.string().max(16),
  color_weight: z.number().finite(),
});
/** One custom palette swatch. */
export type Swatch = z.infer<typeof SwatchSchema>;

/** Schema of the palette choice: none, a preset, or custom swatches. */
export const PaletteChoiceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('preset'), name: z.string().max(32) }),
  z.strictObject({ kind: z.literal('custom'), members: z.array(SwatchSchema).max(16) }),
]);
/** The palette choice of the form. */
export type PaletteChoice = z.infer<typeof PaletteChoiceSchema>;

// Limits keep a hostile or buggy webview from making the host allocate or log huge strings.
const text = (max: number) => z.string().max(max);

/** Schema of every value of the Studio form (raw, as typed: the seed stays text so a typo can be reported). */
export const FormStateSchema = z.strictObject({
  mode: z.enum(STUDIO_MODES),
  prompt: text(10_000),
  model: text(64),
  sizeKind: z.enum(['aspect', 'resolution']),
  aspectRatio: text(64),
  resolution: text(64),
  styleType: text(32),
  magicPrompt: text(16),
  negativePrompt: text(10_000),
  seed: text(32),
  randomSeed: z.boolean(),
  numImages: z.number().finite(),
  palette: PaletteChoiceSchema,
  imageWeight: z.number().finite(),
  resemblance: z.number().finite(),
  detail: z.number().finite(),
  describeModelVersion: text(16),
});
/** Every value of the Studio form. */
export type FormState = z.infer<typeof FormStateSchema>;

/** An image the webview may show: its file URI (host side) and the URI the webview loads it from. */
export interface ImageRef {
  /** `vscode.Uri.toString()` of the file; the id the webview sends back. */
  uri: string;
  /** `webview.asWebviewUri(...)`: the only way the webview loads the picture. */
  src: string;
  /** Workspace-relative path, for labels and search. */
  label: string;
}

/** A saved result or history entry, read from its sidecar. */
export interface ResultItem extends ImageRef {
  operation: string;
  prompt: string;
  returnedPrompt: string;
  negativePrompt?: string;
  model?: string;
  seed?: number;
  resolution?: string;
  createdAt: string;
  /** The request parameters recorded in the sidecar (API field names). */
  parameters: Record<string, unknown>;
  /** The image a remix/upscale/describe started from, as its sidecar records it (it may since have been moved). */
  source?: ImageRef;
}

/** A page of history as the host sends it. */
export interface HistoryPage { query: string; offset: number; total: number; entries: ResultItem[] }

/** The Studio's Ideogram 3.0 slots that take reference images (style: several; character: one, with an optional mask). */
export const REFERENCE_SLOTS = ['style', 'character', 'characterMask'] as const;
/** One reference slot. */
export type ReferenceSlot = (typeof REFERENCE_SLOTS)[number];

/** Where an explorer command puts an image in the Studio's 3.0 tab: the mask editor, or a reference slot. */
export const STUDIO_IMAGE_ROLES = ['edit', 'styleReference', 'characterReference'] as const;
/** One such place. */
export type StudioImageRole = (typeof STUDIO_IMAGE_ROLES)[number];

/** An image with its size in bytes (the host measured it), for the 3.0 tab's limits. */
export interface SizedImageRef extends ImageRef { bytes: number }

/** A translation bundle as vscode.l10n.bundle gives it: English source string → translation. */
export type L10nBundle = Record<string, string>;

/** Host → webview. */
export type HostMessage =
  // `l10n`: the extension's translation bundle (vscode.l10n.bundle; absent in English): the one
  // channel for every string the webview shows (it calls @vscode/l10n's l10n.t itself).
  | { type: 'init'; form?: Partial<FormState>; reference?: ImageRef; defaults: Partial<FormState>; l10n?: L10nBundle }
  | { type: 'setForm'; form: Partial<FormState>; reference?: ImageRef }
  | { type: 'setReference'; reference: ImageRef | undefined }
  | { type: 'workspaceImages'; query: string; images: ImageRef[]; truncated: boolean }
  | { type: 'runStarted'; runId: number }
  | { type: 'progress'; runId: number; message: string }
  | { type: 'runFinished'; runId: number; results: ResultItem[]; blocked: number }
  | { type: 'describeFinished'; runId: number; image: ImageRef; descriptions: string[] }
  // `actions`: what the user may answer (Retry, Save Again, Set API Key…); the answer comes back as `errorAction`.
  | { type: 'runFailed'; runId: number; message: string; actions?: string[] }
  | { type: 'runCancelled'; runId: number }
  | { type: 'history'; page: HistoryPage }
  | { type: 'notice'; message: string }
  // Ideogram 3.0 tab: images the host accepted for a reference slot, and an explorer command's image.
  | { type: 'v3References'; slot: ReferenceSlot; images: SizedImageRef[] }
  | { type: 'v3Open'; role: StudioImageRole; image: SizedImageRef };

const uriString = z.string().min(1).max(4096);

/** Longest base64 mask the host takes: a 10 MB PNG (the API's limit for a mask), base64-encoded. */
const MAX_MASK_BASE64 = Math.ceil((10 * 1024 * 1024) / 3) * 4;

/** Actions on one saved file that the host performs. */
export const FILE_ACTIONS = ['open', 'reveal', 'insert', 'copyPrompt'] as const;

/** zod schema of every webview → host message. */
export const WebviewMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('run'), form: FormStateSchema, reference: uriString.optional() }),
  z.strictObject({ type: z.literal('cancel') }),
  // The answer to a failed run's inline error: one of its actions, or none (dismissed).
  z.strictObject({ type: z.literal('errorAction'), runId: z.number().int().min(0), action: text(200).optional() }),
  z.strictObject({ type: z.literal('fileAction'), action: z.enum(FILE_ACTIONS), uri: uriString }),
  z.strictObject({ type: z.literal('copyText'), text: text(20_000) }),
  // A description of `image` to write as its alt text in the last active text editor.
  z.strictObject({ type: z.literal('writeAltText'), image: uriString, text: text(20_000) }),
  z.strictObject({ type: z.literal('searchImages'), query: text(200) }),
  z.strictObject({ type: z.literal('dropUris'), uris: z.array(uriString).max(32) }),
  // Ideogram 3.0 Edit (inpaint): the mask is a base64 PNG of the image's size (checked by the host).
  z.strictObject({
    type: z.literal('v3Run'),
    operation: z.literal('inpaint'),
    prompt: text(10_000),
    image: uriString,
    mask: z.string().max(MAX_MASK_BASE64),
    references: z.strictObject({ style: z.array(uriString).max(32), character: z.array(uriString).max(4), characterMask: z.array(uriString).max(4) }),
  }),
  z.strictObject({ type: z.literal('v3DropReferences'), slot: z.enum(REFERENCE_SLOTS), uris: z.array(uriString).max(32) }),
  z.strictObject({
    type: z.literal('history'),
    query: text(200),
    offset: z.number().int().min(0).max(1_000_000),
    limit: z.number().int().min(1).max(200),
  }),
]);
/** Webview → host (validated). */
export type WebviewMessage = z.infer<typeof WebviewMessageSchema>;

/** Parses an untrusted message from the webview; undefined when it is not one of ours. */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  const parsed = WebviewMessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** Schema of what the webview stores with setState, which the serializer gets back after a reload. */
export const PersistedStateSchema = z.object({
  form: FormStateSchema.optional(),
  reference: uriString.optional(),
});
/** State restored after a window reload (validated before use: it comes from the webview). */
export type PersistedState = z.infer<typeof PersistedStateSchema>;

/** Parses restored webview state; anything unexpected becomes an empty state rather than an error. */
export function parsePersistedState(raw: unknown): PersistedState {
  const parsed = PersistedStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

/** Exhaustiveness check for `switch` over a union: a new message type that is not handled fails to compile. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(value)}`);
}
