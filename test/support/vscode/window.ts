// vscode.window for the stand-in: everything the extension shows is recorded (messages, quick
// inputs, progress, log lines, webview panels), and a scripted user answers it. Without a script
// the user dismisses everything, so a test that forgets to answer sees nothing happen rather than
// a guess.
import type { URI } from 'vscode-uri';
import { CancellationTokenSource, Disposable, EventEmitter, ThemeIcon, Uri, type CancellationToken } from './basics';
import type { WorkspaceFolder } from './workspace';

/** A notification the extension showed. */
export interface ShownMessage {
  severity: 'error' | 'warning' | 'information';
  message: string;
  /** The action buttons, in order. */
  items: string[];
  modal: boolean;
  detail?: string;
}

/** One withProgress call: its options and every message it reported. */
export interface ShownProgress {
  location: number;
  title?: string;
  cancellable: boolean;
  reports: string[];
  /** Presses the notification's Cancel button. */
  cancel(): void;
  done: boolean;
}

/** An item of a quick pick, as the extension builds it. */
export interface QuickPickItemLike { label: string; description?: string; detail?: string; kind?: number; [key: string]: unknown }

/** The Back button of multi-step quick inputs (vscode.QuickInputButtons.Back). */
export const backButton = { iconPath: new ThemeIcon('arrow-left'), tooltip: 'Back' };

abstract class QuickInputBase {
  title?: string;
  step?: number;
  totalSteps?: number;
  placeholder?: string;
  value = '';
  buttons: readonly { tooltip?: string }[] = [];
  ignoreFocusOut = false;
  busy = false;
  enabled = true;
  visible = false;
  disposed = false;
  protected readonly accepted = new EventEmitter<void>();
  protected readonly hidden = new EventEmitter<void>();
  protected readonly triggered = new EventEmitter<{ tooltip?: string }>();
  protected readonly valueChanged = new EventEmitter<string>();
  readonly onDidAccept = this.accepted.event;
  readonly onDidHide = this.hidden.event;
  readonly onDidTriggerButton = this.triggered.event;
  readonly onDidChangeValue = this.valueChanged.event;

  constructor(private readonly shown: (input: StandInQuickPick | StandInInputBox) => void) {}

  show(): void {
    this.visible = true;
    this.shown(this as unknown as StandInQuickPick | StandInInputBox);
  }
  hide(): void {
    if (!this.visible) return;
    this.visible = false;
    this.hidden.fire();
  }
  dispose(): void {
    this.hide();
    this.disposed = true;
  }
  /** The user types `text` (replacing the value). */
  type(text: string): void {
    this.value = text;
    this.valueChanged.fire(text);
  }
  /** The user presses the title-bar button with this tooltip (or Back). */
  press(tooltip: string): void {
    const button = this.buttons.find((b) => b.tooltip === tooltip);
    if (!button) throw new Error(`no button "${tooltip}" on "${this.title ?? ''}" (has ${this.buttons.map((b) => b.tooltip).join(', ')})`);
    this.triggered.fire(button);
  }
  /** The step as VS Code shows it ("2/7"), or undefined for a single input. */
  get stepText(): string | undefined {
    return this.step === undefined ? undefined : `${this.step}/${this.totalSteps ?? '?'}`;
  }
}

/** vscode.window.createQuickPick(). */
export class StandInQuickPick extends QuickInputBase {
  readonly kind = 'quickPick';
  items: readonly QuickPickItemLike[] = [];
  activeItems: readonly QuickPickItemLike[] = [];
  selectedItems: readonly QuickPickItemLike[] = [];
  canSelectMany = false;
  matchOnDescription = false;
  matchOnDetail = false;
  private readonly itemButton = new EventEmitter<{ button: { tooltip?: string }; item: QuickPickItemLike }>();
  private readonly activeChanged = new EventEmitter<readonly QuickPickItemLike[]>();
  private readonly selectionChanged = new EventEmitter<readonly QuickPickItemLike[]>();
  readonly onDidTriggerItemButton = this.itemButton.event;
  readonly onDidChangeActive = this.activeChanged.event;
  readonly onDidChangeSelection = this.selectionChanged.event;
  /** The user presses the button with this tooltip on the item with this label. */
  pressItemButton(label: string, tooltip: string): void {
    const item = this.items.find((i) => i.label === label);
    const button = (item?.buttons as { tooltip?: string }[] | undefined)?.find((b) => b.tooltip === tooltip);
    if (!item || !button) throw new Error(`no button "${tooltip}" on item "${label}" in "${this.title ?? ''}"`);
    this.itemButton.fire({ button, item });
  }
  /** The user picks the item with this label (exact, or with its `$(icon) ` prefix) and presses Enter. */
  pick(label: string): void {
    const item = this.items.find((i) => i.label === label || i.label.replace(/^\$\([^)]*\)\s*/, '') === label);
    if (!item) throw new Error(`no item "${label}" in "${this.title ?? ''}" ${this.stepText ?? ''}: ${this.items.map((i) => i.label).join(' | ')}`);
    this.activeItems = [item];
    this.selectedItems = [item];
    this.accepted.fire();
  }
  /** The user presses Enter on the active item. */
  accept(): void {
    this.accepted.fire();
  }
}

