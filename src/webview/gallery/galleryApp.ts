// The Gallery view's page: search and filters, the total, the toolbar of actions and the grid. It
// asks the host for one page at a time (more as the user scrolls) and asks again for what it shows
// when the host says the results changed.
import * as l10n from '@vscode/l10n';
import {
  GALLERY_MAX_BATCH, GALLERY_OPERATIONS, type FacetValue, type GalleryAction, type GalleryHostMessage,
  type GalleryItem, type GalleryPageMessage, type GalleryState,
} from '../../common/galleryProtocol';
import { assertNever } from '../../common/protocol';
import { fieldLabel } from '../../common/request/labels';
import { debounce, h } from '../dom';
import type { VscodeTextfield } from '../elements';
import { textField } from '../fields';
import { GalleryGrid } from './galleryGrid';
import { post, saveState } from './galleryHost';

// The toolbar, in the order shown; labels are looked up when drawn (after the bundle is loaded).
const TOOLBAR: { action: GalleryAction; label: () => string }[] = [
  { action: 'open', label: () => l10n.t('Open') },
  { action: 'insert', label: () => l10n.t('Insert') },
  { action: 'reveal', label: () => l10n.t('Reveal') },
  { action: 'copyPrompt', label: () => l10n.t('Copy prompt') },
  { action: 'copySeed', label: () => l10n.t('Copy seed') },
  { action: 'againSameSeed', label: () => l10n.t('Again (same seed)') },
  { action: 'againNewSeed', label: () => l10n.t('Again (new seed)') },
  { action: 'remix', label: () => l10n.t('Remix') },
  { action: 'upscale', label: () => l10n.t('Upscale') },
  { action: 'describe', label: () => l10n.t('Describe') },
  { action: 'openInStudio', label: () => l10n.t('Open in Studio') },
  { action: 'delete', label: () => l10n.t('Delete') },
];

const OPERATION_LABELS: Record<(typeof GALLERY_OPERATIONS)[number], () => string> = {
  generate: () => l10n.t('Generate'), remix: () => l10n.t('Remix'), upscale: () => l10n.t('Upscale'),
};

// A date input's value as local midnight (ms); undefined when empty or invalid.
function localDay(value: string, addDays = 0): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays).getTime();
}

/** The gallery page. */
export class GalleryApp {
  private readonly grid: GalleryGrid;
  private readonly search: VscodeTextfield;
  private readonly operation: HTMLSelectElement;
  private readonly model: HTMLSelectElement;
  private readonly from: HTMLInputElement;
  private readonly to: HTMLInputElement;
  private readonly total: HTMLElement;
  private readonly details: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly buttons: HTMLElement[] = [];
  private requestId = 0;
  private pending: number | undefined;
  private totalCount = 0;

  constructor(root: HTMLElement, private readonly pageSize: number, state: GalleryState) {
    this.search = textField('gallery-search', l10n.t('Search prompts, models and file names'), { placeholder: l10n.t('Search prompts, models and file names') });
    this.search.value = state.text ?? '';
    this.operation = h('select', { id: 'gallery-operation', 'aria-label': l10n.t('Operation') });
    this.model = h('select', { id: 'gallery-model', 'aria-label': fieldLabel('model') });
    this.from = h('input', { type: 'date', id: 'gallery-from', 'aria-label': l10n.t('From date'), value: state.from ?? '' });
    this.to = h('input', { type: 'date', id: 'gallery-to', 'aria-label': l10n.t('To date'), value: state.to ?? '' });
    this.fillSelect(this.operation, l10n.t('All operations'), GALLERY_OPERATIONS.map((op) => ({ value: op, label: OPERATION_LABELS[op]() })), state.operation ?? '');
    this.fillSelect(this.model, l10n.t('All models'), state.model ? [{ value: state.model, label: state.model }] : [], state.model ?? '');
    this.total = h('p', { class: 'muted', id: 'gallery-total', 'aria-live': 'polite' });
    this.details = h('p', { class: 'muted gallery-details', id: 'gallery-details' });
    this.notice = h('p', { class: 'muted', id: 'gallery-notice', role: 'status' });
    this.grid = new GalleryGrid({
      onAction: (action, items) => this.act(action, items),
      onNeedMore: () => this.loadMore(),
      onSelectionChange: () => this.selectionChanged(),
    });
    const toolbar = h('div', { class: 'gallery-toolbar', role: 'toolbar', 'aria-label': l10n.t('Actions on the selection') },
      ...TOOLBAR.map(({ action, label }) => {
        const button = h('vscode-button', { secondary: true, 'data-action': action, disabled: true }, label());
        button.addEventListener('click', () => this.act(action, this.grid.targets()));
        this.buttons.push(button);
        return button;
      }));
    const requery = debounce(() => this.reload(), 200);
    this.search.addEventListener('input', requery);
    for (const control of [this.operation, this.model, this.from, this.to]) control.addEventListener('change', () => this.reload());
    root.replaceChildren(
      h('div', { class: 'gallery-filters' }, this.search,
        h('div', { class: 'gallery-filter-row' }, this.operation, this.model),
        h('div', { class: 'gallery-filter-row' }, this.from, this.to)),
      this.total,
      toolbar,
      this.details,
      this.notice,
      this.grid.element);
    root.removeAttribute('aria-busy');
    this.reload();
  }

