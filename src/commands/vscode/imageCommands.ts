// "Remix Image…" and "Upscale Image…": the explorer (multi-select), the image preview's title bar,
// the palette (asks for an image) or automation with (uri | uri[], options) where options use
// the API's field names. Several images run in parallel within the in-flight limit.
import * as vscode from 'vscode';
import { registerCommand } from '../../common/vscode/commands';
import { modelHint } from '../../common/request/labels';
import { MODELS, RANGES } from '../../common/request/legacy';
import { fieldProblem, requireValid } from '../../common/request/validation';
import type { RemixRequest, UpscaleRequest } from '../../common/request/schemas';
import type { IdeogramServices, OperationOptions, OperationResult } from '../../common/vscode/services';
import { combineResults } from '../../common/vscode/imageService';
import { billingSummary, confirmSpend, type BilledImages } from '../../common/vscode/spending';
import { resolve } from '../../common/request/resolve';
import { isHostedImageUri } from '../../common/vscode/inputImage';
import { parseSidecar } from '../../common/sidecar';
import { sidecarPathFor } from '../../common/sidecarLocation';
import { optionsFromArgs, resolveImages } from './args';
import { openInStudio, openInStudioButton } from './openInStudio';
import { BACK, inputStep, pickStep, type StepInfo } from './quickInput';
import { announceResult, withOperationProgress } from './results';

/** Registers ideogram.remix and ideogram.upscale; both return the saved image Uris. */
export function registerImageCommands(services: IdeogramServices): vscode.Disposable[] {
  return [
    registerCommand(services.boundary, 'ideogram.remix', vscode.l10n.t('Remix'), async (first?: unknown, second?: unknown, third?: unknown) => {
      const images = await resolveImages(services, first, second, true, vscode.l10n.t('Remix Image from URL…'));
      if (images.length === 0) return undefined;
      const given = optionsFromArgs(second, third) as Partial<RemixRequest> | undefined;
      // Read once for this run: the request's defaults come from here (the save reads its folder's).
      const settings = services.settings(images[0]);
      const request = given && typeof given.prompt === 'string' && given.prompt.trim()
        ? requireValid('remix', resolve('remix', given, settings.defaults) as RemixRequest)
        : await askForRemix(services, images[0], given, images.length === 1, settings);
      return request ? runRemix(services, request, images) : undefined;
    }),
    registerCommand(services.boundary, 'ideogram.upscale', vscode.l10n.t('Upscale'), async (first?: unknown, second?: unknown, third?: unknown) => {
      const images = await resolveImages(services, first, second, true);
      if (images.length === 0) return undefined;
      const given = optionsFromArgs(second, third) as UpscaleRequest | undefined;
      const request = given ? requireValid('upscale', given) : await askForUpscale(services, images.length === 1 ? images[0] : undefined);
      return request ? runUpscale(services, request, images) : undefined;
    }),
  ];
}

/** Remixes each image with the same request; returns the saved Uris. */
export function runRemix(services: IdeogramServices, request: RemixRequest, images: vscode.Uri[]): Promise<vscode.Uri[] | undefined> {
  return runForEach(services, vscode.l10n.t('Remix'), images.length === 1 ? vscode.l10n.t('Ideogram: remixing 1 image') : vscode.l10n.t('Ideogram: remixing {0} images', images.length), images,
    (image, opts) => services.images.remix(request, image, opts), request.prompt, { count: images.length * (request.num_images ?? 1), model: request.model, options: { operation: 'remix' } });
}

/** Upscales each image with the same request; returns the saved Uris. */
export function runUpscale(services: IdeogramServices, request: UpscaleRequest, images: vscode.Uri[]): Promise<vscode.Uri[] | undefined> {
  return runForEach(services, vscode.l10n.t('Upscale'), images.length === 1 ? vscode.l10n.t('Ideogram: upscaling 1 image') : vscode.l10n.t('Ideogram: upscaling {0} images', images.length), images,
    (image, opts) => services.images.upscale(request, image, opts), request.prompt ?? '', { count: images.length * (request.num_images ?? 1), options: { operation: 'upscale' } });
}