/** vscode.window.createInputBox(). */
export class StandInInputBox extends QuickInputBase {
  readonly kind = 'inputBox';
  prompt?: string;
  password = false;
  validationMessage?: string;
  /** The user types `text` (replacing the value) and presses Enter. */
  enter(text: string): void {
    this.type(text);
    this.accepted.fire();
  }
}

/** What the scripted user does; every answer defaults to dismissing. */
export interface ScriptedUser {
  /** The chosen item; a promise that never settles leaves the message open. */
  message(shown: ShownMessage): string | undefined | Promise<string | undefined>;
  inputBox(options: { title?: string; prompt?: string; value?: string; validateInput?(value: string): unknown }): string | undefined;
  quickPick(items: QuickPickItemLike[], options: { title?: string; placeHolder?: string }): QuickPickItemLike | undefined;
  openDialog(options: Record<string, unknown>): URI[] | undefined;
  workspaceFolderPick(options: Record<string, unknown>): WorkspaceFolder | undefined;
  /** Acts on a shown quick pick or input box (pick, enter, press, hide). */
  quickInput(input: StandInQuickPick | StandInInputBox): void;
}

/** What the user does on one shown quick input (for StandInWindow.answerQuickInputs). */
export type QuickInputStep = (input: StandInQuickPick | StandInInputBox) => void;

function quickPickOf(input: StandInQuickPick | StandInInputBox): StandInQuickPick {
  if (input.kind !== 'quickPick') throw new Error(`expected a quick pick at "${input.title ?? ''}" ${input.stepText ?? ''}, got an input box: ${input.prompt ?? ''}`);
  return input;
}

function inputBoxOf(input: StandInQuickPick | StandInInputBox): StandInInputBox {
  if (input.kind !== 'inputBox') throw new Error(`expected an input box at "${input.title ?? ''}" ${input.stepText ?? ''}, got a quick pick: ${input.placeholder ?? ''}`);
  return input;
}

/** Steps for answerQuickInputs: each checks it meets the kind of input it expects. */
export const quickInputSteps = {
  /** Picks the item with this label. */
  pick: (label: string): QuickInputStep => (input) => quickPickOf(input).pick(label),
  /** Presses Enter on the active item (the preselected default). */
  acceptActive: (): QuickInputStep => (input) => quickPickOf(input).accept(),
  /** Types `text` into the input box and presses Enter. */
  enter: (text: string): QuickInputStep => (input) => inputBoxOf(input).enter(text),
  /** Presses the title-bar button with this tooltip. */
  press: (tooltip: string): QuickInputStep => (input) => input.press(tooltip),
  /** Presses Escape. */
  dismiss: (): QuickInputStep => (input) => input.hide(),
};

function dismissingUser(): ScriptedUser {
  return {
    message: () => undefined,
    inputBox: () => undefined,
    quickPick: () => undefined,
    openDialog: () => undefined,
    workspaceFolderPick: () => undefined,
    quickInput: (input) => input.hide(),
  };
}

/** vscode.Webview of a panel: records what the host posts; `send` plays the webview's script. */
export class StandInWebview {
  options: Record<string, unknown> = {};
  html = '';
  readonly cspSource = 'https://file+.vscode-resource.vscode-cdn.net';
  /** Every message the host posted, in order (structured clones, as the real channel delivers). */
  readonly posted: { type?: string; [key: string]: unknown }[] = [];
  private readonly received = new EventEmitter<unknown>();
  private readonly postedEmitter = new EventEmitter<unknown>();
  readonly onDidReceiveMessage = this.received.event;
  /** Fires after each host post (for tests waiting on one). */
  readonly onDidPost = this.postedEmitter.event;