  /** Handles a message from the host. */
  handle(message: GalleryHostMessage): void {
    switch (message.type) {
      case 'init':
        return;
      case 'page':
        return this.showPage(message);
      case 'changed':
        // Ask again for everything shown (up to a batch), so the grid keeps its place and selection.
        return this.request(0, Math.min(GALLERY_MAX_BATCH, Math.max(this.pageSize, this.grid.length)));
      case 'notice':
        this.notice.textContent = message.message;
        return;
      default:
        assertNever(message);
    }
  }

  private reload(): void {
    saveState({ text: this.search.value, operation: this.operation.value, model: this.model.value, from: this.from.value, to: this.to.value });
    this.request(0, this.pageSize);
  }

  private loadMore(): void {
    if (this.pending !== undefined || this.grid.length >= this.totalCount || this.grid.length === 0) return;
    this.request(this.grid.length, this.pageSize);
  }

  private request(offset: number, limit: number): void {
    this.pending = ++this.requestId;
    const operation = this.operation.value as (typeof GALLERY_OPERATIONS)[number] | '';
    post({
      type: 'query',
      requestId: this.requestId,
      text: this.search.value.slice(0, 200),
      operations: operation ? [operation] : [],
      models: this.model.value ? [this.model.value] : [],
      createdFrom: localDay(this.from.value),
      createdBefore: localDay(this.to.value, 1),
      offset,
      limit,
    });
  }

  private showPage(page: GalleryPageMessage): void {
    if (page.requestId !== this.requestId) return; // an answer to an older query
    this.pending = undefined;
    this.totalCount = page.total;
    this.grid.show(page.items, page.offset > 0);
    this.total.textContent = page.total === 0 ? l10n.t('No results match.') : l10n.t('{0} results', page.total);
    this.updateModels(page.facets.models);
  }

  // The model menu lists the models present (with counts); the chosen one stays even when absent.
  private updateModels(models: FacetValue[]): void {
    const current = this.model.value;
    const choices = models.map(({ value, count }) => ({ value, label: `${value} (${count})` }));
    if (current && !models.some((m) => m.value === current)) choices.push({ value: current, label: current });
    this.fillSelect(this.model, l10n.t('All models'), choices, current);
  }

  private fillSelect(select: HTMLSelectElement, allLabel: string, choices: { value: string; label: string }[], value: string): void {
    select.replaceChildren(h('option', { value: '' }, allLabel), ...choices.map((c) => h('option', { value: c.value }, c.label)));
    select.value = value;
  }

  private selectionChanged(): void {
    const count = this.grid.targets().length;
    for (const button of this.buttons) button.toggleAttribute('disabled', count === 0);
    const item = this.grid.focused();
    this.details.textContent = item ? describe(item, this.grid.selectedCount) : '';
  }

  private act(action: GalleryAction, items: GalleryItem[]): void {
    if (items.length === 0) return;
    this.notice.textContent = '';
    post({ type: 'action', action, ids: items.slice(0, GALLERY_MAX_BATCH).map((item) => item.id) });
  }
}

// The focused result in one line: operation, model, seed, date, size, file (and the selection count).
function describe(item: GalleryItem, selected: number): string {
  return [
    selected > 1 ? l10n.t('{0} selected', selected) : undefined,
    item.operation,
    item.model,
    item.seed !== undefined ? `${fieldLabel('seed')} ${item.seed}` : undefined,
    new Date(item.createdAt).toLocaleString(),
    item.width && item.height ? `${item.width}×${item.height}` : undefined,
    item.label,
  ].filter(Boolean).join(' · ');
}
