// Results grid: one card per saved file, thumbnail loaded through asWebviewUri, with the actions
// the issue lists. File actions go to the host; the "… this" actions refill the form here.
import * as l10n from '@vscode/l10n';
import { fieldLabel } from '../common/request/labels';
import type { ImageRef, ResultItem } from '../common/protocol';
import { h, replaceChildren } from './dom';

/** What a card's buttons do. */
export type ResultAction = 'open' | 'reveal' | 'insert' | 'copyPrompt' | 'remix' | 'upscale' | 'describe' | 'again';

const ACTION_LABELS: Record<ResultAction, () => string> = {
  open: () => l10n.t('Open'), reveal: () => l10n.t('Reveal'), insert: () => l10n.t('Insert'), copyPrompt: () => l10n.t('Copy prompt'),
  remix: () => l10n.t('Remix'), upscale: () => l10n.t('Upscale'), describe: () => l10n.t('Describe'), again: () => l10n.t('Again (same seed)'),
};

/** Builds one result card (also used by the history list's detail). */
export function resultCard(item: ResultItem, onAction: (action: ResultAction, item: ResultItem) => void): HTMLElement {
  const actions = (Object.keys(ACTION_LABELS) as ResultAction[]).map((action) => {
    // All secondary: Run stays the one primary button of the view, as VS Code's guidelines ask.
    const button = h('vscode-button', { secondary: true, 'data-action': action, 'aria-label': `${ACTION_LABELS[action]()}: ${item.label}` }, ACTION_LABELS[action]());
    button.addEventListener('click', () => onAction(action, item));
    return button;
  });
  // data-operation: the stylesheet puts results that can be see-through on a checkerboard.
  return h('article', { class: 'result-card', 'data-uri': item.uri, 'data-operation': item.operation, 'aria-label': item.label },
    h('img', { src: item.src, alt: item.returnedPrompt || item.prompt, class: 'result-thumb', loading: 'lazy' }),
    h('div', { class: 'result-meta' },
      h('div', { class: 'image-label', title: item.label }, item.label),
      h('div', { class: 'result-prompt', title: item.returnedPrompt || item.prompt }, item.returnedPrompt || item.prompt),
      h('div', { class: 'muted' }, [item.model, item.seed !== undefined ? `${fieldLabel('seed')} ${item.seed}` : undefined, item.resolution].filter(Boolean).join(' · '))),
    h('div', { class: 'actions' }, ...actions));
}

/** The results section: cards of the last run, plus describe texts. */
export class ResultsView {
  /** Root element. */
  readonly element: HTMLElement;
  private readonly grid: HTMLElement;
  private readonly status: HTMLElement;

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
    this.element = h('section', { class: 'results', 'aria-labelledby': 'results-heading' },
      h('h2', { id: 'results-heading' }, l10n.t('Results')),
      this.status,
      this.grid);
  }

  /** Shows the files of a finished run. */
  showResults(results: ResultItem[], blocked: number): void {
    this.status.textContent = blocked > 0 ? l10n.t('{0} image(s) were blocked by the safety filter; nothing was saved for them.', blocked) : '';
    this.status.hidden = blocked === 0;
    replaceChildren(this.grid, ...results.map((item) => resultCard(item, this.callbacks.onAction)));
  }

  /** Shows the descriptions of one image with Copy / Use as prompt / Write as alt text. */
  showDescriptions(image: ImageRef, descriptions: string[]): void {
    this.status.hidden = true;
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
