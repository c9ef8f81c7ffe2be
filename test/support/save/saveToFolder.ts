// The commands' save path in plain Node, for the bench, the fault suite and the bad-input table:
// the extension's own save pipeline (src/storage/savePipeline.ts) with the Node fs storage that
// ImageService uses for every `file:` workspace folder. Only the adapter to the callers' shape
// lives here, so what is measured and tortured is exactly what the commands run.
import type { IdeogramClient, ImageResult } from '../../../src/ideogram';
import type { IdeogramError } from '../../../src/common/errors';
import { DEFAULT_FILE_NAME_TEMPLATE } from '../../../src/common/naming';
import { createNodeFileStorage } from '../../../src/storage/node/nodeFileStorage';
import { redactText } from '../../../src/common/redact';
import { UnsavedImagesError, type UnsavedImages } from '../../../src/common/errors';
import { mapUnsaved, saveImages, type SaveOutcome as PipelineOutcome } from '../../../src/storage/savePipeline';
import type { ImageOperation } from '../../../src/common/sidecar';

/** One image written by saveResultToFolder. */
export interface SavedFile { imagePath: string; sidecarPath: string; bytes: number }

/** What one operation left on disk. */
export interface SaveOutcome { saved: SavedFile[]; blocked: number; failed: number; firstFailure?: IdeogramError; unsaved?: UnsavedImages<SaveOutcome> }

/** How to name and describe the saved files. */
export interface SaveContext {
  operation: ImageOperation;
  request: Record<string, unknown>;
  dir: string;
  signal?: AbortSignal;
  client: IdeogramClient;
  fileNameTemplate?: string;
  /** Keys to redact from names and sidecars, as the extension's log knows them. */
  secrets?: readonly string[];
}

/** The check ImageService makes before the paid request (SaveStorage.prepare of the Node fs storage). */
export function prepareFolder(dir: string): Promise<void> {
  return createNodeFileStorage(dir).prepare();
}

/**
 * Saves every safe image of `result` into `dir` with a sidecar beside each, exactly as a command
 * does for a local workspace folder; removes everything it wrote when cancelled or when no image
 * was saved (then rejecting with UnsavedImagesError, whose saveAgain resolves to a SaveOutcome).
 */
export async function saveResultToFolder(result: ImageResult, ctx: SaveContext): Promise<SaveOutcome> {
  try {
    return toOutcome(await saveImages({
      operation: ctx.operation, request: ctx.request, result, storage: createNodeFileStorage(ctx.dir),
      fileNameTemplate: ctx.fileNameTemplate ?? DEFAULT_FILE_NAME_TEMPLATE, provider: 'bench', extensionVersion: '0.0.0-bench',
      redact: (text) => redactText(text, ctx.secrets ?? []),
      signal: ctx.signal, dispatcher: ctx.client.dispatcher, timeoutMs: ctx.client.timeoutMs,
    }));
  } catch (err) {
    throw err instanceof UnsavedImagesError ? new UnsavedImagesError(mapUnsaved(err.unsaved as UnsavedImages<PipelineOutcome<string>>, toOutcome)) : err;
  }
}

function toOutcome(outcome: PipelineOutcome<string>): SaveOutcome {
  return {
    saved: outcome.saved.map((file) => ({ imagePath: file.image, sidecarPath: file.sidecarLocation, bytes: file.bytes })),
    blocked: outcome.blocked, failed: outcome.failed, firstFailure: outcome.firstFailure,
    unsaved: outcome.unsaved && mapUnsaved(outcome.unsaved, toOutcome),
  };
}
