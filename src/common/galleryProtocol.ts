// The message contract between the Gallery view (extension host) and its webview, in the Studio's
// style (protocol.ts): host → webview messages are typed, webview → host messages are untrusted
// input and parsed with zod before the host acts on them. Pure and browser-safe: both bundles import it.
import * as z from 'zod';
import type { L10nBundle } from './protocol';

/** The operations a result can come from (the sidecar's `operation`), in the filter menu's order. */
export const GALLERY_OPERATIONS = ['generate', 'remix', 'upscale'] as const;

/** One result as the grid shows it. Text fields come from sidecars: the webview renders them as text only. */
export interface GalleryItem {
  /** `Uri.toString()` of the sidecar: the id the webview sends back in actions. */
  id: string;
  /** `webview.asWebviewUri` of the image; '' when the image is missing. */
  src: string;
  /** `Uri.toString()` of the image, for drag and drop (text/uri-list). */
  imageUri: string;
  /** The image's workspace-relative path. */
  label: string;
  operation: string;
  prompt: string;
  negativePrompt?: string;
  model?: string;
  seed?: number;
  /** ms since the epoch. */
  createdAt: number;
  width?: number;
  height?: number;
  /** The sidecar is there but its image is not. */
  missing: boolean;
  /** Workspace-relative path of the image a remix/upscale started from. */
  source?: string;
}

/** A value present in the results and how many results have it (filter menus). */
export interface FacetValue { value: string; count: number }

/** One page of results for the webview's query `requestId`. */
export interface GalleryPageMessage {
  type: 'page';
  requestId: number;
  offset: number;
  /** Results matching the query in all folders. */
  total: number;
  items: GalleryItem[];
  facets: { operations: FacetValue[]; models: FacetValue[] };
}

/** Host → gallery webview. */
export type GalleryHostMessage =
  | { type: 'init'; l10n?: L10nBundle; pageSize: number }
  | GalleryPageMessage
  // The results changed (a save, a delete, a rename): the webview asks again for what it shows.
  | { type: 'changed' }
  | { type: 'notice'; message: string };

/** What the user can do with one result or a selection. */
export const GALLERY_ACTIONS = [
  'open', 'insert', 'reveal', 'copyPrompt', 'copySeed', 'againSameSeed', 'againNewSeed',
  'remix', 'upscale', 'describe', 'openInStudio', 'delete',
] as const;
/** One gallery action. */
export type GalleryAction = (typeof GALLERY_ACTIONS)[number];

/** Most results one query page or one action may name (bounds what a webview can make the host do). */
export const GALLERY_MAX_BATCH = 500;

const id = z.string().min(1).max(4096);

/** Schema of the query the webview sends: search words, filters and the page. */
export const GalleryQuerySchema = z.strictObject({
  requestId: z.number().int().min(0),
  text: z.string().max(200),
  operations: z.array(z.enum(GALLERY_OPERATIONS)).max(GALLERY_OPERATIONS.length),
  models: z.array(z.string().max(64)).max(50),
  createdFrom: z.number().finite().optional(),
  createdBefore: z.number().finite().optional(),
  offset: z.number().int().min(0).max(10_000_000),
  limit: z.number().int().min(1).max(GALLERY_MAX_BATCH),
});
/** The webview's query (validated). */
export type GalleryQueryMessage = z.infer<typeof GalleryQuerySchema>;

/** zod schema of every gallery webview → host message. */
export const GalleryWebviewMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  GalleryQuerySchema.extend({ type: z.literal('query') }),
  z.strictObject({ type: z.literal('action'), action: z.enum(GALLERY_ACTIONS), ids: z.array(id).min(1).max(GALLERY_MAX_BATCH) }),
]);
/** Gallery webview → host (validated). */
export type GalleryWebviewMessage = z.infer<typeof GalleryWebviewMessageSchema>;

/** Parses an untrusted message from the gallery webview; undefined when it is not one of ours. */
export function parseGalleryMessage(raw: unknown): GalleryWebviewMessage | undefined {
  const parsed = GalleryWebviewMessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** Schema of the search and filters the gallery webview keeps across a reload. */
export const GalleryStateSchema = z.object({
  text: z.string().max(200).optional(),
  operation: z.string().max(32).optional(),
  model: z.string().max(64).optional(),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
});
/** The gallery webview's saved state. */
export type GalleryState = z.infer<typeof GalleryStateSchema>;

/** Parses restored state; anything unexpected becomes an empty state. */
export function parseGalleryState(raw: unknown): GalleryState {
  const parsed = GalleryStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}
