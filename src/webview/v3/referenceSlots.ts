// Reference slots of a 3.0 request: style references (several), one character reference and its
// optional mask. Each slot takes files dropped from the explorer (the host checks and measures
// them), shows thumbnails and its total against the API's limit, and lets a file be removed.
import * as l10n from '@vscode/l10n';
import { REFERENCE_SLOTS, type ReferenceSlot, type SizedImageRef } from '../../common/protocol';
import { h, replaceChildren } from '../dom';
import { droppedUris } from '../reference';
import { formatMegabytes, slotTotal, type ReferenceLimits } from './referenceTotals';

// Spelled l10n.t('…') every time: the extractor only finds calls written so.
const SLOT_LABELS: Record<ReferenceSlot, () => string> = {
  style: () => l10n.t('Style references'),
  character: () => l10n.t('Character reference'),
  characterMask: () => l10n.t('Character mask (optional)'),
};

/** The reference slots. */
export class ReferenceSlots {
  /** Root element. */
  readonly element: HTMLElement;
  private readonly files = new Map<ReferenceSlot, SizedImageRef[]>(REFERENCE_SLOTS.map((slot) => [slot, []]));
  private readonly views = new Map<ReferenceSlot, { list: HTMLElement; total: HTMLElement }>();

  constructor(
    private readonly limits: ReferenceLimits,
    private readonly callbacks: { onDrop(slot: ReferenceSlot, uris: string[]): void; onChange(): void },
  ) {
    const sections = REFERENCE_SLOTS.map((slot) => {
      const list = h('ul', { class: 'slot-files', 'aria-label': SLOT_LABELS[slot]() });
      const total = h('p', { class: 'slot-total muted', id: `slot-total-${slot}`, 'aria-live': 'polite' });
      this.views.set(slot, { list, total });
      const zone = h('div', { class: 'slot', id: `slot-${slot}`, 'data-slot': slot },
        h('h3', {}, SLOT_LABELS[slot]()), list, total,
        h('p', { class: 'hint' }, l10n.t('Drop images from the Explorer here (hold Shift while dropping).')));
      zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('drag-over'); });
      zone.addEventListener('dragleave', () => zone.classList.remove('drag-over'));
      zone.addEventListener('drop', (event) => {
        zone.classList.remove('drag-over');
        const uris = droppedUris(event);
        if (uris.length === 0) return;
        // This slot's drop, not the page's (which sets the main image).
        event.preventDefault();
        event.stopPropagation();
        this.callbacks.onDrop(slot, uris);
      });
      return zone;
    });
    this.element = h('section', { class: 'reference-slots', 'aria-labelledby': 'slots-heading' },
      h('h2', { id: 'slots-heading' }, l10n.t('References')), ...sections);
    for (const slot of REFERENCE_SLOTS) this.render(slot);
  }

  /** The files of one slot. */
  get(slot: ReferenceSlot): readonly SizedImageRef[] {
    return this.files.get(slot)!;
  }

  /** Adds files the host accepted for a slot (a file already there is not added twice). */
  add(slot: ReferenceSlot, images: readonly SizedImageRef[]): void {
    const files = this.files.get(slot)!;
    for (const image of images) if (!files.some((file) => file.uri === image.uri)) files.push(image);
    this.render(slot);
    this.callbacks.onChange();
  }

  /** Why the request would be refused because of its references; empty when it would not. */
  problems(): string[] {
    return REFERENCE_SLOTS.flatMap((slot) => this.total(slot).problem ?? []);
  }

  private total(slot: ReferenceSlot) {
    return slotTotal(slot, this.get(slot), this.get('character'), this.limits);
  }

  private remove(slot: ReferenceSlot, uri: string): void {
    this.files.set(slot, this.get(slot).filter((file) => file.uri !== uri));
    this.render(slot);
    this.callbacks.onChange();
  }

  private render(slot: ReferenceSlot): void {
    const view = this.views.get(slot)!;
    replaceChildren(view.list, ...this.get(slot).map((file) => {
      const remove = h('vscode-button', { secondary: true, 'data-action': 'remove', 'aria-label': `${l10n.t('Remove')}: ${file.label}` }, l10n.t('Remove'));
      remove.addEventListener('click', () => this.remove(slot, file.uri));
      return h('li', { class: 'slot-file', 'data-uri': file.uri },
        h('img', { src: file.src, alt: file.label, class: 'reference-thumb' }),
        h('span', { class: 'image-label', title: file.label }, file.label.split('/').pop() ?? file.label),
        h('span', { class: 'muted' }, formatMegabytes(file.bytes)),
        remove);
    }));
    const total = this.total(slot);
    view.total.textContent = total.problem ?? l10n.t('{0} of {1} allowed', formatMegabytes(total.bytes), formatMegabytes(total.limitBytes));
    view.total.classList.toggle('error', total.problem !== undefined);
    // Keep all slots' messages current: a character mask's problem depends on the character slot.
    if (slot === 'character') this.render('characterMask');
  }
}
