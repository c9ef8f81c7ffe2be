// The Ideogram 3.0 commands of the explorer / image title "Ideogram" submenu and the palette:
// Extend (reframe) to a chosen aspect, Replace background, Remove background, Generate
// transparent…, and the three that hand an image to the Studio's 3.0 tab (Edit (inpaint), Use as
// style reference, Use as character reference). Automation passes (uri | uri[], options) with the
// vendor's field names, like the legacy commands.
import * as vscode from 'vscode';
import { registerCommand } from '../../common/vscode/commands';
import type { IdeogramServices, OperationOptions, OperationResult } from '../../common/vscode/services';
import { combineResults } from '../../common/vscode/imageService';
import { fieldProblem, requireValidV3 } from '../../common/request/validation';
import { valueLabel } from '../../common/request/labels';
import { RENDERING_SPEEDS, resolutionForAspect, UPSCALE_FACTORS, V3, V3_ASPECT_RATIOS, V3_DEFAULTS } from '../../common/request/v3';
import type { V3Mode } from '../../common/request/capabilities';
import type { V3Request } from '../../common/request/v3Schemas';
import { OPEN_STUDIO_COMMAND } from '../../studio/vscode/index';
import { optionsFromArgs, resolveImages } from './args';
import { BACK, inputStep, pickStep, type StepInfo } from './quickInput';
import { announceResult, withOperationProgress } from './results';

/** Which Studio slot an image is handed to (h16's `ideogram.openStudio` { uri, tab: 'v3', role }). */
type StudioRole = 'edit' | 'styleReference' | 'characterReference';

/** Registers the 3.0 commands; the image commands return the saved image Uris. */
export function registerV3Commands(services: IdeogramServices): vscode.Disposable[] {
  const onImages = (id: string, label: string, mode: V3Mode, ask: (image: vscode.Uri, count: number) => Promise<V3Request | undefined>) =>
    registerCommand(services.boundary, id, label, async (first?: unknown, second?: unknown, third?: unknown) => {
      const images = await resolveImages(services, first, second, true);
      if (images.length === 0) return undefined;
      const given = optionsFromArgs(second, third) as V3Request | undefined;
      const request = given ?? await ask(images[0], images.length);
      if (!request) return undefined;
      requireValidV3(mode, request, { image: [0] });
      return runV3(services, label, mode, request, images);
    });
  const toStudio = (id: string, label: string, role: StudioRole) =>
    registerCommand(services.boundary, id, label, async (first?: unknown, second?: unknown) => {
      const [image] = await resolveImages(services, first, second, false);
      if (!image) return;
      await vscode.commands.executeCommand(OPEN_STUDIO_COMMAND, { uri: image, tab: 'v3', role });
    });
  return [
    onImages('ideogram.v3.reframe', vscode.l10n.t('Extend Image'), 'reframe', askForReframe),
    onImages('ideogram.v3.replaceBackground', vscode.l10n.t('Replace Background'), 'replace-background', askForBackground),
    onImages('ideogram.v3.removeBackground', vscode.l10n.t('Remove Background'), 'remove-background', () => Promise.resolve({})),
    registerCommand(services.boundary, 'ideogram.v3.generateTransparent', vscode.l10n.t('Generate Transparent Image'), async (first?: unknown) => {
      const given = optionsFromArgs(first) as V3Request | undefined;
      const request = given ?? await askForTransparent(services);
      if (!request) return undefined;
      requireValidV3('generate-transparent', request);
      return runV3(services, vscode.l10n.t('Generate Transparent Image'), 'generate-transparent', request, []);
    }),
    toStudio('ideogram.v3.inpaint', vscode.l10n.t('Edit (Inpaint)'), 'edit'),
    toStudio('ideogram.v3.useAsStyleReference', vscode.l10n.t('Use as Style Reference'), 'styleReference'),
    toStudio('ideogram.v3.useAsCharacterReference', vscode.l10n.t('Use as Character Reference'), 'characterReference'),
  ];
}

