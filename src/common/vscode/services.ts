// The services the commands, the Studio, the LM tools and the benchmarks share: one instance of
// each per window, created in activate().
import * as vscode from 'vscode';
import { SettingsReader, type IdeogramSettings } from './config';
import { ErrorBoundary } from './errorBoundary';
import { IdeogramLog } from './log';
import { ApiKeyStore } from './secrets';
import { readHistory, type HistoryPage, type HistoryQuery } from '../../storage/vscode/history';
import { ImageService } from './imageService';
import { GlobalStateFormMemory, registerResetForms } from './formMemory';
import { insertImageReferences, insertText } from '../../insert/vscode/insert';
import { WriteTargetTracker } from '../../insert/vscode/target';
import { LastChoices } from './lastChoices';
import { SpendingTracker } from './spending';
import { trackApiKeyContext } from './apiKeyContext';

export type { HistoryEntry, HistoryPage, HistoryQuery } from '../../storage/vscode/history';
export type { DescribeItem, OperationOptions, OperationResult, SavedImage } from './imageService';
export type { Sidecar } from '../sidecar';
export type { ReportedError } from './errorBoundary';
export { ImageService } from './imageService';

/** Everything other features reuse (the Studio receives this from activate). */
export interface IdeogramServices {
  /** Settings for a resource, validated: read once per operation at its entry point, then passed down. */
  settings(scope?: vscode.ConfigurationScope): IdeogramSettings;
  keys: ApiKeyStore;
  log: IdeogramLog;
  /** The one error boundary: `boundary.run(label, op)` / `boundary.showOperationError(err)`. */
  boundary: ErrorBoundary;
  images: ImageService;
  /** Sidecars of an output folder, newest first, paged and searchable; known secrets redacted. */
  readHistory(outputFolder: vscode.Uri, options?: HistoryQuery): Promise<HistoryPage>;
  /** Inserts image references at the cursor of the active (or given) editor. */
  insertImageReferences: typeof insertImageReferences;
  /** Inserts text at the cursor of the active (or given) editor. */
  insertText: typeof insertText;
  /** Remembers the last text editor, so "Insert" from a panel or notification still finds it. */
  lastTextEditor(): vscode.TextEditor | undefined;
  /** Where an Insert or Write as Alt Text goes: the document last worked in (even when hidden), else one showing the image. */
  writeTargets: WriteTargetTracker;
  /** The last generation choices, shared by the palette and the Studio. */
  lastChoices: LastChoices;
  /** The window's billed images and their estimate (status bar). */
  spending: SpendingTracker;
}

/** Creates the services and registers their disposables on the context. */
export function createServices(context: vscode.ExtensionContext): IdeogramServices {
  const keys = new ApiKeyStore(context.secrets);
  const log = new IdeogramLog(() => keys.knownSecrets());
  const boundary = new ErrorBoundary(log, keys);
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0');
  const reader = new SettingsReader((problems) =>
    log.warn(`Ignored invalid settings: ${problems.map((p) => `${p.key} (${p.message})`).join(', ')}`));
  const settings = (scope?: vscode.ConfigurationScope): IdeogramSettings => reader.read(scope);
  const formMemory = new GlobalStateFormMemory(context.globalState, log);
  const images = new ImageService(keys, log, version, settings, formMemory);
  let lastEditor = vscode.window.activeTextEditor;
  const writeTargets = new WriteTargetTracker();
  const spending = new SpendingTracker();
  context.subscriptions.push(
    keys, log, boundary, images, reader, writeTargets, spending,
    images.onDidBill(({ settings: used, billed }) => spending.record(used, billed)),
    trackApiKeyContext(keys),
    registerResetForms(boundary, formMemory, log),
    vscode.window.onDidChangeActiveTextEditor((editor) => { if (editor) lastEditor = editor; }),
  );
  return {
    settings,
    keys, log, boundary, images,
    readHistory: (outputFolder, options = {}) => readHistory(outputFolder, options, (text) => log.redact(text)),
    insertImageReferences, insertText, writeTargets,
    lastChoices: new LastChoices(context.globalState),
    spending,
    lastTextEditor: () => {
      const visible = vscode.window.visibleTextEditors;
      return vscode.window.activeTextEditor ?? (lastEditor && visible.includes(lastEditor) ? lastEditor : visible[0]);
    },
  };
}
