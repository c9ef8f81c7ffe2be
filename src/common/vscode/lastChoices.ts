// The one memory of the last generation choices, shared by the palette and the Studio (before,
// each kept its own and they disagreed: 16:9 in one, 1:1 in the other). Both read it for their
// starting values and write it after a run; "Generate Again with Last Settings" reads the last
// request. Kept in globalState, so it follows the user across workspaces.
import type * as vscode from 'vscode';
import type { RememberedChoices } from '../request/resolve';
import type { GenerateRequest } from '../request/schemas';

// The palette's key before the memory was shared: kept, so an update does not forget the choices.
const CHOICES_KEY = 'ideogram.generate.lastChoices';
const LAST_REQUEST_KEY = 'ideogram.generate.lastRequest';

/** The last choices (model, size, style, magic prompt, count) and the last generate request. */
export class LastChoices {
  constructor(private readonly state: vscode.Memento) {}

  /** The remembered choices, API field names ({} before the first run). */
  get(): RememberedChoices {
    return this.state.get<RememberedChoices>(CHOICES_KEY) ?? {};
  }

  /** The last generate request sent from the palette or the Studio, without its seed. */
  lastRequest(): GenerateRequest | undefined {
    return this.state.get<GenerateRequest>(LAST_REQUEST_KEY);
  }

  /**
   * Remembers what a run used. A field the request leaves out (a style for V_1, an aspect ratio
   * replaced by a resolution) keeps its earlier choice, so one V_1 run does not forget the style.
   */
  async remember(request: Partial<GenerateRequest>, operation: 'generate' | 'remix' = 'generate'): Promise<void> {
    const last = this.get();
    const choices: RememberedChoices = {
      model: request.model ?? last.model,
      aspect_ratio: request.aspect_ratio ?? last.aspect_ratio,
      style_type: request.style_type ?? last.style_type,
      magic_prompt_option: request.magic_prompt_option ?? last.magic_prompt_option,
      num_images: request.num_images ?? last.num_images,
    };
    await this.state.update(CHOICES_KEY, choices);
    if (operation === 'generate' && typeof request.prompt === 'string' && request.prompt.trim() !== '') {
      // The seed is left out: "again" means new images with the same settings.
      const { seed: _seed, ...again } = request as GenerateRequest;
      await this.state.update(LAST_REQUEST_KEY, again);
    }
  }
}
