// The Studio page: mode tabs, reference picker, form, run bar, results and history, wired to the
// host through the shared protocol. Nothing here talks to the network; the host does all HTTP.
import * as l10n from '@vscode/l10n';
import type { FormState, HostMessage, ImageRef, ResultItem, StudioMode } from '../common/protocol';
import { assertNever, FormStateSchema, STUDIO_MODES } from '../common/protocol';
import { buildStudioRequest, checkStudioRequest, DEFAULT_FORM, formFromParameters, modeNeedsImage, studioBilledImages } from '../common/studioForm';
import { inpaintRunLabel, runLabel } from './billing';
import { h, replaceChildren } from './dom';
import { StudioForm } from './form';
import { HistoryView } from './history';
import { post, saveState } from './host';
import { ReferencePicker } from './reference';
import type { ResultAction } from './results';
import { ResultsView } from './results';
import { V3View } from './v3/view';
import { V3_FILE_LIMITS } from '../common/request/v3';

// Spelled l10n.t('…') every time: the extractor (npm run l10n:extract) only finds calls written so.
const MODE_LABELS: Record<StudioMode, () => string> = {
  generate: () => l10n.t('Generate'), remix: () => l10n.t('Remix'), upscale: () => l10n.t('Upscale'), describe: () => l10n.t('Describe'),
};

/** Every tab: the four legacy modes, then Ideogram 3.0's. */
type StudioTab = StudioMode | 'v3';
const TABS: readonly StudioTab[] = [...STUDIO_MODES, 'v3'];
const TAB_LABELS: Record<StudioTab, () => string> = { ...MODE_LABELS, v3: () => l10n.t('Ideogram 3.0') };

/** The running Studio page, built once the host's `init` arrives. */
export class StudioApp {
  private mode: StudioMode = 'generate';
  private v3Active = false;
  private readonly tabs = new Map<StudioTab, HTMLButtonElement>();
  private readonly v3: V3View;
  private readonly form: StudioForm;
  private readonly reference: ReferencePicker;
  private readonly results: ResultsView;
  private readonly history: HistoryView;
  private readonly runButton: HTMLElement & { disabled: boolean };
  private readonly cancelButton: HTMLElement;
  private readonly progress: HTMLElement;
  private readonly status: HTMLElement;
  private readonly generalError: HTMLElement;
  private readonly runError: HTMLElement;
  private readonly runErrorActions: HTMLElement;
  private runningId: number | undefined;
  private pendingRun = false;

