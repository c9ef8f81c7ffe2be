// The gallery shows the results of every workspace folder's output folder as one list: one index
// per folder, merged here page by page. Each index already answers newest first, so a page at
// `offset` needs only the first offset + limit matches of each, not a merge of everything.
import { newestFirst, type GalleryEntry } from './galleryEntry';
import { pageBounds, type GalleryPage, type GalleryQuery } from './galleryQuery';

/** An index and what identifies its folder to the caller (e.g. the workspace folder's Uri). */
export interface KeyedIndex<K> { key: K; index: { query(query: GalleryQuery): GalleryPage } }

/** A page across several folders: each entry with its folder's key, newest first, and the total of all matches. */
export interface MergedPage<K> { entries: { key: K; entry: GalleryEntry }[]; total: number }

/** One page of `query` over several indexes, in the gallery's order (equal entries keep the order of `sources`). */
export function queryAcross<K>(sources: readonly KeyedIndex<K>[], query: GalleryQuery = {}): MergedPage<K> {
  const { offset, limit } = pageBounds(query);
  let total = 0;
  const candidates: { key: K; entry: GalleryEntry }[] = [];
  for (const { key, index } of sources) {
    const page = index.query({ ...query, offset: 0, limit: offset + limit });
    total += page.total;
    for (const entry of page.entries) candidates.push({ key, entry });
  }
  // Array.prototype.sort is stable, so ties stay in the order of `sources`.
  candidates.sort((a, b) => newestFirst(a.entry, b.entry));
  return { entries: candidates.slice(offset, offset + limit), total };
}
