// "Ideogram: Generate Image…": with an options object (API field names) it runs without UI;
// otherwise one screen asks for the prompt (the editor selection, if any) with the remembered
// settings shown underneath: Enter generates, "Change settings…" opens the steps. The choices are
// the ones the Studio shares (services.lastChoices). "Generate Again with Last Settings" re-sends
// the last request with a new seed.
import * as vscode from 'vscode';
import { registerCommand } from '../../common/vscode/commands';
import { isV3Model } from '../../common/request/capabilities';
import { fieldLabel, magicPromptHint, modelHint, modelLabel, palettePresetItem, valueLabel } from '../../common/request/labels';
import { ASPECT_RATIOS, LEGACY_DEFAULTS, MAGIC_PROMPT_OPTIONS, MAX_SEED, MODELS, PALETTE_PRESETS, RANGES, RESOLUTIONS, STYLE_TYPES } from '../../common/request/legacy';
import { applyModelRules, modelAllows, resolve, resolveV3, toV3Value, v3DraftFromLegacy } from '../../common/request/resolve';
import type { GenerateRequest } from '../../common/request/schemas';
import { RENDERING_SPEEDS, V3_DEFAULTS, V3_MODEL } from '../../common/request/v3';
import { fieldProblem, requireValid, requireValidV3 } from '../../common/request/validation';
import type { IdeogramSettings } from '../../common/vscode/config';
import type { IdeogramServices } from '../../common/vscode/services';
import { billedV3, billingSummary, confirmSpend } from '../../common/vscode/spending';
import { BACK, inputStep, pickStep, type StepInfo, type ValueItem } from './quickInput';
import { announceResult, withOperationProgress } from './results';

/** Registers ideogram.generate and ideogram.generateAgain. Each returns the saved image Uris (undefined when cancelled or failed). */
export function registerGenerate(context: vscode.ExtensionContext, services: IdeogramServices): vscode.Disposable[] {
  return [
    registerCommand(services.boundary, 'ideogram.generate', vscode.l10n.t('Generate'), async (options?: unknown) => {
      const given = options && typeof options === 'object' && !(options instanceof vscode.Uri) ? options as Partial<GenerateRequest> : {};
      // Read once for this run: the request's defaults come from here (the save reads its folder's).
      const settings = services.settings(vscode.window.activeTextEditor?.document.uri);
      if (typeof given.prompt === 'string' && given.prompt.trim() !== '') {
        return runGenerate(context, services, resolve('generate', given, settings.defaults, services.lastChoices.get()) as GenerateRequest);
      }
      const request = await askForGenerateRequest(context, services, given, settings);
      return request ? runGenerate(context, services, request) : undefined;
    }),
    registerCommand(services.boundary, 'ideogram.generateAgain', vscode.l10n.t('Generate Again'), async () => {
      const last = services.lastChoices.lastRequest();
      // Nothing generated yet: the usual screen, which then becomes the "last settings".
      const request = last ?? await askForGenerateRequest(context, services);
      return request ? runGenerate(context, services, request) : undefined;
    }),
  ];
}

/** Sends a resolved generate request and saves the images (asking first above the image threshold). */
export async function runGenerate(
  _context: vscode.ExtensionContext,
  services: IdeogramServices,
  request: GenerateRequest,
): Promise<vscode.Uri[] | undefined> {
  const settings = services.settings(vscode.window.activeTextEditor?.document.uri);
  if (isV3Model(request.model)) return runGenerateV3(services, request, settings);
  // The closure keeps the request: Retry and "Set API Key" send exactly the same parameters.
  // Checked here, where the request was made (the palette's steps or a caller's options); the client checks again.
  const result = await services.boundary.run(vscode.l10n.t('Generate'), async () => {
    requireValid('generate', request);
    if (!await confirmSpend(settings, { count: request.num_images ?? 1, model: request.model })) return undefined;
    return withOperationProgress((request.num_images ?? 1) === 1 ? vscode.l10n.t('Ideogram: generating 1 image') : vscode.l10n.t('Ideogram: generating {0} images', request.num_images ?? 1), (opts) => services.images.generate(request, opts));
  });
  if (!result) return undefined;
  announceResult(services, result, request.prompt, vscode.l10n.t('Generate'));
  return result.saved.map((s) => s.uri);
}

