// The Studio panel on the host side: owns one WebviewPanel, queues messages until the webview says
// `ready`, validates everything the webview sends, and runs operations through the shared services.
import * as vscode from 'vscode';
import type { IdeogramServices, OperationResult } from '../../common/vscode/services';
import { onWebviewMessage } from '../../common/vscode/commands';
import { buildStudioRequest, modeNeedsImage } from '../../common/studioForm';
import { confirmSpend } from '../../common/vscode/spending';
import type { FormState, HostMessage, ImageRef, PersistedState, ReferenceSlot, StudioImageRole, WebviewMessage } from '../../common/protocol';
import { assertNever, parseWebviewMessage } from '../../common/protocol';
import { writeStudioAltText } from './altText';
import { readStudioHistory } from './history';
import { buildStudioHtml, createNonce } from '../html';
import { acceptImageUri, acceptReference, toImageRef, WorkspaceImageIndex } from './images';
import type { KnownResult } from './results';
import { knownFromHistory, knownFromSaved, toResultItem } from './results';
import { runStudioOperation, withStudioProgress, type StudioOutcome, type StudioRunOptions } from './run';
import { acceptV3Files, runStudioInpaint, type V3RunMessage } from './v3Run';
import { V3_MODEL } from '../../common/request/v3';
import { acceptReferenceFiles, sizedImageRef } from './v3Images';

/** The webview panel's view type (also the serializer's). */
export const STUDIO_VIEW_TYPE = 'ideogram.studio';

/** What the panel should show first; `v3`: an image for the 3.0 tab (an explorer command's). */
export interface StudioStart { form?: Partial<FormState>; reference?: vscode.Uri; v3?: { role: StudioImageRole; image: vscode.Uri } }

