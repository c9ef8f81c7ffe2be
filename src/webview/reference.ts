// Reference image for remix, upscale and describe: the current choice, a searchable list of the
// workspace's images (the host searches; thumbnails come through asWebviewUri), an http(s) link
// pasted into the search box (a hosted image: no thumbnail, the page loads nothing from the
// network), and a drop zone for files dragged from the explorer.
import * as l10n from '@vscode/l10n';
import { isHttpUrl } from '../common/provider';
import type { ImageRef } from '../common/protocol';
import { debounce, h, replaceChildren } from './dom';
import type { VscodeTextfield } from './elements';
import { textField } from './fields';

/** The reference image picker. */
export class ReferencePicker {
  /** Root element. */
  readonly element: HTMLElement;
  private current: ImageRef | undefined;
  private readonly currentView: HTMLElement;
  private readonly list: HTMLElement;
  private readonly search: VscodeTextfield;
  private readonly error: HTMLElement;

  constructor(
    private readonly callbacks: { onSearch(query: string): void; onDrop(uris: string[]): void; onChange(): void },
  ) {
    this.currentView = h('div', { class: 'reference-current', 'aria-live': 'polite' });
    this.search = textField('reference-search', l10n.t('Search workspace images or paste an image link'), { placeholder: l10n.t('Search workspace images or paste an image link') });
    this.list = h('div', { class: 'image-list', role: 'list', 'aria-label': l10n.t('Workspace images') });
    this.error = h('div', { class: 'error', id: 'reference-error', 'aria-live': 'polite' });
    const searchNow = debounce((query: string) => callbacks.onSearch(query), 200);
    this.search.addEventListener('input', () => {
      if (isHttpUrl(this.search.value)) this.offerLink(this.search.value.trim());
      else searchNow(this.search.value);
    });
    this.element = h('section', { class: 'reference', id: 'reference', 'aria-labelledby': 'reference-heading' },
      h('h2', { id: 'reference-heading' }, l10n.t('Reference image')),
      this.currentView,
      this.error,
      this.search,
      this.list,
      h('p', { class: 'hint' }, l10n.t('Or drop an image from the Explorer here (hold Shift while dropping).')));
    this.renderCurrent();
  }

  /** The chosen image, if any. */
  get value(): ImageRef | undefined {
    return this.current;
  }

  set value(ref: ImageRef | undefined) {
    this.current = ref;
    this.error.textContent = '';
    this.renderCurrent();
    this.callbacks.onChange();
  }

  /** Shows "choose an image first" (a run was blocked). */
  showRequired(): void {
    this.error.textContent = l10n.t('Choose a reference image first.');
    this.search.focus();
  }

  /** Fills the list with the host's search results. */
  showImages(images: ImageRef[]): void {
    // A search answer that arrives after a link was pasted must not replace the link's choice.
    if (isHttpUrl(this.search.value)) return;
    const items = images.map((image) => {
      const button = h('button', { class: 'image-choice', type: 'button', title: image.label },
        h('img', { src: image.src, alt: '', loading: 'lazy' }),
        // The file name fits under a thumbnail; the full path is in the tooltip and the accessible name.
        h('span', { class: 'image-label' }, image.label.split('/').pop() ?? image.label));
      button.setAttribute('aria-label', image.label);
      button.addEventListener('click', () => { this.value = image; });
      return h('div', { role: 'listitem' }, button);
    });
    replaceChildren(this.list, ...items);
  }

  // The one choice for a pasted link; the host accepts it as a hosted image when the run starts.
  private offerLink(link: string): void {
    const button = h('button', { class: 'image-choice link-choice', type: 'button', id: 'reference-use-link', title: link }, l10n.t('Use the image at this link'));
    button.addEventListener('click', () => { this.value = { uri: link, src: '', label: link }; });
    replaceChildren(this.list, h('div', { role: 'listitem', class: 'link-item' }, button));
  }

  /** Accepts files dropped anywhere on the panel (explorer drags carry a uri list). */
  handleDrop(event: DragEvent): void {
    const uris = droppedUris(event);
    if (uris.length === 0) return;
    event.preventDefault();
    this.callbacks.onDrop(uris);
  }

  private renderCurrent(): void {
    if (!this.current) {
      replaceChildren(this.currentView, h('span', { class: 'muted' }, l10n.t('No image chosen yet.')));
      return;
    }
    const clear = h('vscode-button', { secondary: true, id: 'reference-clear' }, l10n.t('Clear'));
    clear.addEventListener('click', () => { this.value = undefined; });
    replaceChildren(this.currentView,
      // A hosted image has no src: its link is the label, and nothing is loaded from the network.
      this.current.src ? h('img', { src: this.current.src, alt: this.current.label, class: 'reference-thumb' }) : undefined,
      h('span', { class: 'image-label', id: 'reference-label' }, this.current.label),
      clear);
  }
}

/** The URIs a drop carries (explorer drags bring a uri list; a browser link is plain text). */
export function droppedUris(event: DragEvent): string[] {
  const data = event.dataTransfer;
  if (!data) return [];
  const raw = data.getData('application/vnd.code.uri-list') || data.getData('text/uri-list') || data.getData('text/plain');
  return raw.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
}