// Ideogram 3.0 chosen in a model picker (or `model: 'V_3_API'` in the options): the request, in
// legacy names, becomes a 3.0 generate request and goes to the 3.0 route.
async function runGenerateV3(services: IdeogramServices, request: GenerateRequest, settings: IdeogramSettings): Promise<vscode.Uri[] | undefined> {
  const label = vscode.l10n.t('Generate');
  const result = await services.boundary.run(label, async () => {
    const v3 = requireValidV3('generate', resolveV3('generate', v3DraftFromLegacy(request), settings.defaults));
    const count = v3.num_images ?? 1;
    if (!await confirmSpend(settings, billedV3(count, v3.rendering_speed))) return undefined;
    return withOperationProgress(count === 1 ? vscode.l10n.t('Ideogram: generating 1 image') : vscode.l10n.t('Ideogram: generating {0} images', count), (opts) => services.images.v3('generate', v3, {}, opts));
  });
  if (!result) return undefined;
  announceResult(services, result, request.prompt, label);
  return result.saved.map((s) => s.uri);
}

function selectedText(): string {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return '';
  return editor.selections.map((s) => editor.document.getText(s)).join(' ').replace(/\s+/g, ' ').trim();
}

type Step = 'model' | 'speed' | 'aspect' | 'style' | 'magic' | 'count' | 'review';

/** The palette's request while it is edited: legacy field names, plus 3.0's speed when Ideogram 3.0 is chosen. */
type PaletteState = GenerateRequest & { rendering_speed?: string };

/** The "Change settings…" button of the prompt screen. */
function settingsButton(): vscode.QuickInputButton {
  return { iconPath: new vscode.ThemeIcon('settings-gear'), tooltip: vscode.l10n.t('Change settings…') };
}

/**
 * The palette flow; resolves the full request, or undefined when dismissed. One screen first (the
 * prompt, the remembered settings underneath, Enter generates); "Change settings…" walks the steps,
 * whose Back returns to the prompt screen.
 */
export async function askForGenerateRequest(
  _context: vscode.ExtensionContext,
  services: IdeogramServices,
  initial: Partial<GenerateRequest> = {},
  settings = services.settings(vscode.window.activeTextEditor?.document.uri),
): Promise<GenerateRequest | undefined> {
  const state = resolve('generate', { ...initial, prompt: initial.prompt || selectedText() }, settings.defaults, services.lastChoices.get()) as PaletteState;
  const title = vscode.l10n.t('Ideogram: Generate Image');
  for (;;) {
    const screen = await promptScreen(title, state, settings);
    if (screen === undefined) return undefined;
    if (screen === 'generate') break;
    const steps = await settingsSteps(title, state, settings);
    if (steps === undefined) return undefined;
    if (steps === 'ok') break;
  }
  const request = applyRules(state);
  // The shared memory (and the Studio's legacy form that starts from it) holds legacy choices only.
  if (!isV3Model(request.model)) await services.lastChoices.remember(request);
  return request;
}

// The first screen: the prompt, with the settings it will use and what it bills underneath.
async function promptScreen(title: string, state: PaletteState, settings: IdeogramSettings): Promise<'generate' | 'settings' | undefined> {
  const button = settingsButton();
  let wantsSettings = false;
  const value = await inputStep({ title }, {
    prompt: vscode.l10n.t('Enter to generate: {0}', summary(state, settings)),
    value: state.prompt,
    placeholder: vscode.l10n.t('A watercolour fox in the snow, soft morning light'),
    validate: (v) => fieldProblem('generate', 'prompt', v),
    buttons: [button],
    onButton: (pressed, typed) => {
      if (pressed !== button) return false;
      state.prompt = typed.trim();
      wantsSettings = true;
      return true;
    },
  });
  if (typeof value === 'string') {
    state.prompt = value.trim();
    return 'generate';
  }
  return wantsSettings ? 'settings' : undefined;
}

// The settings steps, counted after the prompt screen (step 1); BACK from the first returns to it.
async function settingsSteps(title: string, state: PaletteState, settings: IdeogramSettings): Promise<'ok' | typeof BACK | undefined> {
  const steps = (): Step[] => ['model', ...(isV3Model(state.model) ? ['speed' as const] : []), 'aspect', ...(modelAllows(state.model).styleType ? ['style' as const] : []), 'magic', 'count', 'review'];
  let index = 0;
  while (index < steps().length) {
    const flow = steps();
    const info: StepInfo = { title, step: index + 2, totalSteps: flow.length + 1 };
    const outcome = await runStep(flow[index], info, state, settings);
    if (outcome === undefined) return undefined;
    if (outcome === BACK) {
      if (index === 0) return BACK;
      index--;
      continue;
    }
    index++;
  }
  return 'ok';
}