/** One Studio panel. */
export class StudioPanel implements vscode.Disposable {
  private ready = false;
  private queue: HostMessage[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly images = new WorkspaceImageIndex();
  private readonly known = new Map<string, KnownResult>();
  // Images this panel showed descriptions of: the only ones "Write as alt text" may name.
  private readonly described = new Set<string>();
  private running: { id: number; cancel: vscode.CancellationTokenSource } | undefined;
  // A failed run's inline error waiting for the user's answer (Retry, Save Again…).
  private pendingAnswer: { runId: number; resolve(action: string | undefined): void } | undefined;
  private nextRunId = 1;
  private disposed = false;

  /** Fires once when the panel is closed. */
  readonly onDidDispose: vscode.Event<void>;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly services: IdeogramServices,
    private start: StudioStart,
  ) {
    this.onDidDispose = this.disposeEmitter.event;
    panel.iconPath = {
      light: vscode.Uri.joinPath(extensionUri, 'media', 'studio-light.svg'),
      dark: vscode.Uri.joinPath(extensionUri, 'media', 'studio-dark.svg'),
    };
    this.configureWebview();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      onWebviewMessage(services.boundary, panel.webview, vscode.l10n.t('Ideogram Studio'), (raw) => this.receive(raw)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.configureWebview()),
    );
  }

  /** Shows the panel again, optionally switching mode, form values or reference image. */
  reveal(start: StudioStart): void {
    this.panel.reveal(undefined, false);
    if (start.form || start.reference) {
      this.post({ type: 'setForm', form: start.form ?? {}, reference: start.reference ? this.imageRef(start.reference) : undefined });
    }
    if (start.v3) void this.openV3(start.v3);
  }

  // Measures the image, then hands it to the 3.0 tab in the place the command named.
  private async openV3(v3: NonNullable<StudioStart['v3']>): Promise<void> {
    const image = await sizedImageRef(this.panel.webview, v3.image);
    if (image) this.post({ type: 'v3Open', role: v3.role, image });
    else this.post({ type: 'notice', message: vscode.l10n.t('The image could not be read.') });
  }

  /** Creates the panel's options and HTML: strict CSP, fresh nonce, local resources only. */
  private configureWebview(): void {
    const webview = this.panel.webview;
    const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri);
    webview.options = {
      enableScripts: true,
      // The bundle and CSS, and the workspace folders: result thumbnails (output folders are always
      // inside a workspace folder) and the reference picker's images. Nothing else can be loaded.
      localResourceRoots: [
        vscode.Uri.joinPath(this.extensionUri, 'dist'),
        vscode.Uri.joinPath(this.extensionUri, 'media'),
        ...folders,
      ],
    };
    this.ready = false;
    webview.html = buildStudioHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'studio.css')).toString(),
      title: vscode.l10n.t('Ideogram Studio'),
      lang: vscode.env.language,
    });
  }

  /** Sends a message now, or once the webview has said `ready`. */
  post(message: HostMessage): void {
    if (this.disposed) return;
    if (!this.ready) {
      this.queue.push(message);
      return;
    }
    void this.panel.webview.postMessage(message);
  }

  private receive(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) {
      // Untrusted input: log the type only (never the content), and ignore it.
      const type = typeof raw === 'object' && raw !== null ? String((raw as { type?: unknown }).type).slice(0, 40) : typeof raw;
      this.services.log.warn(`Studio: ignored an invalid message from the webview (type ${type})`);
      return Promise.resolve();
    }
    return this.handle(message);
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.onReady();
      case 'run':
        return this.run(message.form, message.reference);
      case 'cancel':
        this.running?.cancel.cancel();
        return;
      case 'errorAction':
        if (this.pendingAnswer?.runId === message.runId) this.answer(message.action);
        return;
      case 'fileAction':
        return this.fileAction(message.action, message.uri);
      case 'copyText':
        await vscode.env.clipboard.writeText(message.text);
        this.post({ type: 'notice', message: vscode.l10n.t('Copied.') });
        return;
      case 'writeAltText':
        return this.writeAltText(message.image, message.text);
      case 'searchImages':
        return this.searchImages(message.query);
      case 'dropUris':
        return this.dropped(message.uris);
      case 'history':
        return this.history(message.query, message.offset, message.limit);
      case 'v3Run':
        return this.v3Run(message);
      case 'v3DropReferences':
        return this.v3Dropped(message.slot, message.uris);
      default:
        assertNever(message);
    }
  }

  private onReady(): void {
    this.ready = true;
    const settings = this.services.settings();
    // The palette's and the Studio's shared memory first, then the settings.
    const last = this.services.lastChoices.get();
    const defaults: Partial<FormState> = {
      model: last.model ?? settings.defaults.model,
      aspectRatio: last.aspect_ratio ?? settings.defaults.aspectRatio,
      styleType: last.style_type ?? settings.defaults.styleType,
      magicPrompt: last.magic_prompt_option ?? settings.defaults.magicPrompt,
      numImages: last.num_images ?? settings.defaults.numImages,
    };
    const init: HostMessage = {
      type: 'init',
      defaults,
      form: this.start.form,
      reference: this.start.reference ? this.imageRef(this.start.reference) : undefined,
      l10n: vscode.l10n.bundle,
    };
    const queued = this.queue.filter((m) => m.type !== 'init');
    this.queue = [];
    void this.panel.webview.postMessage(init);
    for (const message of queued) void this.panel.webview.postMessage(message);
    if (this.start.v3) void this.openV3(this.start.v3);
    // A webview that reloads while a run is in progress should still offer Cancel.
    if (this.running) this.post({ type: 'runStarted', runId: this.running.id });
  }

  private imageRef(uri: vscode.Uri): ImageRef {
    return toImageRef(this.panel.webview, uri);
  }

  // One run of the form under the error boundary: a failure is shown inline only, with the
  // boundary's actions as buttons (the user is looking at the panel; a toast too would say it
  // twice); while that waits for an answer the panel is idle. Retry runs the same form again
  // through the boundary; "Save Again" (images made but not saved) resolves to the run's outcome,
  // shown as its results. A new run or closing the panel dismisses an unanswered error.
  private async run(form: FormState, referenceText: string | undefined): Promise<void> {
    if (this.running) {
      this.post({ type: 'notice', message: vscode.l10n.t('A run is already in progress.') });
      return;
    }
    const reference = referenceText === undefined ? undefined : acceptReference(referenceText);
    if (referenceText !== undefined && !reference) {
      this.post({ type: 'runFailed', runId: 0, message: vscode.l10n.t('The reference image must be a PNG, JPEG or WebP file in the workspace, or an http(s) link to one.') });
      return;
    }
    if (modeNeedsImage(form.mode) && !reference) {
      this.post({ type: 'runFailed', runId: 0, message: vscode.l10n.t('Choose a reference image first.') });
      return;
    }
    this.answer(undefined);
    this.start = { form, reference }; // what a re-created webview starts from
    if (form.mode !== 'describe' && !await confirmSpend(this.services.settings(), { count: form.numImages, model: form.model, options: { operation: form.mode } })) {
      this.post({ type: 'notice', message: vscode.l10n.t('Nothing was sent.') });
      return;
    }
    const outcome = await this.execute((opts) => runStudioOperation(this.services, form, reference, opts));
    if (outcome?.kind === 'images') {
      const sent = buildStudioRequest(form);
      if (sent.mode === 'generate' || sent.mode === 'remix') await this.services.lastChoices.remember(sent.request, sent.mode);
    }
  }

  // Ideogram 3.0 Edit (inpaint) from the 3.0 tab: the files are checked like every Studio image
  // (the webview is untrusted); the run, its errors and its results are the same as the form's.
  private async v3Run(message: V3RunMessage): Promise<void> {
    if (this.running) {
      this.post({ type: 'notice', message: vscode.l10n.t('A run is already in progress.') });
      return;
    }
    const files = acceptV3Files(message);
    if (!files) {
      this.post({ type: 'runFailed', runId: 0, message: vscode.l10n.t('Every image must be a PNG, JPEG or WebP file in the workspace.') });
      return;
    }
    this.answer(undefined);
    if (!await confirmSpend(this.services.settings(), { count: 1, model: V3_MODEL, options: { characterReference: files.character.length > 0 } })) {
      this.post({ type: 'notice', message: vscode.l10n.t('Nothing was sent.') });
      return;
    }
    await this.execute((opts) => withStudioProgress(opts, async (options) => ({ kind: 'images', result: await runStudioInpaint(this.services, message, files, options) })));
  }

  // One run under the error boundary: a failure is shown inline only, with the boundary's actions
  // as buttons; Retry runs `operate` again. Shows the outcome and returns it.
  private async execute(operate: (opts: StudioRunOptions) => Promise<StudioOutcome>): Promise<StudioOutcome | undefined> {
    let id = 0;
    const outcome = await this.services.boundary.run(vscode.l10n.t('Ideogram Studio'), async () => {
      if (this.running) {
        this.post({ type: 'notice', message: vscode.l10n.t('A run is already in progress.') });
        return undefined;
      }
      id = this.nextRunId++;
      const cancel = new vscode.CancellationTokenSource();
      this.running = { id, cancel };
      this.post({ type: 'runStarted', runId: id });
      try {
        return await operate({
          token: cancel.token,
          onProgress: (text) => this.post({ type: 'progress', runId: id, message: text }),
        });
      } finally {
        if (this.running?.id === id) this.running = undefined;
        cancel.dispose();
      }
    }, {
      choose: (reported) => new Promise<string | undefined>((resolve) => {
        this.answer(undefined);
        this.pendingAnswer = { runId: id, resolve };
        this.post({ type: 'runFailed', runId: id, message: reported.message, actions: reported.actions });
      }),
    });
    if (outcome?.kind === 'images') {
      this.showImages(id, outcome.result);
    } else if (outcome?.kind === 'describe') {
      this.described.add(outcome.image.toString());
      this.post({ type: 'describeFinished', runId: id, image: this.imageRef(outcome.image), descriptions: outcome.descriptions });
    } else if (outcome?.kind === 'cancelled') {
      this.post({ type: 'runCancelled', runId: id });
    }
    return outcome;
  }

  // Shows saved images as the results of run `id` (a run's own, or what "Save Again" saved after it
  // failed; then only if no newer run has started meanwhile).
  private showImages(id: number, result: OperationResult): void {
    for (const saved of result.saved) this.known.set(saved.uri.toString(), knownFromSaved(saved));
    this.images.invalidate();
    if (this.running && this.running.id !== id) return;
    this.post({
      type: 'runFinished',
      runId: id,
      results: result.saved.map((saved) => toResultItem(this.panel.webview, saved.uri, saved.sidecar)),
      blocked: result.blocked,
    });
  }

  // Settles the inline error that waits for an answer, if any.
  private answer(action: string | undefined): void {
    const pending = this.pendingAnswer;
    this.pendingAnswer = undefined;
    pending?.resolve(action);
  }

  private async fileAction(action: 'open' | 'reveal' | 'insert' | 'copyPrompt', uriText: string): Promise<void> {
    // Only files this panel has shown (results, history) can be acted on.
    const known = this.known.get(uriText);
    if (!known) {
      this.services.log.warn('Studio: ignored an action on a file the panel did not show');
      return;
    }
    const { uri, sidecar } = known;
    switch (action) {
      case 'open':
        await vscode.commands.executeCommand('vscode.open', uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
        return;
      case 'reveal':
        await vscode.commands.executeCommand('revealInExplorer', uri);
        return;
      case 'copyPrompt':
        await vscode.env.clipboard.writeText(sidecar.returned_prompt || sidecar.prompt);
        this.post({ type: 'notice', message: vscode.l10n.t('Copied.') });
        return;
      case 'insert': {
        const editor = this.services.lastTextEditor();
        const inserted = await this.services.insertImageReferences([{ uri, alt: sidecar.prompt || sidecar.returned_prompt || '', size: known.size }], editor);
        if (inserted === undefined) {
          this.post({ type: 'notice', message: vscode.l10n.t('Open a text editor to insert the image reference into.') });
        } else {
          this.post({ type: 'notice', message: vscode.l10n.t('Inserted into {0}.', vscode.workspace.asRelativePath(editor!.document.uri)) });
        }
        return;
      }
      default:
        assertNever(action);
    }
  }

  private async writeAltText(imageText: string, description: string): Promise<void> {
    const image = this.described.has(imageText) ? acceptImageUri(imageText) : undefined;
    if (!image) {
      this.services.log.warn('Studio: ignored "write alt text" for an image the panel did not describe');
      return;
    }
    const notice = await writeStudioAltText(this.services, image, description);
    if (notice) this.post({ type: 'notice', message: notice });
  }

  private async searchImages(query: string): Promise<void> {
    const { uris, truncated } = await this.images.search(query);
    this.post({ type: 'workspaceImages', query, images: uris.map((uri) => this.imageRef(uri)), truncated });
  }

  private dropped(uris: string[]): void {
    // A link dragged from a browser is a hosted image, like one pasted into the reference field.
    const image = uris.map(acceptReference).find((uri) => uri !== undefined);
    if (!image) {
      this.post({ type: 'notice', message: vscode.l10n.t('Drop a PNG, JPEG or WebP file from this workspace, or a link to one.') });
      return;
    }
    this.post({ type: 'setReference', reference: this.imageRef(image) });
  }

  private async v3Dropped(slot: ReferenceSlot, uris: string[]): Promise<void> {
    const images = await acceptReferenceFiles(this.panel.webview, uris);
    if (images.length === 0) {
      this.post({ type: 'notice', message: vscode.l10n.t('Drop PNG, JPEG or WebP files from this workspace.') });
      return;
    }
    this.post({ type: 'v3References', slot, images });
  }

  private async history(query: string, offset: number, limit: number): Promise<void> {
    const page = await readStudioHistory(this.services, query, offset, limit);
    const entries = page.entries.map((entry) => {
      this.known.set(entry.imageUri.toString(), knownFromHistory(entry));
      return toResultItem(this.panel.webview, entry.imageUri, entry.sidecar);
    });
    this.post({ type: 'history', page: { query, offset, total: page.total, entries } });
  }

  /** State to start from when the serializer restores the panel. */
  static startFromState(state: PersistedState): StudioStart {
    return { form: state.form ?? {}, reference: state.reference ? acceptReference(state.reference) : undefined };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.running?.cancel.cancel();
    this.answer(undefined);
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}
