// Results grid: one card per saved file, thumbnail loaded through asWebviewUri. A card has one
// primary action (Insert) and icon buttons with tooltips for the rest; the thumbnail opens the
// lightbox. File actions go to the host; the "… this" actions refill the form here.
import * as l10n from '@vscode/l10n';
import { fieldLabel } from '../common/request/labels';
import { billedImageCount } from '../common/studioForm';
import type { ImageRef, ResultItem } from '../common/protocol';
import { againLabel } from './billing';
import { iconButton, type CardIconName } from './cardIcons';
import { h, replaceChildren } from './dom';
import { Lightbox } from './lightbox';

/** What a card's buttons do. */
export type ResultAction = 'open' | 'reveal' | 'insert' | 'copyPrompt' | 'remix' | 'upscale' | 'describe' | 'again';

/** The actions a card shows as icons, in order: the ones that spend first, then the file's. */
const ICON_ACTIONS = ['again', 'remix', 'upscale', 'describe', 'copyPrompt', 'open', 'reveal'] as const satisfies readonly (ResultAction & CardIconName)[];

const ACTION_LABELS: Record<Exclude<ResultAction, 'again'>, () => string> = {
  open: () => l10n.t('Open'), reveal: () => l10n.t('Reveal'), insert: () => l10n.t('Insert'), copyPrompt: () => l10n.t('Copy prompt'),
  remix: () => l10n.t('Remix'), upscale: () => l10n.t('Upscale'), describe: () => l10n.t('Describe'),
};

// "Again" is the one icon that spends: its name says how many images it bills.
const actionLabel = (action: ResultAction, item: ResultItem): string =>
  action === 'again' ? againLabel(billedImageCount(item.parameters) ?? 1) : ACTION_LABELS[action]();

/** Builds one result card; `onView` opens the thumbnail large. */
export function resultCard(item: ResultItem, onAction: (action: ResultAction, item: ResultItem) => void, onView: () => void): HTMLElement {
  const text = item.returnedPrompt || item.prompt;
  // Secondary like the rest of the view: Run stays the one primary button, as VS Code's guidelines ask.
  const insert = h('vscode-button', { secondary: true, 'data-action': 'insert', 'aria-label': `${ACTION_LABELS.insert()}: ${item.label}` }, ACTION_LABELS.insert());
  insert.addEventListener('click', () => onAction('insert', item));
  const icons = ICON_ACTIONS.map((action) => iconButton(action, actionLabel(action, item), () => onAction(action, item), { 'data-action': action }));
  const thumb = h('button', { type: 'button', class: 'thumb-button', 'aria-label': `${l10n.t('View larger')}: ${item.label}` },
    h('img', { src: item.src, alt: text, class: 'result-thumb', loading: 'lazy' }));
  thumb.addEventListener('click', onView);
  // data-operation: the stylesheet puts results that can be see-through on a checkerboard.
  return h('article', { class: 'result-card', 'data-uri': item.uri, 'data-operation': item.operation, 'aria-label': item.label },
    thumb,
    h('div', { class: 'result-meta' },
      h('div', { class: 'image-label', title: item.label }, item.label),
      h('div', { class: 'result-prompt', title: text }, text),
      h('div', { class: 'muted' }, [item.model, item.seed !== undefined ? `${fieldLabel('seed')} ${item.seed}` : undefined, item.resolution].filter(Boolean).join(' · '))),
    h('div', { class: 'actions', role: 'toolbar', 'aria-label': `${l10n.t('Actions')}: ${item.label}` }, insert, ...icons));
}

/** The results section: cards of the last run, plus describe texts. */
export class ResultsView {
  /** Root element. */
  readonly element: HTMLElement;
  private readonly grid: HTMLElement;
  private readonly status: HTMLElement;
  private readonly lightbox: Lightbox;
  private cards: HTMLElement[] = [];

  constructor(
    private readonly callbacks: {
      onAction(action: ResultAction, item: ResultItem): void;
      onCopy(text: string): void;
      onUseAsPrompt(text: string): void;
      onWriteAltText(image: ImageRef, text: string): void;
    },
  ) {
    this.status = h('p', { class: 'muted', id: 'results-status' }, l10n.t('Saved images appear here.'));
    this.grid = h('div', { class: 'results-grid', id: 'results' });
    this.lightbox = new Lightbox((index) => this.cards[index]?.querySelector<HTMLElement>('.thumb-button')?.focus());
    this.element = h('section', { class: 'results', 'aria-labelledby': 'results-heading' },
      h('h2', { id: 'results-heading' }, l10n.t('Results')),
      this.status,
      this.grid,
      this.lightbox.element);
  }

  /** Shows the files of a finished run. */
  showResults(results: ResultItem[], blocked: number): void {
    this.status.textContent = blocked === 0 ? ''
      : blocked === 1 ? l10n.t('1 image was blocked by the safety filter; nothing was saved for it.')
        : l10n.t('{0} images were blocked by the safety filter; nothing was saved for them.', blocked);
    this.status.hidden = blocked === 0;
    this.cards = results.map((item, index) => resultCard(item, this.callbacks.onAction, () => this.lightbox.open(results, index)));
    // The grid picks its columns by the count (see studio.css): four make 2×2 or 4×1, never 3 + 1.
    this.grid.dataset.count = String(results.length);
    replaceChildren(this.grid, ...this.cards);
  }

  /** Shows the descriptions of one image with Copy / Use as prompt / Write as alt text. */
  showDescriptions(image: ImageRef, descriptions: string[]): void {
    this.status.hidden = true;
    this.cards = [];
    delete this.grid.dataset.count;
    const items = descriptions.map((text, index) => {
      const copy = h('vscode-button', { secondary: true, 'data-action': 'copy', 'aria-label': `${l10n.t('Copy')} ${index + 1}` }, l10n.t('Copy'));
      copy.addEventListener('click', () => this.callbacks.onCopy(text));
      const use = h('vscode-button', { secondary: true, 'data-action': 'use-as-prompt', 'aria-label': `${l10n.t('Use as prompt')} ${index + 1}` }, l10n.t('Use as prompt'));
      use.addEventListener('click', () => this.callbacks.onUseAsPrompt(text));
      const alt = h('vscode-button', { secondary: true, 'data-action': 'write-alt-text', 'aria-label': `${l10n.t('Write as alt text')} ${index + 1}` }, l10n.t('Write as alt text'));
      alt.addEventListener('click', () => this.callbacks.onWriteAltText(image, text));
      return h('li', { class: 'description' }, h('p', {}, text), h('div', { class: 'actions' }, copy, use, alt));
    });
    replaceChildren(this.grid,
      h('div', { class: 'describe-result' },
        h('img', { src: image.src, alt: image.label, class: 'reference-thumb' }),
        h('div', {},
          h('h3', {}, `${l10n.t('Descriptions')}: ${image.label}`),
          h('ol', { class: 'descriptions' }, ...items))));
  }
}