  postMessage(message: unknown): Promise<boolean> {
    const copy = structuredClone(message) as { type?: string };
    this.posted.push(copy);
    this.postedEmitter.fire(copy);
    return Promise.resolve(true);
  }
  asWebviewUri(uri: URI): URI {
    return Uri.from({ scheme: 'https', authority: 'file+.vscode-resource.vscode-cdn.net', path: uri.path });
  }
  /** The webview's script posts `message` to the host. */
  send(message: unknown): void {
    this.received.fire(message);
  }
}

/** vscode.WebviewPanel. */
export class StandInWebviewPanel {
  readonly webview = new StandInWebview();
  iconPath: unknown;
  visible = true;
  active = true;
  reveals = 0;
  disposed = false;
  private readonly disposeEmitter = new EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(readonly viewType: string, public title: string, public viewColumn: number | undefined, readonly options: Record<string, unknown>) {}

  reveal(): void {
    this.reveals++;
  }
  /** Closes the panel (as the user closing the tab does). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }
}

/** vscode.WebviewView: what a registered view provider is given when the test shows the view. */
export class StandInWebviewView {
  readonly webview = new StandInWebview();
  visible = true;
  private readonly disposeEmitter = new EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(readonly viewType: string) {}

  /** The view is closed (VS Code disposes a hidden view's webview). */
  dispose(): void {
    this.visible = false;
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }
}

/** A provider registered with registerWebviewViewProvider. */
export interface WebviewViewProviderLike { resolveWebviewView(view: unknown, context: unknown, token: unknown): void | Thenable<void> }

/** A LogOutputChannel whose lines are recorded; `show` records the channel's name in `revealed`. */
function createOutputChannel(name: string, lines: string[], channelLines: Map<string, string[]>, revealed: string[]): Record<string, unknown> {
  const own: string[] = [];
  channelLines.set(name, own);
  const write = (level: string) => (message: string, ...args: unknown[]): void => {
    const line = [message, ...args.map((a) => (a instanceof Error ? a.stack ?? a.message : String(a)))].join(' ');
    lines.push(line);
    own.push(`[${level}] ${line}`);
  };
  return {
    name,
    logLevel: 2,
    onDidChangeLogLevel: () => new Disposable(() => undefined),
    trace: write('trace'), debug: write('debug'), info: write('info'), warn: write('warning'), error: write('error'),
    append: write('info'), appendLine: write('info'), replace: () => undefined, clear: () => undefined,
    show: () => { revealed.push(name); }, hide: () => undefined, dispose: () => undefined,
  };
}

/** vscode.window.createStatusBarItem(): what the extension set on it, and whether it is shown. */
export class StandInStatusBarItem {
  text = '';
  tooltip: string | undefined;
  name: string | undefined;
  command: unknown;
  visible = false;
  disposed = false;
  constructor(readonly id: string) {}
  show(): void { this.visible = true; }
  hide(): void { this.visible = false; }
  dispose(): void { this.visible = false; this.disposed = true; }
}

/** Mutable window state and the recorded UI; `reset()` clears it between tests. */
export class StandInWindow {
  user: ScriptedUser = dismissingUser();
  readonly messages: ShownMessage[] = [];
  readonly quickInputs: (StandInQuickPick | StandInInputBox)[] = [];
  readonly progress: ShownProgress[] = [];
  readonly panels: StandInWebviewPanel[] = [];
  readonly serializers = new Map<string, { deserializeWebviewPanel(panel: unknown, state: unknown): Thenable<void> }>();
  readonly viewProviders = new Map<string, WebviewViewProviderLike>();
  readonly statusBarMessages: string[] = [];
  readonly statusBarItems: StandInStatusBarItem[] = [];
  /** Every line written to any output channel, in order. */
  readonly outputLines: string[] = [];
  /** Lines per output channel name, with their level: "[warning] …". */
  readonly channelLines = new Map<string, string[]>();
  /** Names of the output channels the extension revealed, in order. */
  readonly revealedChannels: string[] = [];
  readonly activeEditorChanged = new EventEmitter<unknown>();

  /** The user answers the next quick inputs with these steps, in order, and dismisses any after them. */
  answerQuickInputs(...steps: QuickInputStep[]): void {
    const queue = [...steps];
    this.user.quickInput = (input) => (queue.shift() ?? quickInputSteps.dismiss())(input);
  }

  /** The user opens the view `viewType`: its provider resolves a new webview view, which is returned. */
  async showView(viewType: string): Promise<StandInWebviewView> {
    const provider = this.viewProviders.get(viewType);
    if (!provider) throw new Error(`no webview view provider for ${viewType}`);
    const view = new StandInWebviewView(viewType);
    await provider.resolveWebviewView(view, { state: undefined }, new CancellationTokenSource().token);
    return view;
  }

