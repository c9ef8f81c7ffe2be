// "Ideogram: Generate Image…": with an options object (API field names) it runs without UI;
// otherwise a multi-step quick input asks for the prompt (the editor selection, if any) and the
// parameters, remembering the last choices.
import * as vscode from 'vscode';
import { registerCommand } from '../../common/vscode/commands';
import { aspectShape, fieldLabel, magicPromptHint, modelHint, valueLabel } from '../../common/request/labels';
import { ASPECT_RATIOS, LEGACY_DEFAULTS, MAGIC_PROMPT_OPTIONS, MAX_SEED, MODELS, PALETTE_PRESETS, RANGES, RESOLUTIONS, STYLE_TYPES } from '../../common/request/legacy';
import { applyModelRules, modelAllows, resolve, type RememberedChoices } from '../../common/request/resolve';
import type { GenerateRequest } from '../../common/request/schemas';
import { fieldProblem, requireValid } from '../../common/request/validation';
import type { IdeogramServices } from '../../common/vscode/services';
import { BACK, inputStep, pickStep, type StepInfo, type ValueItem } from './quickInput';
import { announceResult, withOperationProgress } from './results';

const LAST_CHOICES_KEY = 'ideogram.generate.lastChoices';

/** Registers ideogram.generate. Returns the saved image Uris (undefined when cancelled or failed). */
export function registerGenerate(context: vscode.ExtensionContext, services: IdeogramServices): vscode.Disposable {
  return registerCommand(services.boundary, 'ideogram.generate', vscode.l10n.t('Generate'), async (options?: unknown) => {
    const given = options && typeof options === 'object' && !(options instanceof vscode.Uri) ? options as Partial<GenerateRequest> : {};
    // Read once for this run: the request's defaults come from here (the save reads its folder's).
    const settings = services.settings(vscode.window.activeTextEditor?.document.uri);
    if (typeof given.prompt === 'string' && given.prompt.trim() !== '') {
      return runGenerate(context, services, resolve('generate', given, settings.defaults, lastChoices(context)) as GenerateRequest);
    }
    const request = await askForGenerateRequest(context, services, given, settings);
    return request ? runGenerate(context, services, request) : undefined;
  });
}

/** Sends a resolved generate request and saves the images. */
export async function runGenerate(
  _context: vscode.ExtensionContext,
  services: IdeogramServices,
  request: GenerateRequest,
): Promise<vscode.Uri[] | undefined> {
  // The closure keeps the request: Retry and "Set API Key" send exactly the same parameters.
  // Checked here, where the request was made (the palette's steps or a caller's options); the client checks again.
  const result = await services.boundary.run(vscode.l10n.t('Generate'), async () => {
    requireValid('generate', request);
    return withOperationProgress((request.num_images ?? 1) === 1 ? vscode.l10n.t('Ideogram: generating 1 image') : vscode.l10n.t('Ideogram: generating {0} images', request.num_images ?? 1), (opts) => services.images.generate(request, opts));
  });
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
  settings = services.settings(vscode.window.activeTextEditor?.document.uri),
): Promise<GenerateRequest | undefined> {
  const last = lastChoices(context);
  const state = resolve('generate', { ...initial, prompt: initial.prompt || selectedText() }, settings.defaults, last) as GenerateRequest;
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
        validate: (v) => fieldProblem('generate', 'prompt', v),
      });
      if (typeof value === 'string') state.prompt = value.trim();
      return typeof value === 'string' ? 'ok' : value;
    }
    case 'model':
      return pickInto(info, state, 'model', items(MODELS, modelHint), fieldLabel('model'));
    case 'aspect': {
      const choices = ASPECT_RATIOS.map((value) => ({ value, label: valueLabel(value), description: `${aspectShape(value)} · ${value}` }));
      const picked = await pickStep(info, choices, { placeholder: fieldLabel('aspect_ratio'), active: state.aspect_ratio });
      if (picked === undefined || picked === BACK) return picked;
      state.aspect_ratio = picked.value;
      delete state.resolution;
      return 'ok';
    }
    case 'style':
      return pickInto(info, state, 'style_type', items(STYLE_TYPES), vscode.l10n.t('Style'));
    case 'magic':
      return pickInto(info, state, 'magic_prompt_option', items(MAGIC_PROMPT_OPTIONS, magicPromptHint), fieldLabel('magic_prompt_option'));
    case 'count': {
      const { min, max } = RANGES.num_images;
      const counts = Array.from({ length: max - min + 1 }, (_, i) => ({ label: String(min + i), value: min + i }));
      const picked = await pickStep(info, counts, { placeholder: fieldLabel('num_images'), active: state.num_images });
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
      ...(allows.negativePrompt ? [{ label: fieldLabel('negative_prompt'), value: 'negative' as const, description: state.negative_prompt || none }] : []),
      { label: fieldLabel('seed'), value: 'seed', description: state.seed === undefined ? vscode.l10n.t('random') : String(state.seed) },
      ...(allows.resolution ? [{ label: fieldLabel('resolution'), value: 'resolution' as const, description: state.resolution ? valueLabel(state.resolution) : vscode.l10n.t('from aspect ratio') }] : []),
      ...(allows.stylePalette ? [{ label: fieldLabel('color_palette'), value: 'palette' as const, description: state.color_palette?.name ?? (state.color_palette ? vscode.l10n.t('custom') : none) }] : []),
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
        validate: (v) => (v.trim() === '' ? undefined : fieldProblem('generate', 'seed', /^\d+$/.test(v.trim()) ? Number(v) : v, { prompt: state.prompt })),
      });
      if (typeof value === 'string') state.seed = value.trim() === '' ? undefined : Number(value.trim());
      return value === undefined ? undefined : 'ok';
    }
    case 'resolution': {
      const fromAspect: ValueItem<string> = { label: vscode.l10n.t('Use the aspect ratio'), value: '', description: state.aspect_ratio ? valueLabel(state.aspect_ratio) : undefined };
      const choices = [fromAspect, ...RESOLUTIONS.map((r) => ({ label: valueLabel(r), value: r as string, description: r }))];
      const picked = await pickStep(info, choices, { placeholder: vscode.l10n.t('Resolution (replaces the aspect ratio)'), active: state.resolution ?? '' });
      if (picked && picked !== BACK) {
        if (picked.value) {
          state.resolution = picked.value as GenerateRequest['resolution'];
        } else {
          delete state.resolution;
          state.aspect_ratio ??= LEGACY_DEFAULTS.aspect_ratio;
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
    state.resolution ? valueLabel(state.resolution) : state.aspect_ratio ? valueLabel(state.aspect_ratio) : undefined,
    state.style_type,
    state.magic_prompt_option ? `magic ${state.magic_prompt_option}` : undefined,
    // Always shown: the number of images is what is billed (a folder's settings may have raised the default).
    (state.num_images ?? 1) === 1 ? vscode.l10n.t('1 image') : vscode.l10n.t('{0} images', state.num_images ?? 1),
  ].filter(Boolean).join(' · ');
}
