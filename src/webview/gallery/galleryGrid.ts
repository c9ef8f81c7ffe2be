// The thumbnail grid: one listbox of results with multi-select, keyboard navigation (arrows, Home,
// End, Shift to extend, Space to toggle, Ctrl/Cmd+A, Escape, Enter to open, Delete) and drag out
// as text/uri-list, so VS Code's drop inserts the image into an editor. It knows nothing about the
// host: the caller feeds items and receives actions, so the Studio's History can reuse it.
import * as l10n from '@vscode/l10n';
import type { GalleryAction, GalleryItem } from '../../common/galleryProtocol';
import { h } from '../dom';

/** What the grid asks of its owner. */
export interface GalleryGridCallbacks {
  /** An action on the given items (the selection, or the focused item when nothing is selected). */
  onAction(action: GalleryAction, items: GalleryItem[]): void;
  /** The user scrolled near the end of what is loaded. */
  onNeedMore(): void;
  /** The selection or the focused item changed. */
  onSelectionChange(): void;
}

/** A listbox of result thumbnails. */
export class GalleryGrid {
  /** Root element. */
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly sentinel: HTMLElement;
  private items: GalleryItem[] = [];
  private readonly selected = new Set<string>();
  private focusedId: string | undefined;
  private anchorId: string | undefined;