async function runForEach(
  services: IdeogramServices,
  label: string,
  title: string,
  images: vscode.Uri[],
  run: (image: vscode.Uri, opts: OperationOptions) => Promise<OperationResult>,
  alt: string,
  billed: BilledImages,
): Promise<vscode.Uri[] | undefined> {
  // Several images, each making num_images: the product is what is billed, and what is asked about.
  if (!await confirmSpend(services.settings(images[0]), billed)) return undefined;
  const result = await services.boundary.run(label, () => withOperationProgress(title, async (opts) => {
    const settled = await Promise.allSettled(images.map((image) => run(image, opts)));
    for (const failure of settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []))) {
      services.log.warn(`${label}: one image failed: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
    return combineResults(settled);
  }));
  if (!result) return undefined;
  announceResult(services, result, alt, label);
  return result.saved.map((s) => s.uri);
}

/** The prompt an image was made with, from its sidecar (so "remix" starts from it); undefined without one. */
export async function promptOf(image: vscode.Uri): Promise<string | undefined> {
  if (isHostedImageUri(image)) return undefined; // no sidecar beside a link
  try {
    const folder = vscode.Uri.joinPath(image, '..');
    const sidecarUri = vscode.Uri.joinPath(folder, ...sidecarPathFor(image.path, 'beside').split('/'));
    const sidecar = parseSidecar(new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecarUri)));
    return sidecar?.prompt || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Asks for the remix prompt, image weight and model; resolves undefined when dismissed or handed
 * to the Studio (the first step's "Open in Studio" button, offered when `offerStudio`).
 */
export async function askForRemix(services: IdeogramServices, image: vscode.Uri, initial: Partial<RemixRequest> = {}, offerStudio = true, settings = services.settings(image)): Promise<RemixRequest | undefined> {
  const title = vscode.l10n.t('Ideogram: Remix {0}', image.path.split('/').pop() ?? '');
  const state: { prompt: string; image_weight: number; model: string } = { prompt: initial.prompt ?? (await promptOf(image)) ?? '', image_weight: initial.image_weight ?? RANGES.image_weight.default, model: initial.model ?? settings.defaults.model };
  let step = 0;
  while (step < 3) {
    const info: StepInfo = { title, step: step + 1, totalSteps: 3 };
    let outcome: unknown;
    if (step === 0) {
      outcome = await inputStep(info, {
        prompt: vscode.l10n.t('How should the image change?'), value: state.prompt,
        validate: (v) => fieldProblem('remix', 'prompt', v),
        ...(offerStudio ? studioHandOff(services, image, 'remix') : {}),
      });
      if (typeof outcome === 'string') state.prompt = outcome.trim();
    } else if (step === 1) {
      outcome = await inputStep(info, {
        prompt: vscode.l10n.t('Image weight from 1 to 100: how closely to follow the original'), value: String(state.image_weight),
        validate: (v) => fieldProblem('remix', 'image_weight', v.trim() === '' ? Number.NaN : Number(v), { prompt: state.prompt }),
      });
      if (typeof outcome === 'string') state.image_weight = Number(outcome.trim());
    } else {
      // The last step before the request is sent: it says how many images each input makes (billed).
      const count = initial.num_images ?? settings.defaults.numImages;
      const placeholder = vscode.l10n.t('Model · per input image: {0}', billingSummary(settings, { count, model: state.model, options: { operation: 'remix' } }));
      const picked = await pickStep(info, MODELS.map((m) => ({ label: m, value: m as string, description: modelHint(m) })), { placeholder, active: state.model });
      outcome = picked;
      if (picked && picked !== BACK) state.model = picked.value;
    }
    if (outcome === undefined) return undefined;
    step = outcome === BACK ? Math.max(0, step - 1) : step + 1;
  }
  return resolve('remix', { ...initial, prompt: state.prompt, model: state.model, image_weight: state.image_weight }, settings.defaults) as RemixRequest;
}

/**
 * Asks for an optional guide prompt and how faithful the upscale should be; with `studioImage`,
 * the first step offers "Open in Studio" (which resolves undefined: the Studio takes over).
 */
export async function askForUpscale(services: IdeogramServices, studioImage?: vscode.Uri): Promise<UpscaleRequest | undefined> {
  const title = vscode.l10n.t('Ideogram: Upscale Image');
  let prompt = '';
  let step = 0;
  while (step < 2) {
    const info: StepInfo = { title, step: step + 1, totalSteps: 2 };
    if (step === 0) {
      const value = await inputStep(info, {
        prompt: vscode.l10n.t('Optional prompt to guide the upscale (leave empty for none)'), value: prompt,
        ...(studioImage ? studioHandOff(services, studioImage, 'upscale') : {}),
      });
      if (value === undefined) return undefined;
      if (value !== BACK) prompt = value.trim();
      step = value === BACK ? 0 : 1;
      continue;
    }
    const picked = await pickStep(info, [
      { label: vscode.l10n.t('Balanced'), description: vscode.l10n.t('resemblance 50, detail 50'), value: { resemblance: 50, detail: 50 } },
      { label: vscode.l10n.t('Faithful'), description: vscode.l10n.t('resemblance 85, detail 40'), value: { resemblance: 85, detail: 40 } },
      { label: vscode.l10n.t('More detail'), description: vscode.l10n.t('resemblance 45, detail 85'), value: { resemblance: 45, detail: 85 } },
    ], { placeholder: vscode.l10n.t('How faithful should the upscale be?') });
    if (picked === undefined) return undefined;
    if (picked === BACK) { step = 0; continue; }
    return { ...(prompt ? { prompt } : {}), ...picked.value };
  }
  return undefined;
}

// The "Open in Studio" title-bar button of a first step: the Studio opens with the image and the
// text typed so far, and the quick input closes (the user goes on in the panel).
function studioHandOff(services: IdeogramServices, image: vscode.Uri, mode: 'remix' | 'upscale'): Pick<Parameters<typeof inputStep>[1], 'buttons' | 'onButton'> {
  const button = openInStudioButton();
  return {
    buttons: [button],
    onButton: (pressed, value) => {
      if (pressed !== button) return false;
      void openInStudio(image, mode, value.trim()).then(undefined, (err: unknown) => services.boundary.showOperationError(err));
      return true;
    },
  };
}
