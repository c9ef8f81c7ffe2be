// Filling a partial generate request from the settings and the last choices, and dropping the
// fields the chosen model does not take. Pure, so the rules are unit-tested in plain Node.
import type { GenerateRequest } from './schemas';
import { isV1Model, isV2AModel } from './validation';
import type { IdeogramSettings } from '../settingsSchema';

/** The choices remembered between Generate runs (globalState). */
export interface RememberedChoices {
  model?: string;
  aspect_ratio?: string;
  style_type?: string;
  magic_prompt_option?: string;
  num_images?: number;
}

/** Which optional fields a model accepts (legacy API rules). */
export function modelAllows(model: string | undefined): { negativePrompt: boolean; stylePalette: boolean; styleType: boolean; resolution: boolean } {
  return {
    negativePrompt: !isV2AModel(model),
    stylePalette: !isV2AModel(model) && !isV1Model(model),
    styleType: !isV1Model(model),
    resolution: !isV1Model(model),
  };
}

/** Removes fields the model does not accept (e.g. negative prompt for V_2A), so a changed model never yields a rejected request. */
export function applyModelRules<T extends Partial<GenerateRequest>>(req: T): T {
  const allows = modelAllows(req.model);
  const out = { ...req };
  if (!allows.negativePrompt) delete out.negative_prompt;
  if (!allows.stylePalette) delete out.color_palette;
  if (!allows.styleType) delete out.style_type;
  if (!allows.resolution) delete out.resolution;
  if (out.resolution) delete out.aspect_ratio;
  return out;
}

/**
 * Fills fields the caller left out: explicit values win, then the last choices, then the settings'
 * defaults. Resolution, when given, replaces the aspect ratio.
 */
export function fillGenerateDefaults(req: Partial<GenerateRequest> & { prompt: string }, settings: IdeogramSettings, last: RememberedChoices = {}): GenerateRequest {
  const d = settings.defaults;
  const filled = {
    model: last.model ?? d.model,
    ...(req.resolution ? {} : { aspect_ratio: last.aspect_ratio ?? d.aspectRatio }),
    style_type: last.style_type ?? d.styleType,
    magic_prompt_option: last.magic_prompt_option ?? d.magicPrompt,
    num_images: last.num_images ?? d.numImages,
    ...stripUndefined(req),
  } as GenerateRequest;
  // Only defaults are dropped for the model; an explicit field the model rejects is kept so that
  // validation names it instead of silently changing the request.
  const ruled = applyModelRules(filled);
  for (const key of ['negative_prompt', 'color_palette', 'style_type', 'aspect_ratio', 'resolution'] as const) {
    if (req[key] !== undefined) (ruled as Record<string, unknown>)[key] = req[key];
  }
  return ruled;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** "ASPECT_16_9" → "16:9". */
export function aspectLabel(aspect: string): string {
  const m = /^ASPECT_(\d+)_(\d+)$/.exec(aspect);
  return m ? `${m[1]}:${m[2]}` : aspect;
}

/** "RESOLUTION_1024_768" → "1024 × 768". */
export function resolutionLabel(resolution: string): string {
  const m = /^RESOLUTION_(\d+)_(\d+)$/.exec(resolution);
  return m ? `${m[1]} × ${m[2]}` : resolution;
}