  constructor(root: HTMLElement, initial: { form: FormState; reference?: ImageRef }) {
    this.form = new StudioForm(() => this.changed());
    this.v3 = new V3View(V3_FILE_LIMITS, {
      onDropReferences: (slot, uris) => post({ type: 'v3DropReferences', slot, uris }),
      onChange: () => this.changed(),
    });
    this.reference = new ReferencePicker({
      onSearch: (query) => post({ type: 'searchImages', query }),
      onDrop: (uris) => post({ type: 'dropUris', uris }),
      onChange: () => this.changed(),
    });
    this.results = new ResultsView({
      onAction: (action, item) => this.resultAction(action, item),
      onCopy: (text) => post({ type: 'copyText', text }),
      onUseAsPrompt: (text) => this.useAsPrompt(text),
      onWriteAltText: (image, text) => post({ type: 'writeAltText', image: image.uri, text }),
    });
    this.history = new HistoryView({
      onRequest: (query, offset, limit) => post({ type: 'history', query, offset, limit }),
      onUse: (item) => this.useHistoryEntry(item),
    });

    const tablist = h('div', { class: 'modes', role: 'tablist', 'aria-label': l10n.t('Mode') });
    for (const mode of TABS) {
      const tab = h('button', { type: 'button', role: 'tab', id: `mode-${mode}`, 'aria-controls': 'mode-panel', class: 'mode-tab' }, TAB_LABELS[mode]());
      tab.addEventListener('click', () => this.selectTab(mode, true));
      tab.addEventListener('keydown', (event) => this.tabKey(event, mode));
      this.tabs.set(mode, tab);
      tablist.appendChild(tab);
    }

    this.runButton = h('vscode-button', { id: 'run', title: l10n.t('Run (Ctrl+Enter / Cmd+Enter)') }, l10n.t('Run')) as HTMLElement & { disabled: boolean };
    this.cancelButton = h('vscode-button', { id: 'cancel', secondary: true, hidden: true }, l10n.t('Cancel'));
    this.progress = h('vscode-progress-ring', { id: 'progress', hidden: true, 'aria-label': l10n.t('Working…') });
    this.status = h('span', { id: 'status', class: 'muted', role: 'status' });
    this.generalError = h('div', { class: 'error', id: 'form-error', 'aria-live': 'polite' });
    this.runErrorActions = h('span', { class: 'run-error-actions' });
    this.runError = h('div', { class: 'run-error', id: 'run-error', role: 'alert', hidden: true },
      h('strong', {}, l10n.t('Failed:')), h('span', { id: 'run-error-text' }), this.runErrorActions);
    this.runButton.addEventListener('click', () => this.run());
    this.cancelButton.addEventListener('click', () => post({ type: 'cancel' }));

    const runBar = h('div', { class: 'run-bar' }, this.runButton, this.cancelButton, this.progress, this.status);
    const panel = h('div', { id: 'mode-panel', role: 'tabpanel' },
      this.reference.element, this.form.element, this.v3.element, this.generalError, runBar, this.runError);
    root.replaceChildren(
      h('div', { class: 'layout' },
        h('div', { class: 'column form-column' }, h('h1', { class: 'visually-hidden' }, l10n.t('Ideogram Studio')), tablist, panel),
        h('div', { class: 'column output-column' }, this.results.element, this.history.element)));
    root.setAttribute('aria-busy', 'false');

    document.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.run();
      }
    });
    // Explorer drags: accept the drop anywhere on the page (preventDefault on dragover allows it).
    document.addEventListener('dragover', (event) => { event.preventDefault(); });
    document.addEventListener('drop', (event) => this.reference.handleDrop(event));

    this.form.value = initial.form;
    this.reference.value = initial.reference;
    this.setMode(initial.form.mode, false);
    this.history.reload();
    post({ type: 'searchImages', query: '' });
  }

  /** Handles one message from the host. */
  handle(message: HostMessage): void {
    switch (message.type) {
      case 'init':
        break; // handled by main.ts before the app exists; a second init (webview reload) rebuilds the page
      case 'setForm':
        this.form.value = { ...this.form.value, ...message.form };
        if (message.form.mode) this.setMode(message.form.mode, false);
        if (message.reference) this.reference.value = message.reference;
        this.changed();
        break;
      case 'setReference':
        this.reference.value = message.reference;
        break;
      case 'workspaceImages':
        this.reference.showImages(message.images);
        break;
      case 'runStarted':
        this.setRunning(message.runId);
        break;
      case 'progress':
        if (message.runId === this.runningId) this.status.textContent = message.message;
        break;
      case 'runFinished':
        this.setRunning(undefined);
        this.status.textContent = '';
        // Also after a failed run whose images "Save Again" saved: the error no longer holds.
        this.runError.hidden = true;
        this.results.showResults(message.results, message.blocked);
        this.history.reload();
        break;
      case 'describeFinished':
        this.setRunning(undefined);
        this.status.textContent = '';
        this.results.showDescriptions(message.image, message.descriptions);
        break;
      case 'runFailed':
        this.setRunning(undefined);
        this.status.textContent = '';
        this.showRunError(message.runId, message.message, message.actions ?? []);
        break;
      case 'runCancelled':
        this.setRunning(undefined);
        this.status.textContent = l10n.t('Cancelled. Nothing was saved.');
        break;
      case 'history':
        this.history.showPage(message.page);
        break;
      case 'notice':
        this.status.textContent = message.message;
        break;
      case 'v3References':
        this.v3.addReferences(message.slot, message.images);
        break;
      case 'v3Open':
        this.selectTab('v3', false);
        this.v3.open(message.role, message.image);
        break;
      default:
        assertNever(message);
    }
  }

  private selectTab(tab: StudioTab, focus: boolean): void {
    if (tab === 'v3') {
      this.v3Active = true;
      this.showTab('v3', focus);
      this.reference.element.hidden = true;
      this.form.element.hidden = true;
      this.v3.element.hidden = false;
      this.changed();
    } else {
      this.setMode(tab, focus);
    }
  }

  private showTab(selectedTab: StudioTab, focus: boolean): void {
    for (const [tabMode, tab] of this.tabs) {
      const selected = tabMode === selectedTab;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      if (selected && focus) tab.focus();
    }
  }

  private setMode(mode: StudioMode, focus: boolean): void {
    this.mode = mode;
    this.v3Active = false;
    this.form.element.hidden = false;
    this.v3.element.hidden = true;
    for (const [tabMode, tab] of this.tabs) {
      const selected = tabMode === mode;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      if (selected && focus) tab.focus();
    }
    this.reference.element.hidden = !modeNeedsImage(mode);
    this.form.setMode(mode);
    this.changed();
  }

  // Arrow keys move between tabs (the WAI-ARIA tabs pattern); Tab leaves the tab list.
  private tabKey(event: KeyboardEvent, mode: StudioTab): void {
    const index = TABS.indexOf(mode);
    const last = TABS.length - 1;
    const next = event.key === 'ArrowRight' ? (index === last ? 0 : index + 1)
      : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
        : event.key === 'Home' ? 0 : event.key === 'End' ? last : undefined;
    if (next === undefined) return;
    event.preventDefault();
    this.selectTab(TABS[next]!, true);
  }

  private currentForm(): FormState {
    return { ...this.form.value, mode: this.mode };
  }

  // Live validation, the Run button's count and state saving on every edit. A notice of an earlier
  // action ("Copied.") is cleared: the user has moved on, and a line that outlives its event misleads.
  private changed(): void {
    if (!this.form || !this.v3) return; // during construction
    if (this.v3Active) {
      this.generalError.textContent = '';
      this.runButton.textContent = inpaintRunLabel();
      return;
    }
    const form = this.currentForm();
    const request = buildStudioRequest(form);
    const issues = checkStudioRequest(request);
    const unplaced = this.form.showIssues(issues);
    this.generalError.textContent = unplaced.map((i) => i.message).join(' ');
    this.runButton.textContent = runLabel(form.mode, studioBilledImages(request));
    if (this.runningId === undefined && !this.pendingRun) this.status.textContent = '';
    saveState({ form: FormStateSchema.safeParse(form).success ? form : undefined, reference: this.reference?.value?.uri });
  }

  private run(): void {
    if (this.runningId !== undefined || this.pendingRun) return;
    if (this.v3Active) {
      void this.runV3();
      return;
    }
    const form = this.currentForm();
    const issues = checkStudioRequest(buildStudioRequest(form));
    this.form.showAllIssues();
    this.generalError.textContent = this.form.showIssues(issues).map((i) => i.message).join(' ');
    if (issues.length > 0) {
      this.form.focusFirstError();
      return; // nothing is sent while the form has errors
    }
    const reference = this.reference.value;
    if (modeNeedsImage(form.mode) && !reference) {
      this.reference.showRequired();
      return;
    }
    this.runError.hidden = true;
    this.pendingRun = true;
    this.status.textContent = l10n.t('Working…');
    post({ type: 'run', form, reference: modeNeedsImage(form.mode) ? reference?.uri : undefined });
  }

  // The one place a failed run is reported: its message and the answers the host offers as buttons
  // (the first one, e.g. Retry, is primary), then Dismiss. Each answer goes back to the host once.
  private showRunError(runId: number, text: string, actions: string[]): void {
    this.runError.querySelector('#run-error-text')!.textContent = text;
    const answer = (action: string | undefined): void => {
      this.runError.hidden = true;
      post({ type: 'errorAction', runId, action });
    };
    const buttons = actions.map((action, index) => {
      const button = h('vscode-button', { secondary: index > 0, 'data-error-action': action }, action);
      button.addEventListener('click', () => answer(action));
      return button;
    });
    const dismiss = h('vscode-button', { secondary: true, id: 'run-error-dismiss' }, l10n.t('Dismiss'));
    dismiss.addEventListener('click', () => answer(undefined));
    replaceChildren(this.runErrorActions, ...buttons, dismiss);
    this.runError.hidden = false;
  }

  // The 3.0 tab checks itself (nothing is sent while it names a problem), then exports the mask.
  private async runV3(): Promise<void> {
    if (this.v3.check().length > 0) return;
    this.runError.hidden = true;
    this.pendingRun = true;
    this.status.textContent = l10n.t('Working…');
    try {
      post(await this.v3.runMessage());
    } catch (err) {
      this.pendingRun = false;
      this.status.textContent = err instanceof Error ? err.message : String(err);
    }
  }

  private setRunning(runId: number | undefined): void {
    this.pendingRun = false;
    this.runningId = runId;
    const running = runId !== undefined;
    this.runButton.disabled = running;
    this.cancelButton.hidden = !running;
    this.progress.hidden = !running;
    if (running) {
      this.status.textContent = l10n.t('Working…');
      this.runError.hidden = true; // a Retry from the inline error is under way
    } else if (this.status.textContent === l10n.t('Working…')) this.status.textContent = '';
  }

  private resultAction(action: ResultAction, item: ResultItem): void {
    switch (action) {
      case 'open':
      case 'reveal':
      case 'insert':
      case 'copyPrompt':
        post({ type: 'fileAction', action, uri: item.uri });
        return;
      case 'remix':
      case 'upscale':
      case 'describe':
        this.form.value = formFromParameters({ ...item.parameters, prompt: item.prompt }, { ...this.currentForm(), mode: action });
        this.reference.value = item;
        this.setMode(action, true);
        return;
      case 'again': {
        const form = formFromParameters({ ...item.parameters, prompt: item.prompt, seed: item.seed }, { ...this.currentForm(), mode: 'generate' });
        this.form.value = form;
        this.setMode('generate', false);
        this.run();
        return;
      }
      default:
        assertNever(action);
    }
  }

  private useAsPrompt(text: string): void {
    this.form.value = { ...this.currentForm(), prompt: text, mode: 'generate' };
    this.setMode('generate', false);
    this.form.focusPrompt();
  }

  private useHistoryEntry(item: ResultItem): void {
    const mode: StudioMode = (STUDIO_MODES as readonly string[]).includes(item.operation) ? (item.operation as StudioMode) : 'generate';
    this.form.value = formFromParameters({ ...item.parameters, prompt: item.prompt, seed: item.seed }, { ...DEFAULT_FORM, ...this.currentForm(), mode });
    if (item.source) this.reference.value = item.source;
    this.setMode(mode, false);
    this.form.focusPrompt();
  }
}
