// History: every earlier result in the output folder, newest first. The host reads the sidecars
// and pages them, so the webview only ever holds the pages the user has scrolled to.
import * as l10n from '@vscode/l10n';
import { fieldLabel } from '../common/request/labels';
import type { HistoryPage, ResultItem } from '../common/protocol';
import { debounce, h } from './dom';
import type { VscodeTextfield } from './elements';
import { textField } from './fields';

/** Entries per request to the host. */
export const HISTORY_PAGE_SIZE = 50;

/** The history section. */
export class HistoryView {
  /** Root element. */
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly count: HTMLElement;
  private readonly more: HTMLElement;
  private readonly search: VscodeTextfield;
  private loaded = 0;

  constructor(
    private readonly callbacks: { onRequest(query: string, offset: number, limit: number): void; onUse(item: ResultItem): void },
  ) {
    this.search = textField('history-search', l10n.t('Search history by prompt'), { placeholder: l10n.t('Search history by prompt') });
    this.count = h('p', { class: 'muted', id: 'history-count', 'aria-live': 'polite' });
    this.list = h('ul', { class: 'history-list', id: 'history' });
    this.more = h('vscode-button', { secondary: true, id: 'history-more', hidden: true }, l10n.t('Load more'));
    const refresh = h('vscode-button', { secondary: true, id: 'history-refresh' }, l10n.t('Refresh'));
    const searchNow = debounce(() => this.reload(), 200);
    this.search.addEventListener('input', searchNow);
    this.more.addEventListener('click', () => callbacks.onRequest(this.search.value, this.loaded, HISTORY_PAGE_SIZE));
    refresh.addEventListener('click', () => this.reload());
    this.element = h('section', { class: 'history', 'aria-labelledby': 'history-heading' },
      h('div', { class: 'section-head' }, h('h2', { id: 'history-heading' }, l10n.t('History')), refresh),
      this.search,
      this.count,
      this.list,
      this.more);
  }

  /** Asks the host for the first page of the current search. */
  reload(): void {
    this.callbacks.onRequest(this.search.value, 0, HISTORY_PAGE_SIZE);
  }

  /** Shows a page from the host (offset 0 replaces the list, later pages append). */
  showPage(page: HistoryPage): void {
    if (page.query !== this.search.value) return; // an answer to an older search
    if (page.offset === 0) {
      this.list.replaceChildren();
      this.loaded = 0;
    }
    for (const entry of page.entries) this.list.appendChild(this.row(entry));
    this.loaded = page.offset + page.entries.length;
    this.count.textContent = page.total === 0 ? l10n.t('No earlier results in the output folder.') : l10n.t('{0} of {1}', this.loaded, page.total);
    this.more.hidden = this.loaded >= page.total;
  }

  private row(entry: ResultItem): HTMLElement {
    const button = h('button', { type: 'button', class: 'history-entry', title: entry.prompt, 'aria-label': `${l10n.t('Use these settings')}: ${entry.prompt}` },
      h('img', { src: entry.src, alt: '', loading: 'lazy' }),
      h('span', { class: 'history-text' },
        h('span', { class: 'result-prompt' }, entry.prompt || entry.label),
        h('span', { class: 'muted' }, [entry.operation, entry.model, entry.seed !== undefined ? `${fieldLabel('seed')} ${entry.seed}` : undefined, entry.createdAt.slice(0, 16).replace('T', ' ')].filter(Boolean).join(' · '))));
    button.addEventListener('click', () => this.callbacks.onUse(entry));
    return h('li', {}, button);
  }
}
