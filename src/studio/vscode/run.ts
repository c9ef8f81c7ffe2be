// Runs one Studio request through the same ImageService and error boundary as the commands, so
// validation, progress, files, sidecars and error messages are identical wherever a run starts.
import * as vscode from 'vscode';
import type { GenerateRequest, RemixRequest, UpscaleRequest } from '../../common/request/schemas';
import type { IdeogramServices, OperationResult } from '../../common/vscode/services';
import { isCancellation, type ErrorOutcome } from '../../common/vscode/errorBoundary';
import type { FormState } from '../../common/protocol';
import { buildStudioRequest } from '../../common/studioForm';

/**
 * How a run ended. `next` settles once the user answers the error message: run again (Retry, Set
 * API Key) or the images "Save Again" saved. It is a promise so the panel can show the error
 * inline at once, not after the answer.
 */
export type StudioOutcome =
  | { kind: 'images'; result: OperationResult }
  | { kind: 'describe'; image: vscode.Uri; descriptions: string[] }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string; next: Promise<ErrorOutcome> };

/**
 * Runs the form through the shared services, which validate it like any command's request (the
 * webview is untrusted, and its own live check is only for the user); never throws.
 */
export async function runStudioOperation(
  services: IdeogramServices,
  form: FormState,
  reference: vscode.Uri | undefined,
  opts: { token: vscode.CancellationToken; onProgress(message: string): void },
): Promise<StudioOutcome> {
  const request = buildStudioRequest(form);
  if (request.mode !== 'generate' && !reference) {
    return { kind: 'failed', message: vscode.l10n.t('Choose a reference image first.'), next: Promise.resolve({ next: 'none' }) };
  }
  const label = vscode.l10n.t('Ideogram Studio');
  try {
    // The status bar shows the same progress text as the panel (the panel has its own Cancel).
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: label }, async (progress) => {
      const options = {
        token: opts.token,
        onProgress: (message: string) => {
          progress.report({ message });
          opts.onProgress(message);
        },
      };
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
  } catch (err) {
    if (isCancellation(err)) return { kind: 'cancelled' };
    // The boundary reports the (redacted) message synchronously before it waits for the user's
    // choice, so the panel can show the very same text inline while the notification is open.
    let message = err instanceof Error ? err.message : String(err);
    const subscription = services.boundary.onDidReportError((reported) => { message = reported.message; });
    const next = services.boundary.settle(err, label);
    subscription.dispose();
    return { kind: 'failed', message, next };
  }
}
