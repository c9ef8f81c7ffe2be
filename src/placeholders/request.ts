// What is sent for a placeholder and what its sidecar records: pure, so the request's shape and
// the sidecar's record are unit-tested without the editor.
import { posix } from 'node:path';
import type { Sidecar } from '../common/sidecar';
import type { PixelSize, PlaceholderItem } from './types';

/** The request fields a placeholder adds before the settings' defaults: its prompt, one image, at its generation shape. */
export function placeholderDraft(item: PlaceholderItem): { prompt: string; num_images: 1; aspect_ratio?: string; resolution?: string } {
  const shape = item.generation.shape;
  return {
    prompt: item.prompt.text,
    num_images: 1,
    ...(shape.kind === 'aspect-ratio' ? { aspect_ratio: shape.value } : { resolution: shape.value }),
  };
}

/** The sidecar's record of a filled placeholder (its shape is the sidecar schema's). */
export type PlaceholderRecord = NonNullable<Sidecar['placeholder']>;

/** Builds the sidecar record for an item filled from an original of `original`'s size. */
export function placeholderRecord(item: PlaceholderItem, original: PixelSize): PlaceholderRecord {
  return {
    references: item.references.map((reference) => ({ document: posix.relative(item.workspaceFolderPath, reference.document), src: reference.src })),
    prompt_source: item.prompt.source,
    size: { width: item.size.width, height: item.size.height, source: item.size.source },
    original: { width: original.width, height: original.height },
  };
}
