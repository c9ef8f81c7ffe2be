// The gallery's data on the host: one ResultsIndex per workspace folder's output folder, kept live
// by a file-system watcher on that folder (palette, Studio, language-model tools and the user's own
// file operations all show up as events), and re-made when the folders or the outputFolder setting
// change. Created when the Gallery view first opens, so activation stays cheap.
//
// Only `file:` output folders are indexed (the index reads with Node fs, see ../node/): that covers
// local folders, Remote-SSH, WSL and containers, where the extension host runs beside the files.
import * as vscode from 'vscode';
import type { IdeogramServices } from '../../common/vscode/services';
import { outputFolders } from '../../studio/vscode/history';
import { createNodeResultsIndex } from '../node/openNodeResultsIndex';
import type { GalleryEntry } from '../galleryEntry';
import { queryAcross, type MergedPage } from '../queryAcross';
import type { GalleryFacets, ResultsIndex } from '../resultsIndex';
import type { GalleryQuery } from '../galleryQuery';

/** One output folder and its index. */
export interface GallerySource {
  outputFolder: vscode.Uri;
  index: ResultsIndex;
}

/** An entry found by the id the webview sent, with the files it stands for. */
export interface FoundEntry {
  source: GallerySource;
  entry: GalleryEntry;
  sidecarUri: vscode.Uri;
  imageUri: vscode.Uri;
}

/**
 * What to watch for an output folder: its workspace folder, whole. VS Code folds the events under a
 * folder that was just created (or deleted) into that one folder's event, so the first save into a
 * new `assets/ideogram` may arrive only as "assets created": a watcher limited to the output folder
 * missed it (the e2e test showed it, now and then). Events outside the output folder cost a prefix
 * check each (see `watch`). Outside any workspace folder the output folder itself is the base.
 */
function watchBase(outputFolder: vscode.Uri): vscode.Uri {
  return vscode.workspace.getWorkspaceFolder(outputFolder)?.uri ?? outputFolder;
}

/** Where `uri` is relative to `folder`: inside it (or it), an ancestor of it, or elsewhere. */
function placeOf(uri: vscode.Uri, folder: vscode.Uri): 'inside' | 'ancestor' | 'elsewhere' {
  if (uri.scheme !== folder.scheme || uri.authority !== folder.authority) return 'elsewhere';
  const path = uri.path.replace(/\/+$/, '');
  const root = folder.path.replace(/\/+$/, '');
  if (path === root || path.startsWith(`${root}/`)) return 'inside';
  return root.startsWith(`${path}/`) ? 'ancestor' : 'elsewhere';
}

/** The live indexes of every output folder in the window. */
export class GallerySources implements vscode.Disposable {
  private sources: GallerySource[] = [];
  private readonly watchers: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private opening: Promise<void> = Promise.resolve();
  private disposed = false;

  /** Fires after any index changed (batched per change by the index). */
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly services: IdeogramServices, private readonly storageDir: string) {
    this.disposables.push(
      this.changeEmitter,
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.restart()),
      vscode.workspace.onDidChangeConfiguration((event) => { if (event.affectsConfiguration('ideogram.outputFolder')) this.restart(); }),
    );
    this.restart();
  }

  /** Settles when every index has shown what its file (or, on a first open, its folder) holds. */
  ready(): Promise<void> {
    return this.opening;
  }

  /** A page of `query` across all output folders, newest first. */
  query(query: GalleryQuery): MergedPage<GallerySource> {
    return queryAcross(this.sources.map((source) => ({ key: source, index: source.index })), query);
  }

  /** Operations and models of all folders with their counts, most frequent first. */
  facets(): GalleryFacets {
    const merge = (pick: (facets: GalleryFacets) => { value: string; count: number }[]): { value: string; count: number }[] => {
      const counts = new Map<string, number>();
      for (const source of this.sources) for (const { value, count } of pick(source.index.facets())) counts.set(value, (counts.get(value) ?? 0) + count);
      return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    };
    return { operations: merge((f) => f.operations), models: merge((f) => f.models) };
  }

  /** The sidecar Uri of an entry: the id the webview knows it by. */
  static sidecarUri(source: GallerySource, entry: GalleryEntry): vscode.Uri {
    return vscode.Uri.joinPath(source.outputFolder, ...entry.id.split('/'));
  }

  /** The image Uri of an entry. */
  static imageUri(source: GallerySource, entry: GalleryEntry): vscode.Uri {
    return vscode.Uri.joinPath(source.outputFolder, ...entry.image.split('/'));
  }

  /**
   * The entry a webview id names, or undefined: the id comes from untrusted input, so only a sidecar
   * that an index holds right now is accepted (never an arbitrary path).
   */
  find(id: string): FoundEntry | undefined {
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(id, true);
    } catch {
      return undefined;
    }
    for (const source of this.sources) {
      const root = source.outputFolder;
      if (uri.scheme !== root.scheme || uri.authority !== root.authority) continue;
      const prefix = root.path.endsWith('/') ? root.path : `${root.path}/`;
      if (!uri.path.startsWith(prefix)) continue;
      const entry = source.index.get(uri.path.slice(prefix.length));
      if (entry) return { source, entry, sidecarUri: GallerySources.sidecarUri(source, entry), imageUri: GallerySources.imageUri(source, entry) };
    }
    return undefined;
  }

  // Re-creates the indexes for the current folders and setting. The old ones write their files first.
  private restart(): void {
    if (this.disposed) return;
    const old = this.sources;
    for (const watcher of this.watchers.splice(0)) watcher.dispose();
    this.sources = outputFolders(this.services)
      .filter((folder) => folder.scheme === 'file')
      .map((outputFolder) => ({ outputFolder, index: this.createIndex(outputFolder) }));
    for (const source of this.sources) this.watch(source);
    this.opening = Promise.all([
      ...old.map((source) => source.index.dispose()),
      ...this.sources.map((source) => source.index.open()),
    ]).then(() => undefined, (err: unknown) => this.services.log.unexpected('Gallery: opening the results index', err));
    if (old.length > 0) this.changeEmitter.fire();
  }

  private createIndex(outputFolder: vscode.Uri): ResultsIndex {
    const index = createNodeResultsIndex({
      outputFolder: outputFolder.fsPath,
      storageDir: this.storageDir,
      onError: (err) => this.services.log.unexpected('Gallery', err),
    });
    index.onDidChange(() => this.changeEmitter.fire());
    return index;
  }

  // Events inside the output folder go to the index, which classifies each path (a sidecar, an
  // image, the folder itself) and ignores the rest; an ancestor folder created or deleted stands for
  // the output folder (its children's events may have been folded into it).
  private watch(source: GallerySource): void {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(watchBase(source.outputFolder), '**'));
    const apply = (kind: 'created' | 'changed' | 'deleted') => (uri: vscode.Uri): void => {
      const place = placeOf(uri, source.outputFolder);
      if (place === 'inside') void source.index.applyChange(uri.fsPath, kind);
      else if (place === 'ancestor' && kind !== 'changed') void source.index.applyChange(source.outputFolder.fsPath, kind);
    };
    this.watchers.push(
      watcher,
      watcher.onDidCreate(apply('created')),
      watcher.onDidChange(apply('changed')),
      watcher.onDidDelete(apply('deleted')),
    );
  }

  /** Stops the watchers and writes every index file. */
  async flush(): Promise<void> {
    await Promise.all(this.sources.map((source) => source.index.flush()));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const watcher of this.watchers.splice(0)) watcher.dispose();
    for (const d of this.disposables) d.dispose();
    for (const source of this.sources) void source.index.dispose();
  }
}
