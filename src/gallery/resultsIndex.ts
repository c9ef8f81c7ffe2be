// The results index of one output folder: every sidecar and its image, kept in memory in the
// gallery's order, restored from an index file in the extension's storage so a reopen shows the
// first page at once, then reconciled with the folder (list + stat; only sidecars whose stamp
// changed are read again), and updated live from file-system events. The index is a cache of the
// sidecars: whatever goes wrong with its file, a reconcile rebuilds it from the folder.
//
// Concurrency: reads are asynchronous, changes to the state are synchronous. While a reconcile or a
// live read is pending, live events are noted with a sequence number; when the pending work lands,
// anything a newer live event said about the same sidecar or image wins over its older reading.
import { parseSidecar, type Sidecar } from '../common/sidecar';
import type { FolderAccess, IndexStore, StampedText } from './folderAccess';
import { emptyChange, EntryStore, isEmptyChange, type GalleryChange } from './entryStore';
import { entryFromSidecar, type FileStamp, type GalleryEntry } from './galleryEntry';
import { filterKey, matchingEntries, pageOf, type GalleryPage, type GalleryQuery } from './galleryQuery';
import { decodeIndex, encodeIndex, type IgnoredFiles, type IndexContent } from './indexFile';
import { classifyResultPath, imagePathForSidecar, SIDECAR_FOLDER } from '../common/sidecarLocation';
import { mapInSlices } from './timeSlices';

export type { GalleryChange } from './entryStore';

/** What a file-system watcher reports. */
export type FileChangeKind = 'created' | 'changed' | 'deleted';

/** How many results there are of each operation and model, for the filter menus. */
export interface GalleryFacets {
  operations: { value: string; count: number }[];
  models: { value: string; count: number }[];
}

/** How the index was opened. */
export interface OpenOutcome {
  /** true when the index file was used (a reopen); false when the folder was read from scratch. */
  restored: boolean;
  /** Settles when the folder has been reconciled (already settled when not restored); never rejects. */
  reconciled: Promise<void>;
}

/** Something to call to stop listening. */
export interface Subscription { dispose(): void }

/** What the index is built from. */
export interface ResultsIndexOptions {
  folder: FolderAccess;
  store: IndexStore;
  /** Identity of the output folder (e.g. its path), written into the index file so one of another folder is never used. */
  folderId: string;
  /** Quiet time after a change before the index file is written again (default 2 s). */
  saveDelayMs?: number;
  /** Failures that do not stop the index (saving its file, a background reconcile, a listener that threw). */
  onError?: (error: unknown) => void;
}

const DEFAULT_SAVE_DELAY_MS = 2000;

const sameStamp = (a: FileStamp, b: FileStamp): boolean => a.mtimeMs === b.mtimeMs && a.size === b.size;
const withMissing = (entry: GalleryEntry, missingImage: boolean): GalleryEntry => ({ ...entry, missingImage });

/** The live, persisted index of one output folder's results. */
export class ResultsIndex {
  private readonly entries = new EntryStore();
  /** JSON files that are not sidecars, with the stamp they had when read. */
  private ignored: IgnoredFiles = new Map();
  /** `ignored` changed since the index file was last scheduled for saving. */
  private ignoredChanged = false;
  private readonly listeners = new Set<(change: GalleryChange) => void>();

  /** Bumped by every change; a cached match list is valid for one generation. */
  private generation = 0;
  private cache: { generation: number; key: string; matches: readonly GalleryEntry[] } | undefined;
  private facetCache: { generation: number; facets: GalleryFacets } | undefined;

  // Live events noted while asynchronous work is pending (see the header comment).
  private sequence = 0;
  private pendingWork = 0;
  private readonly liveSidecars = new Map<string, number>();
  private readonly liveImages = new Map<string, { seq: number; exists: boolean }>();
  /** The latest live event per sidecar path whose read is still pending: an older read is dropped. */
  private readonly pendingReads = new Map<string, number>();

  private opening: Promise<OpenOutcome> | undefined;
  private running: Promise<void> | undefined;
  private rerun: Promise<void> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(private readonly options: ResultsIndexOptions) {}

  /** How many results the folder has. */
  get size(): number { return this.entries.size; }

  /**
   * Restores the index from its file and reconciles it with the folder in the background; without a
   * usable file, reads the folder first. Either way, the index can be queried when this resolves.
   * Later calls return the same outcome. Rejects only when the folder cannot be read at all.
   */
  open(): Promise<OpenOutcome> {
    this.opening ??= this.openOnce();
    return this.opening;
  }