  reset(): void {
    this.user = dismissingUser();
    for (const list of [this.messages, this.quickInputs, this.progress, this.panels, this.statusBarMessages, this.statusBarItems, this.outputLines, this.revealedChannels]) list.length = 0;
    this.serializers.clear();
    this.viewProviders.clear();
    this.channelLines.clear();
  }

  private show(severity: ShownMessage['severity']) {
    return (message: string, ...rest: unknown[]): Promise<string | undefined> => {
      const options = rest[0] !== null && typeof rest[0] === 'object' ? rest.shift() as { modal?: boolean; detail?: string } : undefined;
      const items = rest.map((item) => (typeof item === 'string' ? item : (item as { title: string }).title));
      const shown: ShownMessage = { severity, message, items, modal: options?.modal ?? false, ...(options?.detail !== undefined ? { detail: options.detail } : {}) };
      this.messages.push(shown);
      // Answered on a later turn, as a real notification is.
      return new Promise((resolve) => setImmediate(() => resolve(this.user.message(shown))));
    };
  }

  /** The vscode.window object. */
  api(): Record<string, unknown> {
    const shownInput = (input: StandInQuickPick | StandInInputBox): void => {
      this.quickInputs.push(input);
      setImmediate(() => { if (input.visible) this.user.quickInput(input); });
    };
    return {
      showErrorMessage: this.show('error'),
      showWarningMessage: this.show('warning'),
      showInformationMessage: this.show('information'),
      showInputBox: (options: Parameters<ScriptedUser['inputBox']>[0] = {}) => Promise.resolve(this.user.inputBox(options)),
      showQuickPick: async (items: QuickPickItemLike[] | Thenable<QuickPickItemLike[]>, options = {}) => this.user.quickPick(await items, options),
      showOpenDialog: (options = {}) => Promise.resolve(this.user.openDialog(options)),
      showWorkspaceFolderPick: (options = {}) => Promise.resolve(this.user.workspaceFolderPick(options)),
      createQuickPick: () => new StandInQuickPick(shownInput),
      createInputBox: () => new StandInInputBox(shownInput),
      withProgress: async <R>(options: { location: number; title?: string; cancellable?: boolean },
        task: (progress: { report(value: { message?: string }): void }, token: CancellationToken) => Thenable<R>): Promise<R> => {
        const source = new CancellationTokenSource();
        const shown: ShownProgress = { location: options.location, title: options.title, cancellable: options.cancellable ?? false, reports: [], cancel: () => source.cancel(), done: false };
        this.progress.push(shown);
        try {
          return await task({ report: (value) => { if (value.message !== undefined) shown.reports.push(value.message); } }, source.token);
        } finally {
          shown.done = true;
          source.dispose();
        }
      },
      createStatusBarItem: (id: string) => {
        const item = new StandInStatusBarItem(id);
        this.statusBarItems.push(item);
        return item;
      },
      setStatusBarMessage: (text: string) => {
        this.statusBarMessages.push(text);
        return new Disposable(() => undefined);
      },
      createOutputChannel: (name: string) => createOutputChannel(name, this.outputLines, this.channelLines, this.revealedChannels),
      createWebviewPanel: (viewType: string, title: string, column: number | { viewColumn: number }, options: Record<string, unknown> = {}) => {
        const panel = new StandInWebviewPanel(viewType, title, typeof column === 'number' ? column : column.viewColumn, options);
        this.panels.push(panel);
        return panel;
      },
      registerWebviewPanelSerializer: (viewType: string, serializer: { deserializeWebviewPanel(panel: unknown, state: unknown): Thenable<void> }) => {
        if (this.serializers.has(viewType)) throw new Error(`a serializer for ${viewType} is already registered`);
        this.serializers.set(viewType, serializer);
        return new Disposable(() => this.serializers.delete(viewType));
      },
      registerWebviewViewProvider: (viewType: string, provider: WebviewViewProviderLike) => {
        if (this.viewProviders.has(viewType)) throw new Error(`a provider for ${viewType} is already registered`);
        this.viewProviders.set(viewType, provider);
        return new Disposable(() => this.viewProviders.delete(viewType));
      },
      activeTextEditor: undefined,
      visibleTextEditors: [],
      onDidChangeActiveTextEditor: this.activeEditorChanged.event,
      tabGroups: { activeTabGroup: { activeTab: undefined, tabs: [] }, all: [] },
    };
  }
}
