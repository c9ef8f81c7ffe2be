// Runs one Studio request through the same ImageService as the commands, so progress, files and
// sidecars are identical wherever a run starts. Failures are thrown: the panel runs this under the
// error boundary, which shows them (and the panel shows the same report inline).
import * as vscode from 'vscode';
import type { GenerateRequest, RemixRequest, UpscaleRequest } from '../../common/request/schemas';
import type { IdeogramServices, OperationResult } from '../../common/vscode/services';
import { UnsavedImagesError, type UnsavedImages } from '../../common/errors';
import { isCancellation } from '../../common/vscode/errorBoundary';
import { mapUnsaved } from '../../storage/savePipeline';
import type { FormState } from '../../common/protocol';
import { buildStudioRequest } from '../../common/studioForm';

/** How a run ended, when it did not fail. */
export type StudioOutcome =
  | { kind: 'images'; result: OperationResult }
  | { kind: 'describe'; image: vscode.Uri; descriptions: string[] }
  | { kind: 'cancelled' };

/**
 * Runs the form through the shared services (the client validates it: the webview is untrusted,
 * and its own live check is the one for the user). Throws what failed; images made but not saved
 * come as an UnsavedImagesError whose Save Again resolves to this run's outcome.
 */
export function runStudioOperation(
  services: IdeogramServices,
  form: FormState,
  reference: vscode.Uri | undefined,
  opts: StudioRunOptions,
): Promise<StudioOutcome> {
  const request = buildStudioRequest(form);
  return withStudioProgress(opts, async (options) => {
    switch (request.mode) {
      case 'generate':
        return { kind: 'images', result: await services.images.generate(request.request as GenerateRequest, options) } as const;
      case 'remix':
        return { kind: 'images', result: await services.images.remix(request.request as RemixRequest, reference!, options) } as const;
      case 'upscale':
        return { kind: 'images', result: await services.images.upscale(request.request as UpscaleRequest, reference!, options) } as const;
      case 'describe': {
        const [item] = await services.images.describe([reference!], { ...options, ...request.request });
        if (!item) return { kind: 'describe', image: reference!, descriptions: [] } as const;
        if (item.error) throw item.error;
        return { kind: 'describe', image: item.uri, descriptions: item.descriptions } as const;
      }
    }
  });
}

/** What the panel gives a run: its Cancel, and where progress text goes. */
export interface StudioRunOptions { token: vscode.CancellationToken; onProgress(message: string): void }

/**
 * Runs one Studio operation with its progress in the status bar and the panel; a cancellation is
 * an outcome, and images made but not saved come as an UnsavedImagesError resolving to one.
 */
export async function withStudioProgress(
  opts: StudioRunOptions,
  operate: (options: { token: vscode.CancellationToken; onProgress(message: string): void }) => Promise<StudioOutcome>,
): Promise<StudioOutcome> {
  const label = vscode.l10n.t('Ideogram Studio');
  try {
    // The status bar shows the same progress text as the panel (the panel has its own Cancel).
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: label }, (progress) => operate({
      token: opts.token,
      onProgress: (message: string) => {
        progress.report({ message });
        opts.onProgress(message);
      },
    }));
  } catch (err) {
    if (isCancellation(err)) return { kind: 'cancelled' };
    if (err instanceof UnsavedImagesError) {
      throw new UnsavedImagesError(mapUnsaved(err.unsaved as UnsavedImages<OperationResult>, (result): StudioOutcome => ({ kind: 'images', result })));
    }
    throw err;
  }
}
