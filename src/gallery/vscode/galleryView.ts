// The Gallery view on the host side: a webview view in the Ideogram activity-bar container. Like
// the Studio panel it queues messages until the webview says `ready`, validates everything the
// webview sends (galleryProtocol.ts) and handles each message under the error boundary.
import * as vscode from 'vscode';
import {
  parseGalleryMessage, type GalleryAction, type GalleryHostMessage, type GalleryQueryMessage, type GalleryWebviewMessage,
} from '../../common/galleryProtocol';
import { assertNever } from '../../common/protocol';
import { onWebviewMessage } from '../../common/vscode/commands';
import type { IdeogramServices } from '../../common/vscode/services';
import { buildStudioHtml, createNonce } from '../../studio/html';
import { DEFAULT_PAGE_SIZE } from '../galleryQuery';
import { runGalleryAction } from './galleryActions';
import { toGalleryItem } from './galleryItems';
import type { FoundEntry, GallerySources } from './gallerySources';

/** The view's id (package.json `contributes.views`). */
export const GALLERY_VIEW_ID = 'ideogram.gallery';

// Changes come in bursts (a run saves several images and sidecars): one `changed` per burst.
const CHANGE_COALESCE_MS = 50;

/** Serves the Gallery webview view; one per window. */
export class GalleryViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private ready = false;
  private queue: GalleryHostMessage[] = [];
  private viewDisposables: vscode.Disposable[] = [];
  private changeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly services: IdeogramServices,
    private readonly sources: () => GallerySources,
  ) {}

  /** Called by VS Code when the view becomes visible (again, after it was disposed while hidden). */
  resolveWebviewView(view: vscode.WebviewView): void {
    for (const d of this.viewDisposables.splice(0)) d.dispose();
    this.view = view;
    this.ready = false;
    this.queue = [];
    const webview = view.webview;
    const { extensionUri } = this.context;
    webview.options = {
      enableScripts: true,
      // The bundle and CSS, and the workspace folders (output folders are always inside one): nothing else loads.
      localResourceRoots: [
        vscode.Uri.joinPath(extensionUri, 'dist'),
        vscode.Uri.joinPath(extensionUri, 'media'),
        ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri),
      ],
    };
    webview.html = buildStudioHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'gallery.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'gallery.css')).toString(),
      title: vscode.l10n.t('Gallery'),
      lang: vscode.env.language,
    });
    const sources = this.sources();
    this.viewDisposables.push(
      onWebviewMessage(this.services.boundary, webview, vscode.l10n.t('Gallery'), (raw) => this.receive(raw)),
      sources.onDidChange(() => this.changed()),
      view.onDidDispose(() => {
        if (this.view === view) this.view = undefined;
        for (const d of this.viewDisposables.splice(0)) d.dispose();
      }),
    );
  }

  private post(message: GalleryHostMessage): void {
    if (!this.view) return;
    if (!this.ready) {
      this.queue.push(message);
      return;
    }
    void this.view.webview.postMessage(message);
  }

  private changed(): void {
    if (this.changeTimer !== undefined) return;
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      this.post({ type: 'changed' });
    }, CHANGE_COALESCE_MS);
  }

  private receive(raw: unknown): Promise<void> {
    const message = parseGalleryMessage(raw);
    if (!message) {
      // Untrusted input: log the type only (never the content), and ignore it.
      const type = typeof raw === 'object' && raw !== null ? String((raw as { type?: unknown }).type).slice(0, 40) : typeof raw;
      this.services.log.warn(`Gallery: ignored an invalid message from the webview (type ${type})`);
      return Promise.resolve();
    }
    return this.handle(message);
  }

  private async handle(message: GalleryWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.onReady();
      case 'query':
        return this.query(message);
      case 'action':
        return this.action(message.action, message.ids);
      default:
        assertNever(message);
    }
  }

  private onReady(): void {
    if (!this.view) return;
    this.ready = true;
    const queued = this.queue.filter((m) => m.type !== 'init');
    this.queue = [];
    void this.view.webview.postMessage({ type: 'init', l10n: vscode.l10n.bundle, pageSize: DEFAULT_PAGE_SIZE } satisfies GalleryHostMessage);
    for (const message of queued) void this.view.webview.postMessage(message);
  }

  private async query(message: GalleryQueryMessage): Promise<void> {
    const sources = this.sources();
    await sources.ready();
    const view = this.view;
    if (!view) return;
    const page = sources.query({
      text: message.text,
      operations: message.operations.length ? message.operations : undefined,
      models: message.models.length ? message.models : undefined,
      createdFrom: message.createdFrom,
      createdBefore: message.createdBefore,
      offset: message.offset,
      limit: message.limit,
    });
    this.post({
      type: 'page',
      requestId: message.requestId,
      offset: message.offset,
      total: page.total,
      items: page.entries.map(({ key, entry }) => toGalleryItem(view.webview, key, entry)),
      facets: sources.facets(),
    });
  }

  private async action(action: GalleryAction, ids: string[]): Promise<void> {
    const sources = this.sources();
    const found = ids.map((id) => sources.find(id)).filter((f): f is FoundEntry => f !== undefined);
    if (found.length === 0) {
      // Gone meanwhile (deleted or renamed), or not an id of ours: nothing to act on.
      this.services.log.warn('Gallery: ignored an action on results the gallery does not hold');
      this.post({ type: 'changed' });
      return;
    }
    await runGalleryAction(action, found, {
      context: this.context,
      services: this.services,
      notice: (text) => this.post({ type: 'notice', message: text }),
    });
  }

  dispose(): void {
    if (this.changeTimer !== undefined) clearTimeout(this.changeTimer);
    for (const d of this.viewDisposables.splice(0)) d.dispose();
  }
}
