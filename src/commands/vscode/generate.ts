// "Ideogram: Generate Image…": with an options object (API field names) it runs without UI;
// otherwise a multi-step quick input asks for the prompt (the editor selection, if any) and the
// parameters, remembering the last choices.
import * as vscode from 'vscode';
import { ASPECT_RATIOS, MAGIC_PROMPT_OPTIONS, MAX_SEED, MODELS, PALETTE_PRESETS, RESOLUTIONS, STYLE_TYPES, type GenerateRequest } from '../../common/request/schemas';
import type { IdeogramServices } from '../../common/vscode/services';
import { applyModelRules, aspectLabel, fillGenerateDefaults, modelAllows, resolutionLabel, type RememberedChoices } from '../../common/request/defaults';
import { BACK, inputStep, pickStep, type StepInfo, type ValueItem } from './quickInput';
import { announceResult, withOperationProgress } from './results';

const LAST_CHOICES_KEY = 'ideogram.generate.lastChoices';

/** Registers ideogram.generate. Returns the saved image Uris (undefined when cancelled or failed). */
export function registerGenerate(context: vscode.ExtensionContext, services: IdeogramServices): vscode.Disposable {
  return vscode.commands.registerCommand('ideogram.generate', async (options?: unknown) => {
    const given = options && typeof options === 'object' && !(options instanceof vscode.Uri) ? options as Partial<GenerateRequest> : {};
    if (typeof given.prompt === 'string' && given.prompt.trim() !== '') {
      return runGenerate(context, services, given as Partial<GenerateRequest> & { prompt: string });
    }
    const request = await askForGenerateRequest(context, services, given);
    return request ? runGenerate(context, services, request, true) : undefined;
  });
}

/** Sends a generate request (missing fields from the last choices and settings) and saves the images. */
export async function runGenerate(
  context: vscode.ExtensionContext,
  services: IdeogramServices,
  partial: Partial<GenerateRequest> & { prompt: string },
  complete = false,
): Promise<vscode.Uri[] | undefined> {
  const request = complete ? partial as GenerateRequest : fillGenerateDefaults(partial, services.settings(), lastChoices(context));
  // The closure keeps the request: Retry and "Set API Key" send exactly the same parameters.
  const result = await services.boundary.run(vscode.l10n.t('Generate'), () =>
    withOperationProgress(vscode.l10n.t('Ideogram: generating {0} image(s)', request.num_images ?? 1), (opts) => services.images.generate(request, opts)));
  if (!result) return undefined;
  announceResult(services, result, request.prompt, vscode.l10n.t('Generate'));
  return result.saved.map((s) => s.uri);
}

function lastChoices(context: vscode.ExtensionContext): RememberedChoices {
  return context.globalState.get<RememberedChoices>(LAST_CHOICES_KEY) ?? {};
}

function selectedText(): string {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return '';
  return editor.selections.map((s) => editor.document.getText(s)).join(' ').replace(/\s+/g, ' ').trim();
}

type Step = 'prompt' | 'model' | 'aspect' | 'style' | 'magic' | 'count' | 'review';

/** The multi-step quick input; resolves the full request, or undefined when dismissed. */
export async function askForGenerateRequest(
  context: vscode.ExtensionContext,
  services: IdeogramServices,
  initial: Partial<GenerateRequest> = {},
): Promise<GenerateRequest | undefined> {
  const settings = services.settings();
  const last = lastChoices(context);
  const state = fillGenerateDefaults({ ...initial, prompt: initial.prompt || selectedText() }, settings, last) as GenerateRequest;
  const title = vscode.l10n.t('Ideogram: Generate Image');
  const steps = (): Step[] => ['prompt', 'model', 'aspect', ...(modelAllows(state.model).styleType ? ['style' as const] : []), 'magic', 'count', 'review'];
  let index = 0;
  while (index < steps().length) {
    const flow = steps();
    const info: StepInfo = { title, step: index + 1, totalSteps: flow.length };
    const outcome = await runStep(flow[index], info, state);
    if (outcome === undefined) return undefined;
    if (outcome === BACK) { index = Math.max(0, index - 1); continue; }
    index++;
  }
  const request = applyRules(state);
  await context.globalState.update(LAST_CHOICES_KEY, {
    model: request.model, aspect_ratio: request.aspect_ratio ?? last.aspect_ratio, style_type: request.style_type ?? last.style_type,
    magic_prompt_option: request.magic_prompt_option, num_images: request.num_images,
  } satisfies RememberedChoices);
  return request;
}