  constructor(private readonly callbacks: GalleryGridCallbacks) {
    this.list = h('ul', { class: 'gallery-grid', id: 'gallery-grid', role: 'listbox', 'aria-multiselectable': 'true', 'aria-label': l10n.t('Results'), tabindex: 0 });
    this.sentinel = h('div', { class: 'gallery-sentinel', 'aria-hidden': 'true' });
    this.element = h('div', { class: 'gallery-grid-wrap' }, this.list, this.sentinel);
    this.list.addEventListener('keydown', (event) => this.onKey(event));
    this.list.addEventListener('focus', () => { if (!this.focusedId && this.items[0]) this.focus(this.items[0].id, false); });
    new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) callbacks.onNeedMore();
    }, { rootMargin: '400px' }).observe(this.sentinel);
  }

  /** Replaces the items (offset 0) or appends a later page; the selection keeps the ids still shown. */
  show(items: readonly GalleryItem[], append: boolean): void {
    if (!append) {
      this.items = [];
      this.list.replaceChildren();
    }
    const known = new Set(this.items.map((item) => item.id));
    for (const item of items) {
      if (known.has(item.id)) continue;
      this.items.push(item);
      this.list.appendChild(this.cell(item));
    }
    const shown = new Set(this.items.map((item) => item.id));
    for (const id of [...this.selected]) if (!shown.has(id)) this.selected.delete(id);
    if (this.focusedId && !shown.has(this.focusedId)) this.focusedId = undefined;
    this.refreshStates();
  }

  /** How many items are loaded. */
  get length(): number {
    return this.items.length;
  }

  /** The items actions apply to: the selection, else the focused item. */
  targets(): GalleryItem[] {
    const chosen = this.items.filter((item) => this.selected.has(item.id));
    if (chosen.length > 0) return chosen;
    const focused = this.items.find((item) => item.id === this.focusedId);
    return focused ? [focused] : [];
  }

  /** The focused item, for the details line. */
  focused(): GalleryItem | undefined {
    return this.items.find((item) => item.id === this.focusedId);
  }

  /** How many items are selected. */
  get selectedCount(): number {
    return this.selected.size;
  }

  private cell(item: GalleryItem): HTMLElement {
    const picture = item.missing
      ? h('div', { class: 'gallery-missing' }, l10n.t('Image missing'))
      : h('img', { src: item.src, alt: '', loading: 'lazy', decoding: 'async', draggable: 'false' });
    const name = `${item.prompt || item.label}${item.missing ? ` (${l10n.t('Image missing')})` : ''}`;
    const cell = h('li', {
      class: 'gallery-item', id: cellId(item.id), role: 'option', 'aria-selected': 'false', 'aria-label': name,
      title: `${item.prompt}\n${item.label}`, 'data-id': item.id, 'data-missing': item.missing, draggable: !item.missing ? 'true' : undefined,
    }, picture);
    cell.addEventListener('click', (event) => this.onClick(item, event));
    cell.addEventListener('dblclick', () => this.callbacks.onAction('open', [item]));
    cell.addEventListener('dragstart', (event) => this.onDragStart(item, event));
    return cell;
  }

  private onClick(item: GalleryItem, event: MouseEvent): void {
    if (event.shiftKey && this.anchorId) {
      this.selectRange(this.anchorId, item.id, event.ctrlKey || event.metaKey);
    } else if (event.ctrlKey || event.metaKey) {
      this.toggle(item.id);
      this.anchorId = item.id;
    } else {
      this.selected.clear();
      this.selected.add(item.id);
      this.anchorId = item.id;
    }
    this.focus(item.id, false);
  }

  // Dragging a selected item drags the whole selection; text/uri-list is what editors accept.
  private onDragStart(item: GalleryItem, event: DragEvent): void {
    if (!event.dataTransfer) return;
    const dragged = this.selected.has(item.id) ? this.targets().filter((i) => !i.missing) : [item];
    const uris = dragged.map((i) => i.imageUri);
    event.dataTransfer.setData('text/uri-list', uris.join('\r\n'));
    event.dataTransfer.setData('text/plain', uris.join('\n'));
    event.dataTransfer.effectAllowed = 'copyLink';
  }

  private onKey(event: KeyboardEvent): void {
    const index = this.items.findIndex((item) => item.id === this.focusedId);
    const columns = this.columns();
    const move = (to: number): void => {
      const target = this.items[Math.max(0, Math.min(this.items.length - 1, to))];
      if (!target) return;
      if (event.shiftKey) this.selectRange(this.anchorId ?? this.focusedId ?? target.id, target.id, false);
      else this.anchorId = target.id;
      this.focus(target.id, true);
    };
    const mod = event.ctrlKey || event.metaKey;
    switch (event.key) {
      case 'ArrowRight': move(index + 1); break;
      case 'ArrowLeft': move(index - 1); break;
      case 'ArrowDown': move(index < 0 ? 0 : index + columns); break;
      case 'ArrowUp': move(index - columns); break;
      case 'Home': move(0); break;
      case 'End': move(this.items.length - 1); break;
      case ' ':
        if (this.focusedId) {
          this.toggle(this.focusedId);
          this.anchorId = this.focusedId;
          this.refreshStates();
        }
        break;
      case 'a':
      case 'A':
        if (!mod) return;
        for (const item of this.items) this.selected.add(item.id);
        this.refreshStates();
        break;
      case 'Escape':
        if (this.selected.size === 0) return;
        this.selected.clear();
        this.refreshStates();
        break;
      case 'Enter':
        this.act('open');
        break;
      case 'Delete':
        this.act('delete');
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  private act(action: GalleryAction): void {
    const targets = this.targets();
    if (targets.length > 0) this.callbacks.onAction(action, targets);
  }

  // Columns of the CSS grid as laid out now (it reflows with the view's width).
  private columns(): number {
    const first = this.list.firstElementChild as HTMLElement | null;
    if (!first) return 1;
    const top = first.offsetTop;
    let count = 0;
    for (const child of Array.from(this.list.children) as HTMLElement[]) {
      if (child.offsetTop !== top) break;
      count++;
    }
    return Math.max(1, count);
  }

  private toggle(id: string): void {
    if (!this.selected.delete(id)) this.selected.add(id);
  }

  private selectRange(fromId: string, toId: string, keep: boolean): void {
    const from = this.items.findIndex((item) => item.id === fromId);
    const to = this.items.findIndex((item) => item.id === toId);
    if (from < 0 || to < 0) return;
    if (!keep) this.selected.clear();
    for (let i = Math.min(from, to); i <= Math.max(from, to); i++) this.selected.add(this.items[i]!.id);
  }

  private focus(id: string, scroll: boolean): void {
    this.focusedId = id;
    this.refreshStates();
    const cell = document.getElementById(cellId(id));
    if (scroll) cell?.scrollIntoView({ block: 'nearest' });
  }

  // aria-selected and the active descendant: the list keeps DOM focus, the focused cell is marked.
  private refreshStates(): void {
    for (const cell of Array.from(this.list.children) as HTMLElement[]) {
      const id = cell.dataset.id ?? '';
      cell.setAttribute('aria-selected', String(this.selected.has(id)));
      cell.classList.toggle('focused', id === this.focusedId);
    }
    if (this.focusedId) this.list.setAttribute('aria-activedescendant', cellId(this.focusedId));
    else this.list.removeAttribute('aria-activedescendant');
    this.callbacks.onSelectionChange();
  }
}

// Element ids from result ids (URIs): stable, and valid whatever characters the path has.
const cellIds = new Map<string, string>();
function cellId(id: string): string {
  let cell = cellIds.get(id);
  if (!cell) {
    cell = `gallery-item-${cellIds.size}`;
    cellIds.set(id, cell);
  }
  return cell;
}
