// The entries of one index and the ways to reach them: by id, in order, and by image (for live
// image events). Every change goes through here and is recorded in a GalleryChange, so the index
// publishes exactly what happened. Image lookups derive the sidecar's path from the image name
// (sidecarLocation.ts) instead of keeping a second map of 20,000 names: only sidecars that sit
// under another name (renamed or copied by hand) are remembered separately.
import type { GalleryEntry } from './galleryEntry';
import { isSidecarPathOf, sidecarPathsOf } from '../common/sidecarLocation';
import { SortedEntries } from './sortedEntries';

/** What changed in one step; `removed` holds the entries as they were. */
export interface GalleryChange {
  added: GalleryEntry[];
  removed: GalleryEntry[];
  /** Entries replaced by a newer version (same id): sidecar edited, image gone or back. */
  updated: GalleryEntry[];
  /** Entries whose image file was rewritten in place (a cached thumbnail of it is stale). */
  imageChanged: GalleryEntry[];
}

/** A change with nothing in it yet. */
export const emptyChange = (): GalleryChange => ({ added: [], removed: [], updated: [], imageChanged: [] });

/** Whether a change has anything in it. */
export const isEmptyChange = (c: GalleryChange): boolean => !c.added.length && !c.removed.length && !c.updated.length && !c.imageChanged.length;

// Above this many additions or removals in one step, rebuilding the order beats one splice per entry.
const BULK_THRESHOLD = 64;

/** The entries of one output folder. */
export class EntryStore {
  readonly sorted = new SortedEntries();
  private readonly byId = new Map<string, GalleryEntry>();
  /**
   * Image name → ids of sidecars naming it that are not at the path its name gives. Built on the
   * first image lookup (live image events come after the first page is shown), then kept up to date.
   */
  private elsewhere: Map<string, string[]> | undefined;

  /** How many entries there are. */
  get size(): number { return this.byId.size; }

  /** The entry with this id. */
  get(id: string): GalleryEntry | undefined { return this.byId.get(id); }

  /** Every entry, in no particular order (a copy: safe to change the store while iterating). */
  list(): GalleryEntry[] { return [...this.byId.values()]; }

  /** The entries whose sidecar names `image`. */
  entriesOfImage(image: string): GalleryEntry[] {
    if (!this.elsewhere) {
      this.elsewhere = new Map();
      for (const entry of this.byId.values()) this.link(entry);
    }
    const ids = [...sidecarPathsOf(image), ...(this.elsewhere.get(image) ?? [])];
    return ids.map((id) => this.byId.get(id)).filter((e): e is GalleryEntry => e?.image === image);
  }

  /** Adds entries (new ids). */
  add(entries: readonly GalleryEntry[], change: GalleryChange): void {
    for (const entry of entries) {
      this.byId.set(entry.id, entry);
      this.link(entry);
      change.added.push(entry);
    }
    if (entries.length > BULK_THRESHOLD) this.sorted.reset([...this.sorted.all, ...entries]);
    else for (const entry of entries) this.sorted.insert(entry);
  }

  /** Removes entries (as currently stored). */
  remove(entries: readonly GalleryEntry[], change: GalleryChange): void {
    for (const entry of entries) {
      this.byId.delete(entry.id);
      this.unlink(entry);
      change.removed.push(entry);
    }
    if (entries.length > BULK_THRESHOLD) this.sorted.reset(this.sorted.all.filter((entry) => this.byId.get(entry.id) === entry));
    else for (const entry of entries) this.sorted.remove(entry);
  }

  /** Replaces `previous` by `next` (same id); returns `next`. */
  replace(previous: GalleryEntry, next: GalleryEntry, change: GalleryChange): GalleryEntry {
    this.byId.set(next.id, next);
    if (previous.image !== next.image) {
      this.unlink(previous);
      this.link(next);
    }
    this.sorted.replace(previous, next);
    change.updated.push(next);
    return next;
  }

  private link(entry: GalleryEntry): void {
    if (!this.elsewhere || isSidecarPathOf(entry.id, entry.image)) return;
    const ids = this.elsewhere.get(entry.image);
    if (ids) ids.push(entry.id);
    else this.elsewhere.set(entry.image, [entry.id]);
  }

  private unlink(entry: GalleryEntry): void {
    if (!this.elsewhere) return;
    const ids = this.elsewhere.get(entry.image)?.filter((id) => id !== entry.id);
    if (ids?.length) this.elsewhere.set(entry.image, ids);
    else this.elsewhere.delete(entry.image);
  }
}