/** The model's rules (on a copy), then drops an empty negative prompt and an unset seed. */
function applyRules(state: GenerateRequest): GenerateRequest {
  const out = applyModelRules(state);
  if (!out.negative_prompt) delete out.negative_prompt;
  if (out.seed === undefined) delete out.seed;
  return out;
}

const items = <T extends string>(values: readonly T[], describe?: (v: T) => string | undefined): ValueItem<T>[] =>
  values.map((value) => ({ label: value, value, description: describe?.(value) }));

async function runStep(step: Step, info: StepInfo, state: GenerateRequest): Promise<'ok' | typeof BACK | undefined> {
  switch (step) {
    case 'prompt': {
      const value = await inputStep(info, {
        prompt: vscode.l10n.t('Describe the image to generate'),
        value: state.prompt,
        placeholder: vscode.l10n.t('A watercolour fox in the snow, soft morning light'),
        validate: (v) => (v.trim() === '' ? vscode.l10n.t('Enter a prompt.') : undefined),
      });
      if (typeof value === 'string') state.prompt = value.trim();
      return typeof value === 'string' ? 'ok' : value;
    }
    case 'model':
      return pickInto(info, state, 'model', items(MODELS, modelDescription), vscode.l10n.t('Model'));
    case 'aspect': {
      const choices = items(ASPECT_RATIOS, (v) => shapeOf(v));
      for (const c of choices) { c.label = aspectLabel(c.value); c.description = `${shapeOf(c.value)} · ${c.value}`; }
      const picked = await pickStep(info, choices, { placeholder: vscode.l10n.t('Aspect ratio'), active: state.aspect_ratio });
      if (picked === undefined || picked === BACK) return picked;
      state.aspect_ratio = picked.value;
      delete state.resolution;
      return 'ok';
    }
    case 'style':
      return pickInto(info, state, 'style_type', items(STYLE_TYPES), vscode.l10n.t('Style'));
    case 'magic':
      return pickInto(info, state, 'magic_prompt_option', items(MAGIC_PROMPT_OPTIONS, (v) => ({
        AUTO: vscode.l10n.t('Ideogram decides whether to expand the prompt'),
        ON: vscode.l10n.t('Always expand the prompt'),
        OFF: vscode.l10n.t('Send the prompt as written'),
      })[v]), vscode.l10n.t('Magic prompt'));
    case 'count': {
      const counts = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ label: String(n), value: n }));
      const picked = await pickStep(info, counts, { placeholder: vscode.l10n.t('Number of images'), active: state.num_images });
      if (picked === undefined || picked === BACK) return picked;
      state.num_images = picked.value;
      return 'ok';
    }
    case 'review':
      return reviewStep(info, state);
  }
}

async function pickInto<K extends 'model' | 'style_type' | 'magic_prompt_option'>(info: StepInfo, state: GenerateRequest, key: K, choices: ValueItem<string>[], placeholder: string): Promise<'ok' | typeof BACK | undefined> {
  const picked = await pickStep(info, choices, { placeholder, active: state[key] as string | undefined });
  if (picked === undefined || picked === BACK) return picked;
  (state as Record<string, unknown>)[key] = picked.value;
  return 'ok';
}

function modelDescription(model: string): string | undefined {
  if (/^V_2A/.test(model)) return vscode.l10n.t('fast; no negative prompt or palette');
  if (/^V_1/.test(model)) return vscode.l10n.t('oldest; no style type, resolution or palette');
  return model.endsWith('TURBO') ? vscode.l10n.t('faster') : undefined;
}

function shapeOf(aspect: string): string {
  const m = /^ASPECT_(\d+)_(\d+)$/.exec(aspect);
  if (!m) return '';
  const [w, h] = [Number(m[1]), Number(m[2])];
  return w === h ? vscode.l10n.t('square') : w > h ? vscode.l10n.t('landscape') : vscode.l10n.t('portrait');
}

type ReviewAction = 'generate' | 'negative' | 'seed' | 'resolution' | 'palette';