  /**
   * Brings the index in line with the folder: new, edited and vanished sidecars, images gone or back.
   * Calls made while one runs share a single follow-up run.
   */
  reconcile(): Promise<void> {
    if (!this.running) {
      this.running = this.reconcileOnce().finally(() => { this.running = undefined; });
      return this.running;
    }
    this.rerun ??= this.running.catch(() => undefined).then(() => {
      this.rerun = undefined;
      return this.reconcile();
    });
    return this.rerun;
  }

  /**
   * Applies one file-system event (`absolutePath` as the watcher reports it). Resolves once the index
   * reflects it: after `await applyChange(sidecar, 'created')` the new result is in queries. Never
   * rejects (a watcher callback has no one to tell): failures go to `onError`.
   */
  async applyChange(absolutePath: string, kind: FileChangeKind): Promise<void> {
    try {
      await this.applyChangeNow(absolutePath, kind);
    } catch (err) {
      this.report(err);
    }
  }

  private async applyChangeNow(absolutePath: string, kind: FileChangeKind): Promise<void> {
    const path = this.options.folder.relativePath(absolutePath);
    if (path === undefined) return;
    const what = classifyResultPath(path);
    switch (what.kind) {
      case 'sidecar':
        return this.sidecarChanged(path, kind);
      case 'file':
        return this.fileChanged(path, kind);
      case 'sidecarFolder':
      case 'root':
        // A whole folder went away or came back (its files may not get events of their own).
        if (kind === 'deleted') this.folderDeleted(what.kind === 'root' ? '' : `${SIDECAR_FOLDER}/`);
        else if (kind === 'created') await this.reconcile();
        return;
      case 'other':
        return;
    }
  }

  /** A page of the results matching `query`, newest first, with the total. Repeated paging of one query reuses its match list. */
  query(query: GalleryQuery = {}): GalleryPage {
    const key = filterKey(query);
    if (this.cache?.generation !== this.generation || this.cache.key !== key) {
      this.cache = { generation: this.generation, key, matches: matchingEntries(this.entries.sorted, query) };
    }
    return pageOf(this.cache.matches, query);
  }

  /** The entry with this id (its sidecar's path relative to the output folder). */
  get(id: string): GalleryEntry | undefined {
    return this.entries.get(id);
  }

  /** The whole sidecar of an entry, read from disk (the index keeps only what the grid needs). */
  async readSidecar(id: string): Promise<Sidecar | undefined> {
    const [read] = await this.options.folder.readAll([id]);
    return read && parseSidecar(read.text);
  }

