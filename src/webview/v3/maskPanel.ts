// The Studio's "Edit (inpaint)" surface: the image at its real resolution under the mask editor,
// as tall as the panel leaves room for. The user paints what should change; which colour means
// "change" is the endpoint's business and stays here.
import * as l10n from '@vscode/l10n';
import type { ImageRef } from '../../common/protocol';
import { h } from '../dom';
import { MaskLoadError, type MaskPolarity } from '../mask';
import '../mask';

/**
 * Polarity of the mask Ideogram 3.0's /inpaint and its predecessor /edit take: black marks the
 * region to change (ideogram-v3.md §1.4).
 */
export const INPAINT_MASK_POLARITY: MaskPolarity = 'black-edits';

/** The mask editor over one image, sized to the panel. */
export class MaskPanel {
  /** Root element. */
  readonly element: HTMLElement;
  private readonly editor = document.createElement('ideogram-mask-editor');
  private readonly status: HTMLElement;
  private image: ImageRef | undefined;

  constructor(private readonly onChange: (empty: boolean) => void) {
    this.editor.id = 'v3-mask-editor';
    this.editor.classList.add('v3-mask-editor');
    this.status = h('p', { class: 'muted', id: 'v3-mask-status', 'aria-live': 'polite' }, l10n.t('Choose an image to paint on.'));
    this.editor.hidden = true;
    this.editor.addEventListener('change', (event) => this.onChange((event as CustomEvent<{ empty: boolean }>).detail.empty));
    this.element = h('section', { class: 'v3-mask', 'aria-labelledby': 'v3-mask-heading' },
      h('h2', { id: 'v3-mask-heading' }, l10n.t('Paint what should change')),
      this.status,
      this.editor);
  }

  /** The image being edited. */
  get value(): ImageRef | undefined {
    return this.image;
  }

  /**
   * Shows `image` with an empty mask. The browser shows it upright (EXIF orientation applied), so
   * the mask has the upright size; the host turns the upload the same way before sending.
   */
  async load(image: ImageRef): Promise<void> {
    this.image = image;
    this.editor.hidden = false;
    this.status.textContent = image.label;
    try {
      await this.editor.loadImage(image.src);
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return; // another image replaced it
      this.image = undefined;
      this.status.textContent = err instanceof MaskLoadError ? err.message : l10n.t('The image could not be shown.');
    }
    this.onChange(this.editor.isEmpty());
  }

  /** True while nothing is painted (nothing to send). */
  isEmpty(): boolean {
    return this.editor.isEmpty();
  }

  /** The mask as the endpoint wants it: a PNG of the image's exact size. */
  exportMask(): Promise<Uint8Array> {
    return this.editor.exportMask({ polarity: INPAINT_MASK_POLARITY });
  }
}
