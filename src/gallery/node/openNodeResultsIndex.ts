// The results index of a `file:` output folder, wired to Node fs and the extension's storage.
import { createNodeFolderAccess } from './nodeFolderAccess';
import { createNodeIndexStore } from './nodeIndexStore';
import { ResultsIndex, type ResultsIndexOptions } from '../resultsIndex';

/** Where a Node-backed index reads and keeps its file. */
export interface NodeResultsIndexOptions extends Pick<ResultsIndexOptions, 'saveDelayMs' | 'onError'> {
  /** Absolute path of the output folder. */
  outputFolder: string;
  /** The extension's workspace storage directory (context.storageUri.fsPath): never inside the workspace. */
  storageDir: string;
}

/** A ResultsIndex for a `file:` output folder; call `open()` on it. */
export function createNodeResultsIndex(options: NodeResultsIndexOptions): ResultsIndex {
  return new ResultsIndex({
    folder: createNodeFolderAccess(options.outputFolder),
    store: createNodeIndexStore(options.storageDir, options.outputFolder),
    folderId: options.outputFolder,
    saveDelayMs: options.saveDelayMs,
    onError: options.onError,
  });
}