  /** Operations and models present, most frequent first, for the filter menus (counted once per change). */
  facets(): GalleryFacets {
    if (this.facetCache?.generation !== this.generation) {
      const operations = new Map<string, number>();
      const models = new Map<string, number>();
      for (const entry of this.entries.sorted.all) {
        operations.set(entry.operation, (operations.get(entry.operation) ?? 0) + 1);
        if (entry.model !== undefined) models.set(entry.model, (models.get(entry.model) ?? 0) + 1);
      }
      const list = (counts: Map<string, number>): { value: string; count: number }[] =>
        [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
      this.facetCache = { generation: this.generation, facets: { operations: list(operations), models: list(models) } };
    }
    return this.facetCache.facets;
  }

  /** Calls `listener` after every change (batched: one call per reconcile or live event). */
  onDidChange(listener: (change: GalleryChange) => void): Subscription {
    this.listeners.add(listener);
    return { dispose: () => { this.listeners.delete(listener); } };
  }

  /** Writes the index file now if a change is waiting for it. */
  flush(): Promise<void> {
    if (this.saveTimer === undefined) return this.saving;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.saving = this.saving.then(() => this.save());
    return this.saving;
  }

  /** Stops listeners and timers after writing any pending change. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.listeners.clear();
    await this.flush();
  }

  private async openOnce(): Promise<OpenOutcome> {
    // Events that arrive while the file loads are newer than the file.
    const since = this.beginWork();
    try {
      let content: IndexContent | undefined;
      try {
        content = decodeIndex(await this.options.store.load(), this.options.folderId);
      } catch (err) {
        this.report(err); // unreadable: rebuilt below like a missing one
      }
      if (!content) {
        await this.reconcile();
        return { restored: false, reconciled: Promise.resolve() };
      }
      this.restore(content, since);
      return { restored: true, reconciled: this.reconcile().catch((err: unknown) => this.report(err)) };
    } finally {
      this.endWork();
    }
  }

  // ---- reconcile ----

  private async reconcileOnce(): Promise<void> {
    const since = this.beginWork();
    try {
      const { folder } = this.options;
      const root = await folder.list('');
      const subfolder = root?.folders.includes(SIDECAR_FOLDER) ? await folder.list(SIDECAR_FOLDER) : undefined;
      const candidates = [
        ...(root?.files ?? []),
        ...(subfolder?.files ?? []).map((name) => `${SIDECAR_FOLDER}/${name}`),
      ].filter((path) => classifyResultPath(path).kind === 'sidecar');
      const files = new Set(root?.files);
      const stamps = await folder.stampAll(candidates);
      const toRead = candidates.filter((path, i) => {
        const stamp = stamps[i];
        const known = this.entries.get(path)?.stamp ?? this.ignored.get(path);
        return stamp !== undefined && (known === undefined || !sameStamp(known, stamp));
      });
      const reads = await folder.readAll(toRead);
      const parsed = await mapInSlices(reads, (read) => read && { stamp: read.stamp, sidecar: parseSidecar(read.text) });
      this.applyReconcile(since, candidates.filter((_, i) => stamps[i] !== undefined), files, toRead, parsed);
    } finally {
      this.endWork();
    }
  }

  // Synchronous, so queries never see half a reconcile.
  private applyReconcile(
    since: number, present: readonly string[], files: ReadonlySet<string>, readPaths: readonly string[],
    parsed: readonly ({ stamp: FileStamp; sidecar: Sidecar | undefined } | undefined)[],
  ): void {
    const change = emptyChange();
    const liveAfter = (path: string): boolean => this.changedLiveSince(path, since);
    const imageExists = (image: string): boolean => this.imageSeenLiveSince(image, since) ?? files.has(image);
    // Vanished sidecars and non-sidecar files.
    const stillThere = new Set(present);
    this.entries.remove(this.entries.list().filter((entry) => !stillThere.has(entry.id) && !liveAfter(entry.id)), change);
    for (const path of [...this.ignored.keys()]) {
      if (!stillThere.has(path) && !liveAfter(path)) this.unignore(path);
    }
    // New and edited files.
    const added: GalleryEntry[] = [];
    readPaths.forEach((path, i) => {
      const result = parsed[i];
      if (liveAfter(path)) return;
      const previous = this.entries.get(path);
      if (!result) {
        // Gone between the listing and the read.
        if (previous) this.entries.remove([previous], change);
        this.unignore(path);
        return;
      }
      if (!result.sidecar) {
        if (previous) this.entries.remove([previous], change);
        this.ignore(path, result.stamp);
        return;
      }
      this.unignore(path);
      const entry = entryFromSidecar(path, result.sidecar, result.stamp, imageExists(imagePathForSidecar(result.sidecar.file)));
      if (previous) this.entries.replace(previous, entry, change);
      else added.push(entry);
    });
    this.entries.add(added, change);
    // Images gone or back (collected first: replacing changes the list being walked).
    const flips: GalleryEntry[] = [];
    for (const entry of this.entries.sorted.all) {
      const missing = !imageExists(entry.image);
      if (missing !== entry.missingImage) flips.push(withMissing(entry, missing));
    }
    for (const next of flips) this.entries.replace(this.entries.get(next.id) ?? next, next, change);
    this.publish(change);
  }

  // ---- live events ----

  private async sidecarChanged(path: string, kind: FileChangeKind): Promise<void> {
    const seq = this.note(path);
    if (kind === 'deleted') {
      this.pendingReads.delete(path);
      this.forget(path);
      return;
    }
    this.pendingReads.set(path, seq);
    const since = this.beginWork();
    try {
      const [read] = await this.options.folder.readAll([path]);
      if (this.pendingReads.get(path) !== seq) return; // a later event for this path decides
      const known = this.entries.get(path)?.stamp ?? this.ignored.get(path);
      if (read && known && sameStamp(known, read.stamp)) {
        this.pendingReads.delete(path); // already read as it is (a watcher repeating itself)
        return;
      }
      const sidecar = read && parseSidecar(read.text);
      let exists = false;
      if (sidecar) {
        const image = imagePathForSidecar(sidecar.file);
        const [stamp] = await this.options.folder.stampAll([image]);
        if (this.pendingReads.get(path) !== seq) return;
        exists = this.imageSeenLiveSince(image, since) ?? stamp !== undefined;
      }
      this.pendingReads.delete(path);
      this.settle(path, read, sidecar, exists);
    } finally {
      this.endWork();
    }
  }

  // The outcome of reading one sidecar path: an entry, an ignored file, or nothing.
  private settle(path: string, read: StampedText | undefined, sidecar: Sidecar | undefined, imageExists: boolean): void {
    if (!read) return this.forget(path);
    const previous = this.entries.get(path);
    const change = emptyChange();
    if (!sidecar) {
      if (previous) this.entries.remove([previous], change);
      this.ignore(path, read.stamp);
    } else {
      this.unignore(path);
      const entry = entryFromSidecar(path, sidecar, read.stamp, imageExists);
      if (previous) this.entries.replace(previous, entry, change);
      else this.entries.add([entry], change);
    }
    this.publish(change);
  }

  private fileChanged(path: string, kind: FileChangeKind): void {
    const exists = kind !== 'deleted';
    if (this.pendingWork > 0) this.liveImages.set(path, { seq: ++this.sequence, exists });
    const change = emptyChange();
    for (const entry of this.entries.entriesOfImage(path)) {
      // A watcher may report a re-created file as changed: either way the image is there.
      const current = entry.missingImage === exists ? this.entries.replace(entry, withMissing(entry, !exists), change) : entry;
      if (kind === 'changed') change.imageChanged.push(current);
    }
    this.publish(change);
  }

  private folderDeleted(prefix: string): void {
    const change = emptyChange();
    const gone = this.entries.list().filter((entry) => entry.id.startsWith(prefix));
    for (const entry of gone) this.note(entry.id);
    this.entries.remove(gone, change);
    for (const path of [...this.ignored.keys()]) if (path.startsWith(prefix)) this.unignore(path);
    this.publish(change);
  }

  private forget(path: string): void {
    this.unignore(path);
    const change = emptyChange();
    const previous = this.entries.get(path);
    if (previous) this.entries.remove([previous], change);
    this.publish(change);
  }

  // A live event for a sidecar path: newer than anything pending work has read of it.
  private note(path: string): number {
    const seq = ++this.sequence;
    if (this.pendingWork > 0) this.liveSidecars.set(path, seq);
    return seq;
  }

  // Whether a live event for this sidecar path came after `since`.
  private changedLiveSince(path: string, since: number): boolean {
    return (this.liveSidecars.get(path) ?? -1) > since;
  }

  // Whether the image exists according to a live event after `since`; undefined when none came.
  private imageSeenLiveSince(image: string, since: number): boolean | undefined {
    const live = this.liveImages.get(image);
    return live !== undefined && live.seq > since ? live.exists : undefined;
  }

  private beginWork(): number {
    this.pendingWork++;
    return this.sequence;
  }

  private endWork(): void {
    if (--this.pendingWork > 0) return;
    this.liveSidecars.clear();
    this.liveImages.clear();
  }

  // ---- state ----

  // What the file says, except where live events since `since` (during the load) said otherwise.
  private restore(content: IndexContent, since: number): void {
    for (const [path, stamp] of content.ignored) {
      if (!this.ignored.has(path) && !this.changedLiveSince(path, since)) this.ignored.set(path, stamp);
    }
    const entries = content.entries.filter((entry) => !this.entries.get(entry.id) && !this.changedLiveSince(entry.id, since)).map((entry) => {
      const exists = this.imageSeenLiveSince(entry.image, since);
      return exists === undefined || exists !== entry.missingImage ? entry : withMissing(entry, !exists);
    });
    const change = emptyChange();
    this.entries.add(entries, change);
    this.publish(change, { save: false });
  }

  private ignore(path: string, stamp: FileStamp): void {
    this.ignored.set(path, stamp);
    this.ignoredChanged = true;
  }

  private unignore(path: string): void {
    if (this.ignored.delete(path)) this.ignoredChanged = true;
  }

  // Tells listeners, and schedules a save when what the index file holds has changed.
  private publish(change: GalleryChange, options: { save: boolean } = { save: true }): void {
    const fileChanged = this.ignoredChanged || change.added.length > 0 || change.removed.length > 0 || change.updated.length > 0;
    this.ignoredChanged = false;
    if (options.save && fileChanged) this.scheduleSave();
    if (isEmptyChange(change)) return;
    this.generation++;
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (err) {
        this.report(err);
      }
    }
  }

  // ---- persistence ----

  private scheduleSave(): void {
    if (this.disposed) return;
    if (this.saveTimer !== undefined) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => { void this.flush(); }, this.options.saveDelayMs ?? DEFAULT_SAVE_DELAY_MS);
  }

  private async save(): Promise<void> {
    try {
      await this.options.store.save(encodeIndex(this.options.folderId, { entries: this.entries.sorted.all, ignored: this.ignored }));
    } catch (err) {
      this.report(err);
    }
  }

  private report(err: unknown): void {
    this.options.onError?.(err);
  }
}
