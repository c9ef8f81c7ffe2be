// The large view of the run's results inside the panel: a modal <dialog> (the browser traps the
// focus and closes it on Escape), arrow keys and buttons step through the results, and on close
// the focus goes back to the card of the image shown last, so the keyboard user is where they were.
import * as l10n from '@vscode/l10n';
import type { ResultItem } from '../common/protocol';
import { iconButton } from './cardIcons';
import { h } from './dom';

/** One lightbox per results view. */
export class Lightbox {
  /** The dialog element (appended once to the results section). */
  readonly element: HTMLDialogElement;
  private readonly image: HTMLImageElement;
  private readonly caption: HTMLElement;
  private readonly position: HTMLElement;
  private readonly stepButtons: HTMLButtonElement[];
  private items: ResultItem[] = [];
  private index = 0;

  constructor(private readonly onClosed: (index: number) => void) {
    this.image = h('img', { class: 'lightbox-image', alt: '' });
    this.caption = h('p', { class: 'lightbox-caption', id: 'lightbox-caption' });
    this.position = h('span', { class: 'muted', id: 'lightbox-position' });
    const previous = iconButton('previous', l10n.t('Previous image (Left Arrow)'), () => this.step(-1));
    const next = iconButton('next', l10n.t('Next image (Right Arrow)'), () => this.step(1));
    const close = iconButton('close', l10n.t('Close (Escape)'), () => this.element.close());
    this.stepButtons = [previous, next];
    this.element = h('dialog', { class: 'lightbox', id: 'lightbox', 'aria-labelledby': 'lightbox-caption' },
      h('div', { class: 'lightbox-bar' }, previous, this.position, next, h('span', { class: 'spacer' }), close),
      this.image,
      this.caption);
    this.element.addEventListener('keydown', (event) => {
      const delta = event.key === 'ArrowLeft' ? -1 : event.key === 'ArrowRight' ? 1 : 0;
      if (delta === 0) return;
      event.preventDefault();
      this.step(delta);
    });
    // A click on the backdrop lands on the dialog itself (its content covers the rest).
    this.element.addEventListener('click', (event) => { if (event.target === this.element) this.element.close(); });
    this.element.addEventListener('close', () => this.onClosed(this.index));
  }

  /** Opens on `items[index]`. */
  open(items: ResultItem[], index: number): void {
    this.items = items;
    this.show(index);
    for (const button of this.stepButtons) button.hidden = items.length < 2;
    if (!this.element.open) this.element.showModal();
  }

  private step(delta: number): void {
    if (this.items.length < 2) return;
    this.show((this.index + delta + this.items.length) % this.items.length);
  }

  private show(index: number): void {
    const item = this.items[index];
    if (!item) return;
    this.index = index;
    const text = item.returnedPrompt || item.prompt;
    this.image.src = item.src;
    this.image.alt = text;
    this.caption.textContent = `${item.label} — ${text}`;
    this.position.textContent = l10n.t('{0} of {1}', index + 1, this.items.length);
  }
}
