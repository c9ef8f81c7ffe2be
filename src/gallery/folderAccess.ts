// What the results index needs from the outside world, injected so the index is plain code that
// tests drive against real files and that any file system can serve: Node fs for `file:` output
// folders (src/gallery/node/), workspace.fs for virtual ones later. Paths are relative to the
// output folder and '/'-separated (see sidecarLocation.ts).
import type { FileStamp } from './galleryEntry';

/** A folder's listing: names of its files (including symbolic links) and of its subfolders. */
export interface FolderListing { files: string[]; folders: string[] }

/** A file's text and its stamp, taken before the read (so a later change is seen as a change). */
export interface StampedText { text: string; stamp: FileStamp }

/** Read access to one output folder. Batch methods, so an implementation can pace the work. */
export interface FolderAccess {
  /** Lists `dir` ('' = the output folder); undefined when it does not exist. */
  list(dir: string): Promise<FolderListing | undefined>;
  /** The stamp of each file, in order; undefined for one that is missing or not a file. */
  stampAll(paths: readonly string[]): Promise<(FileStamp | undefined)[]>;
  /** The text of each file, in order; undefined for one that is missing, unreadable or too large to be a sidecar. */
  readAll(paths: readonly string[]): Promise<(StampedText | undefined)[]>;
  /** The output-folder-relative path of `absolutePath` (as a file-system watcher reports it); undefined when outside. */
  relativePath(absolutePath: string): string | undefined;
}

/** Where the index file is kept: the extension's workspace storage, never the workspace. */
export interface IndexStore {
  /** The saved index file as plain data; undefined when there is none or it cannot be read. */
  load(): Promise<unknown>;
  /** Replaces the saved index file (atomically: a crash leaves the old one or the new one). */
  save(data: unknown): Promise<void>;
}
