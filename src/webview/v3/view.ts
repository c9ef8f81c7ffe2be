// The Studio's Ideogram 3.0 tab: Edit (inpaint) — the prompt, the mask painted over the image, and
// the reference slots. It builds the run message; the app's run bar sends it and shows progress.
import * as l10n from '@vscode/l10n';
import type { ReferenceSlot, SizedImageRef, StudioImageRole, WebviewMessage } from '../../common/protocol';
import { h } from '../dom';
import type { VscodeTextarea } from '../elements';
import { fieldRow, textArea } from '../fields';
import { MaskPanel } from './maskPanel';
import { ReferenceSlots } from './referenceSlots';
import type { ReferenceLimits } from './referenceTotals';

/** What the 3.0 tab asks of the page around it. */
export interface V3ViewCallbacks {
  onDropReferences(slot: ReferenceSlot, uris: string[]): void;
  onChange(): void;
}

/** The 3.0 tab. */
export class V3View {
  /** Root element. */
  readonly element: HTMLElement;
  private readonly mask: MaskPanel;
  private readonly slots: ReferenceSlots;
  private readonly prompt: VscodeTextarea;
  private readonly problems: HTMLElement;

  constructor(limits: ReferenceLimits, callbacks: V3ViewCallbacks) {
    this.mask = new MaskPanel(() => callbacks.onChange());
    this.slots = new ReferenceSlots(limits, { onDrop: (slot, uris) => callbacks.onDropReferences(slot, uris), onChange: () => callbacks.onChange() });
    this.prompt = textArea('v3-prompt', l10n.t('What should the painted region become?'), 3);
    this.prompt.addEventListener('input', () => callbacks.onChange());
    this.problems = h('div', { class: 'error', id: 'v3-problems', 'aria-live': 'polite' });
    this.element = h('div', { class: 'v3', id: 'v3-panel' },
      h('h2', {}, l10n.t('Edit (inpaint)')),
      fieldRow('v3-prompt', l10n.t('Prompt'), this.prompt, 'prompt').row,
      this.mask.element,
      this.slots.element,
      this.problems);
  }

  /** Puts an image where an explorer command asked: the mask editor or a reference slot. */
  open(role: StudioImageRole, image: SizedImageRef): void {
    switch (role) {
      case 'edit': void this.mask.load(image); return;
      case 'styleReference': this.slots.add('style', [image]); return;
      case 'characterReference': this.slots.add('character', [image]); return;
    }
  }

  /** Adds images the host accepted for a slot. */
  addReferences(slot: ReferenceSlot, images: readonly SizedImageRef[]): void {
    this.slots.add(slot, images);
  }

  /** What keeps the request from being sent, in the user's words; empty when it can run. */
  check(): string[] {
    const problems = [
      this.mask.value ? undefined : l10n.t('Choose an image to paint on (Edit (inpaint) in the Explorer\'s Ideogram menu).'),
      this.mask.value && this.mask.isEmpty() ? l10n.t('Paint the region that should change.') : undefined,
      this.prompt.value.trim() === '' ? l10n.t('Say what the painted region should become.') : undefined,
      ...this.slots.problems(),
    ].filter((problem): problem is string => problem !== undefined);
    this.problems.textContent = problems.join(' ');
    return problems;
  }

  /** The run message: the mask exported at the image's exact size, as base64. */
  async runMessage(): Promise<WebviewMessage> {
    const mask = await this.mask.exportMask();
    return {
      type: 'v3Run',
      operation: 'inpaint',
      prompt: this.prompt.value,
      image: this.mask.value!.uri,
      mask: toBase64(mask),
      references: { style: this.uris('style'), character: this.uris('character'), characterMask: this.uris('characterMask') },
    };
  }

  private uris(slot: ReferenceSlot): string[] {
    return this.slots.get(slot).map((image) => image.uri);
  }
}

/** Base64 of bytes, in chunks (String.fromCharCode takes a limited number of arguments). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