/** Runs a 3.0 operation on each image (or once without one) under one progress; returns the saved Uris. */
export async function runV3(services: IdeogramServices, label: string, mode: V3Mode, request: V3Request, images: vscode.Uri[]): Promise<vscode.Uri[] | undefined> {
  const title = vscode.l10n.t('Ideogram 3.0: {0} ({1} image(s) per input)', label, request.num_images ?? 1);
  const run = (image: vscode.Uri | undefined, opts: OperationOptions): Promise<OperationResult> =>
    services.images.v3(mode, request, image ? { image: [image] } : {}, opts);
  const result = await services.boundary.run(label, () => withOperationProgress(title, async (opts) => {
    const settled = await Promise.allSettled(images.length > 0 ? images.map((image) => run(image, opts)) : [run(undefined, opts)]);
    for (const failure of settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []))) {
      services.log.warn(`${label}: one image failed: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
    return combineResults(settled);
  }));
  if (!result) return undefined;
  announceResult(services, result, request.prompt ?? label, label);
  return result.saved.map((s) => s.uri);
}

// Extend to an aspect ratio: the ratio is picked, the resolution is the table's nearest one.
async function askForReframe(image: vscode.Uri): Promise<V3Request | undefined> {
  const info: StepInfo = { title: vscode.l10n.t('Ideogram 3.0: Extend {0}', image.path.split('/').pop() ?? ''), step: 1, totalSteps: 1 };
  const items = V3_ASPECT_RATIOS.map((aspect) => ({ label: valueLabel(`ASPECT_${aspect.replace('x', '_')}`), description: resolutionForAspect(aspect), value: aspect }));
  const picked = await pickStep(info, items, { placeholder: vscode.l10n.t('Extend the image to which aspect ratio?') });
  if (!picked || picked === BACK) return undefined;
  const resolution = resolutionForAspect(picked.value);
  return resolution ? { resolution } : undefined;
}

async function askForBackground(image: vscode.Uri): Promise<V3Request | undefined> {
  const info: StepInfo = { title: vscode.l10n.t('Ideogram 3.0: Replace the background of {0}', image.path.split('/').pop() ?? ''), step: 1, totalSteps: 1 };
  const prompt = await inputStep(info, {
    prompt: vscode.l10n.t('Describe the new background'), value: '',
    validate: (v) => fieldProblem('generate', 'prompt', v),
  });
  return typeof prompt === 'string' ? { prompt: prompt.trim() } : undefined;
}

// Prompt, then speed (without those the operation refuses, e.g. FLASH), then upscale factor.
async function askForTransparent(services: IdeogramServices): Promise<V3Request | undefined> {
  const title = vscode.l10n.t('Ideogram 3.0: Generate Transparent Image');
  const refused = V3.operations['generate-transparent'].refusedSpeeds ?? {};
  const state: { prompt: string; speed: string } = { prompt: '', speed: V3_DEFAULTS.rendering_speed };
  let step = 0;
  while (step < 3) {
    const info: StepInfo = { title, step: step + 1, totalSteps: 3 };
    let outcome: unknown;
    if (step === 0) {
      outcome = await inputStep(info, { prompt: vscode.l10n.t('Describe the icon, sprite or logo'), value: state.prompt, validate: (v) => fieldProblem('generate', 'prompt', v) });
      if (typeof outcome === 'string') state.prompt = outcome.trim();
    } else if (step === 1) {
      const speeds = RENDERING_SPEEDS.filter((speed) => !(speed in refused)).map((speed) => ({ label: speed, value: speed as string }));
      const picked = await pickStep(info, speeds, { placeholder: vscode.l10n.t('Rendering speed'), active: state.speed });
      outcome = picked;
      if (picked && picked !== BACK) state.speed = picked.value;
    } else {
      const picked = await pickStep(info, UPSCALE_FACTORS.map((factor) => ({ label: factor, value: factor as string })), { placeholder: vscode.l10n.t('Upscale factor (X2 and X4 cost more)') });
      if (picked && picked !== BACK) {
        const settings = services.settings();
        return { prompt: state.prompt, rendering_speed: state.speed, upscale_factor: picked.value, num_images: settings.defaults.numImages };
      }
      outcome = picked;
    }
    if (outcome === undefined) return undefined;
    step = outcome === BACK ? Math.max(0, step - 1) : step + 1;
  }
  return undefined;
}