/** The model's rules (on a copy), then drops an empty negative prompt and an unset seed. */
function applyRules(state: PaletteState): PaletteState {
  const out = applyModelRules(state);
  if (!out.negative_prompt) delete out.negative_prompt;
  if (out.seed === undefined) delete out.seed;
  return out;
}

// Enum values by their human label ("3D render", "Auto"); the API value stays in the item's value.
const labelled = <T extends string>(values: readonly T[], describe?: (v: T) => string | undefined): ValueItem<T>[] =>
  values.map((value) => ({ label: valueLabel(value), value, description: describe?.(value) }));

async function runStep(step: Step, info: StepInfo, state: PaletteState, settings: IdeogramSettings): Promise<'ok' | typeof BACK | undefined> {
  switch (step) {
    case 'model': {
      const models = [...MODELS, V3_MODEL].map((value) => ({ label: modelLabel(value), value: value as string, description: modelHint(value) }));
      const outcome = await pickInto(info, state, 'model', models, fieldLabel('model'));
      if (isV3Model(state.model)) {
        state.rendering_speed ??= V3_DEFAULTS.rendering_speed;
        // Legacy-only styles (3D render, Anime) and resolutions have no 3.0 counterpart here.
        if (toV3Value('style_type', state.style_type) === undefined) delete state.style_type;
        delete state.resolution;
        state.aspect_ratio ??= LEGACY_DEFAULTS.aspect_ratio;
      } else {
        delete state.rendering_speed;
      }
      return outcome;
    }
    case 'speed': {
      // Each speed with what the images would cost at it.
      const speeds = RENDERING_SPEEDS.map((value) => ({ label: valueLabel(value), value: value as string, description: billingSummary(settings, billedV3(state.num_images ?? 1, value)) }));
      const picked = await pickStep(info, speeds, { placeholder: fieldLabel('rendering_speed'), active: state.rendering_speed });
      if (picked === undefined || picked === BACK) return picked;
      state.rendering_speed = picked.value;
      return 'ok';
    }
    case 'aspect': {
      const choices = ASPECT_RATIOS.map((value) => ({ value, label: valueLabel(value) }));
      const picked = await pickStep(info, choices, { placeholder: fieldLabel('aspect_ratio'), active: state.aspect_ratio });
      if (picked === undefined || picked === BACK) return picked;
      state.aspect_ratio = picked.value;
      delete state.resolution;
      return 'ok';
    }
    case 'style': {
      // 3.0 takes the legacy styles it shares (its own extra styles are the Studio's).
      const styles = isV3Model(state.model) ? STYLE_TYPES.filter((style) => toV3Value('style_type', style) !== undefined) : STYLE_TYPES;
      return pickInto(info, state, 'style_type', labelled(styles), vscode.l10n.t('Style'));
    }
    case 'magic':
      return pickInto(info, state, 'magic_prompt_option', labelled(MAGIC_PROMPT_OPTIONS, magicPromptHint), fieldLabel('magic_prompt_option'));
    case 'count': {
      const { min, max } = RANGES.num_images;
      const counts = Array.from({ length: max - min + 1 }, (_, i) => ({ label: String(min + i), value: min + i }));
      const picked = await pickStep(info, counts, { placeholder: fieldLabel('num_images'), active: state.num_images });
      if (picked === undefined || picked === BACK) return picked;
      state.num_images = picked.value;
      return 'ok';
    }
    case 'review':
      return reviewStep(info, state, settings);
  }
}

async function pickInto<K extends 'model' | 'style_type' | 'magic_prompt_option'>(info: StepInfo, state: PaletteState, key: K, choices: ValueItem<string>[], placeholder: string): Promise<'ok' | typeof BACK | undefined> {
  const picked = await pickStep(info, choices, { placeholder, active: state[key] as string | undefined });
  if (picked === undefined || picked === BACK) return picked;
  (state as Record<string, unknown>)[key] = picked.value;
  return 'ok';
}