// The last step: "Generate" plus the advanced options, each editable in place; fields the model
// does not accept are not offered.
async function reviewStep(info: StepInfo, state: GenerateRequest): Promise<'ok' | typeof BACK | undefined> {
  for (;;) {
    const allows = modelAllows(state.model);
    const none = vscode.l10n.t('none');
    const choices: ValueItem<ReviewAction>[] = [
      { label: `$(sparkle) ${vscode.l10n.t('Generate')}`, value: 'generate', detail: summary(state) },
      { label: '', kind: vscode.QuickPickItemKind.Separator, value: 'generate' },
      ...(allows.negativePrompt ? [{ label: vscode.l10n.t('Negative prompt'), value: 'negative' as const, description: state.negative_prompt || none }] : []),
      { label: vscode.l10n.t('Seed'), value: 'seed', description: state.seed === undefined ? vscode.l10n.t('random') : String(state.seed) },
      ...(allows.resolution ? [{ label: vscode.l10n.t('Resolution'), value: 'resolution' as const, description: state.resolution ? resolutionLabel(state.resolution) : vscode.l10n.t('from aspect ratio') }] : []),
      ...(allows.stylePalette ? [{ label: vscode.l10n.t('Colour palette'), value: 'palette' as const, description: state.color_palette?.name ?? (state.color_palette ? vscode.l10n.t('custom') : none) }] : []),
    ];
    const picked = await pickStep(info, choices, { placeholder: vscode.l10n.t('Generate, or change an advanced option') });
    if (picked === undefined || picked === BACK) return picked;
    if (picked.value === 'generate') return 'ok';
    const sub = await editAdvanced(picked.value, info, state);
    if (sub === undefined) return undefined;
  }
}

async function editAdvanced(action: Exclude<ReviewAction, 'generate'>, info: StepInfo, state: GenerateRequest): Promise<'ok' | typeof BACK | undefined> {
  switch (action) {
    case 'negative': {
      const value = await inputStep(info, { prompt: vscode.l10n.t('What to keep out of the image (empty for none)'), value: state.negative_prompt ?? '' });
      if (typeof value === 'string') state.negative_prompt = value.trim() || undefined;
      return value === undefined ? undefined : 'ok';
    }
    case 'seed': {
      const value = await inputStep(info, {
        prompt: vscode.l10n.t('Seed from 0 to {0} (empty for random)', MAX_SEED),
        value: state.seed === undefined ? '' : String(state.seed),
        validate: (v) => (v.trim() === '' || (/^\d+$/.test(v.trim()) && Number(v) <= MAX_SEED) ? undefined : vscode.l10n.t('Enter a whole number from 0 to {0}, or leave it empty.', MAX_SEED)),
      });
      if (typeof value === 'string') state.seed = value.trim() === '' ? undefined : Number(value.trim());
      return value === undefined ? undefined : 'ok';
    }
    case 'resolution': {
      const fromAspect: ValueItem<string> = { label: vscode.l10n.t('Use the aspect ratio'), value: '', description: state.aspect_ratio ? aspectLabel(state.aspect_ratio) : undefined };
      const choices = [fromAspect, ...RESOLUTIONS.map((r) => ({ label: resolutionLabel(r), value: r as string, description: r }))];
      const picked = await pickStep(info, choices, { placeholder: vscode.l10n.t('Resolution (replaces the aspect ratio)'), active: state.resolution ?? '' });
      if (picked && picked !== BACK) {
        if (picked.value) {
          state.resolution = picked.value as GenerateRequest['resolution'];
        } else {
          delete state.resolution;
          state.aspect_ratio ??= 'ASPECT_1_1';
        }
      }
      return picked === undefined ? undefined : 'ok';
    }
    case 'palette': {
      const choices: ValueItem<string>[] = [{ label: vscode.l10n.t('None'), value: '' }, ...PALETTE_PRESETS.map((p) => ({ label: p, value: p as string }))];
      const picked = await pickStep(info, choices, { placeholder: vscode.l10n.t('Colour palette preset'), active: state.color_palette?.name ?? '' });
      if (picked && picked !== BACK) state.color_palette = picked.value ? { name: picked.value as (typeof PALETTE_PRESETS)[number] } : undefined;
      return picked === undefined ? undefined : 'ok';
    }
  }
}

function summary(state: GenerateRequest): string {
  return [
    state.model,
    state.resolution ? resolutionLabel(state.resolution) : state.aspect_ratio ? aspectLabel(state.aspect_ratio) : undefined,
    state.style_type,
    state.magic_prompt_option ? `magic ${state.magic_prompt_option}` : undefined,
    // Always shown: the number of images is what is billed (a folder's settings may have raised the default).
    vscode.l10n.t('{0} image(s)', state.num_images ?? 1),
  ].filter(Boolean).join(' · ');
}