type ReviewAction = 'generate' | 'prompt' | 'negative' | 'seed' | 'resolution' | 'palette';

// The last step: "Generate" plus the advanced options, each editable in place; fields the model
// does not accept are not offered.
async function reviewStep(info: StepInfo, state: PaletteState, settings: IdeogramSettings): Promise<'ok' | typeof BACK | undefined> {
  for (;;) {
    const allows = modelAllows(state.model);
    const none = vscode.l10n.t('none');
    const choices: ValueItem<ReviewAction>[] = [
      { label: `$(sparkle) ${vscode.l10n.t('Generate')}`, value: 'generate', detail: summary(state, settings) },
      { label: '', kind: vscode.QuickPickItemKind.Separator, value: 'generate' },
      { label: fieldLabel('prompt'), value: 'prompt', description: state.prompt },
      ...(allows.negativePrompt ? [{ label: fieldLabel('negative_prompt'), value: 'negative' as const, description: state.negative_prompt || none }] : []),
      { label: fieldLabel('seed'), value: 'seed', description: state.seed === undefined ? vscode.l10n.t('random') : String(state.seed) },
      ...(allows.resolution && !isV3Model(state.model) ? [{ label: fieldLabel('resolution'), value: 'resolution' as const, description: state.resolution ? valueLabel(state.resolution) : vscode.l10n.t('from aspect ratio') }] : []),
      ...(allows.stylePalette ? [{ label: fieldLabel('color_palette'), value: 'palette' as const, description: state.color_palette?.name ? valueLabel(state.color_palette.name) : state.color_palette ? vscode.l10n.t('custom') : none }] : []),
    ];
    const picked = await pickStep(info, choices, { placeholder: vscode.l10n.t('Generate, or change an advanced option') });
    if (picked === undefined || picked === BACK) return picked;
    if (picked.value === 'generate') return 'ok';
    const sub = await editAdvanced(picked.value, info, state);
    if (sub === undefined) return undefined;
  }
}

async function editAdvanced(action: Exclude<ReviewAction, 'generate'>, info: StepInfo, state: PaletteState): Promise<'ok' | typeof BACK | undefined> {
  switch (action) {
    case 'prompt': {
      const value = await inputStep(info, { prompt: vscode.l10n.t('Describe the image to generate'), value: state.prompt, validate: (v) => fieldProblem('generate', 'prompt', v) });
      if (typeof value === 'string') state.prompt = value.trim();
      return value === undefined ? undefined : 'ok';
    }
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
      const choices: ValueItem<string>[] = [{ label: vscode.l10n.t('None'), value: '' }, ...PALETTE_PRESETS.map((p) => ({ ...palettePresetItem(p), value: p as string }))];
      const picked = await pickStep(info, choices, { placeholder: vscode.l10n.t('Colour palette preset'), active: state.color_palette?.name ?? '' });
      if (picked && picked !== BACK) state.color_palette = picked.value ? { name: picked.value as (typeof PALETTE_PRESETS)[number] } : undefined;
      return picked === undefined ? undefined : 'ok';
    }
  }
}

// The settings a run will use and what it bills, in the user's words: "V_2 · 16:9 (landscape) · Auto
// style · magic prompt Auto · 1 image billed · about $0.08".
function summary(state: PaletteState, settings: IdeogramSettings): string {
  const rules = applyRules(state);
  return [
    rules.model ? modelLabel(rules.model) : undefined,
    isV3Model(rules.model) ? vscode.l10n.t('{0} speed', valueLabel(rules.rendering_speed ?? V3_DEFAULTS.rendering_speed)) : undefined,
    rules.resolution ? valueLabel(rules.resolution) : rules.aspect_ratio ? valueLabel(rules.aspect_ratio) : undefined,
    rules.style_type ? vscode.l10n.t('{0} style', valueLabel(rules.style_type)) : undefined,
    rules.magic_prompt_option ? vscode.l10n.t('magic prompt {0}', valueLabel(rules.magic_prompt_option)) : undefined,
    // Always shown: the number of images is what is billed (a folder's settings may have raised the default).
    billingSummary(settings, isV3Model(rules.model) ? billedV3(rules.num_images ?? 1, rules.rendering_speed) : { count: rules.num_images ?? 1, model: rules.model }),
  ].filter(Boolean).join(' · ');
}
