// <ideogram-mask-editor>: paint, over an image at its real resolution, the region an edit should
// change, and export it as the black-and-white PNG an endpoint wants. A thin DOM layer over the
// pure model in core/: the view draws, the inputs turn pointers and keys into model edits, this
// element wires them together and is the API the Studio uses.
import { format } from '../dom';
import { keyCommand, shortcutText, type ShortcutName } from './core/keys';
import { MAX_MASK_PIXELS, MaskModel, MaskSizeError } from './core/model';
import { parseCanvasColour, type Rgb } from './core/overlay';
import { encodeMaskPng, maskFromRgba, type MaskPolarity } from './core/png';
import { defaultBrushSize, nearestBrushSize, stepBrushSize, type MaskTool } from './core/tools';
import type { EditorContext } from './context';
import { KeyboardInput } from './keyboard';
import { maskLabels, type MaskLabels } from './labels';
import { PointerInput } from './pointer';
import { maskEditorSheet } from './styles';
import { IS_MAC, MaskToolbar, type MaskAction } from './toolbar';
import { MaskView } from './view';

/** Detail of the editor's `change` event. */
export interface MaskChangeDetail {
  /** True when nothing is marked (there is nothing to send). */
  empty: boolean;
}

/** Why an image or a saved mask could not be loaded; the message is localised for the user. */
export class MaskLoadError extends Error {
  constructor(readonly reason: 'imageFailed' | 'imageTooLarge' | 'maskUnreadable' | 'maskWrongSize', message: string) {
    super(message);
    this.name = 'MaskLoadError';
  }
}

/** The shortcuts listed in the help, with the label each is listed under. */
const HELP_SHORTCUTS: [ShortcutName[], keyof MaskLabels][] = [
  [['brush'], 'brush'], [['eraser'], 'eraser'], [['rectangle'], 'rectangle'], [['pan'], 'pan'],
  [['smaller', 'larger'], 'brushSize'], [['undo'], 'undo'], [['redo'], 'redo'], [['invert'], 'invert'],
  [['zoomIn', 'zoomOut'], 'zoomIn'], [['zoomFit'], 'zoomFit'], [['zoomActual'], 'zoomActual'], [['help'], 'help'],
];

/** The mask editor element. */
export class MaskEditorElement extends HTMLElement implements EditorContext {
  /** The element's tag name. */
  static readonly tagName = 'ideogram-mask-editor';

  readonly view = new MaskView();
  private labelSet: MaskLabels = maskLabels();
  private readonly toolbar: MaskToolbar;
  private readonly pointer: PointerInput;
  private readonly keyboard: KeyboardInput;
  private readonly hint = document.createElement('span');
  private readonly info = document.createElement('span');
  private readonly live = document.createElement('div');
  private readonly keysHelp = document.createElement('div');
  private readonly help = document.createElement('div');
  private readonly error = document.createElement('div');
  private readonly probe = document.createElement('span');
  private mask: MaskModel | undefined;
  private currentTool: MaskTool = 'brush';
  private size = 32;
  private loads = 0;
  private redrawQueued = false;
  private focused = false;
  private announced = '';
  private readonly theme = new MutationObserver(() => this.updateColour());
  /** The host's own role and name, without adding attributes to it (custom elements may not in their constructor). */
  private readonly internals = this.attachInternals();

  constructor() {
    super();
    this.internals.role = 'group';
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [maskEditorSheet()];
    this.toolbar = new MaskToolbar(this.labelSet, {
      tool: (tool) => { this.tool = tool; },
      brushSize: (size) => this.setSize(size),
      action: (action) => this.action(action),
    });
    this.pointer = new PointerInput(this, () => this.keyboard.end());
    this.keyboard = new KeyboardInput(this);

    const viewport = this.view.viewport;
    viewport.tabIndex = 0;
    viewport.setAttribute('role', 'application');
    this.keysHelp.id = 'canvas-keys';
    this.keysHelp.className = 'visually-hidden';
    viewport.setAttribute('aria-describedby', this.keysHelp.id);
    viewport.addEventListener('focus', () => { this.focused = true; this.cursorMoved(); });
    viewport.addEventListener('blur', () => { this.focused = false; this.keyboard.end(); this.cursorMoved(); });
    this.view.onZoom = () => { this.keyboard.refresh(); this.cursorMoved(); this.showStatus(); };

    const status = document.createElement('div');
    status.className = 'status';
    status.append(this.hint, this.info);
    this.live.className = 'visually-hidden';
    this.live.setAttribute('role', 'status');
    this.help.id = 'help';
    this.help.className = 'help';
    this.help.setAttribute('role', 'region');
    this.help.hidden = true;
    this.toolbar.helpButton.setAttribute('aria-controls', this.help.id);
    this.error.className = 'error';
    this.error.setAttribute('role', 'alert');
    this.error.hidden = true;
    this.probe.className = 'colour-probe';
    root.append(this.toolbar.element, this.error, viewport, status, this.help, this.keysHelp, this.live, this.probe);

    this.addEventListener('keydown', (event) => this.keydown(event));
    this.addEventListener('keyup', (event) => {
      if (event.key === ' ' && this.onCanvas(event)) this.keyboard.release();
    });
    this.setLabels(this.labelSet);
    this.refresh();
  }

  connectedCallback(): void {
    // VS Code changes theme variables on <html style> and the theme kind on <body class>.
    this.theme.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
    if (document.body) this.theme.observe(document.body, { attributes: true, attributeFilter: ['class'] });
    this.updateColour();
  }

  disconnectedCallback(): void {
    this.theme.disconnect();
    this.keyboard.end();
  }

  /** The strings shown (default: the extension's l10n bundle via @vscode/l10n). */
  get labels(): MaskLabels {
    return this.labelSet;
  }

  set labels(labels: MaskLabels) {
    this.setLabels(labels);
  }

  /** Width of the loaded image (and of the exported mask) in pixels; 0 before one loads. */
  get imageWidth(): number {
    return this.mask?.width ?? 0;
  }

  /** Height of the loaded image (and of the exported mask) in pixels; 0 before one loads. */
  get imageHeight(): number {
    return this.mask?.height ?? 0;
  }

  /** The mask model (for the inputs). */
  get model(): MaskModel | undefined {
    return this.mask;
  }

  /** The active tool. */
  get tool(): MaskTool {
    return this.currentTool;
  }

  set tool(tool: MaskTool) {
    if (tool !== this.currentTool) this.keyboard.end();
    this.currentTool = tool;
    this.toolbar.setTool(tool);
    this.cursorMoved();
  }

  /** Brush diameter in image pixels (set values snap to the offered sizes). */
  get brushSize(): number {
    return this.size;
  }

  set brushSize(size: number) {
    this.setSize(nearestBrushSize(size));
  }

  /**
   * Shows an image (a webview URI) and starts an empty mask of its exact pixel size.
   * Rejects with a MaskLoadError when the image cannot be shown or is too large.
   */
  async loadImage(src: string): Promise<{ width: number; height: number }> {
    const load = ++this.loads;
    this.pointer.abandon();
    this.keyboard.end();
    this.mask = undefined;
    this.error.hidden = true;
    const image = this.view.image;
    image.src = src;
    try {
      await image.decode();
    } catch {
      const error = new MaskLoadError('imageFailed', this.labelSet.imageFailed);
      if (load === this.loads) this.fail(error);
      throw error;
    }
    if (load !== this.loads) throw new DOMException('another image was loaded meanwhile', 'AbortError');
    const { naturalWidth: width, naturalHeight: height } = image;
    try {
      this.mask = new MaskModel(width, height);
    } catch (err) {
      if (!(err instanceof MaskSizeError)) throw err;
      const error = new MaskLoadError('imageTooLarge', format(this.labelSet.imageTooLarge, width, height, Math.round(MAX_MASK_PIXELS / 1e6)));
      this.fail(error);
      throw error;
    }
    this.view.setImage(width, height);
    this.view.viewport.setAttribute('aria-label', format(this.labelSet.canvas, width, height));
    this.keyboard.reset(width, height);
    this.setSize(defaultBrushSize(width, height));
    this.view.setColour(this.resolveColour(), this.mask.data);
    this.stepEnded(true);
    return { width, height };
  }

  /**
   * Restores a saved mask (PNG, JPEG or WebP bytes of the image's exact size) as the starting state:
   * greys are snapped to black or white, `polarity` says which colour marks the region to change.
   * The undo history starts afresh. Rejects with a MaskLoadError, leaving the mask as it was.
   */
  async loadMask(file: Uint8Array | Blob, polarity: MaskPolarity): Promise<void> {
    const model = this.requireModel();
    const blob = file instanceof Blob ? file : new Blob([file as Uint8Array<ArrayBuffer>]);
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(blob, { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
    } catch {
      throw new MaskLoadError('maskUnreadable', this.labelSet.maskUnreadable);
    }
    try {
      const { width, height } = bitmap;
      if (width !== model.width || height !== model.height) {
        throw new MaskLoadError('maskWrongSize', format(this.labelSet.maskWrongSize, width, height, model.width, model.height));
      }
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (!context) throw new MaskLoadError('maskUnreadable', this.labelSet.maskUnreadable);
      context.drawImage(bitmap, 0, 0);
      const rgba = context.getImageData(0, 0, width, height).data;
      if (model !== this.mask) throw new DOMException('another image was loaded meanwhile', 'AbortError');
      this.pointer.abandon();
      this.keyboard.end();
      model.reset(maskFromRgba(rgba, width, height, polarity));
      this.stepEnded(true);
    } finally {
      bitmap.close();
    }
  }

  /** The mask as a PNG of exactly the image's size, pure black and white; `polarity` says which colour marks the region to change. */
  async exportMask(options: { polarity: MaskPolarity }): Promise<Uint8Array> {
    const model = this.requireModel();
    return encodeMaskPng(model.data, model.width, model.height, options.polarity);
  }

  /** True when nothing is marked (or no image is loaded): there is nothing to edit yet. */
  isEmpty(): boolean {
    return this.mask?.isEmpty() ?? true;
  }

  /** Undoes the last step; false when there is none. */
  undo(): boolean {
    return this.edit(() => this.mask!.undo(), this.labelSet.undone);
  }

  /** Redoes the last undone step; false when there is none. */
  redo(): boolean {
    return this.edit(() => this.mask!.redo(), this.labelSet.redone);
  }

  /** Swaps marked and unmarked. */
  invert(): boolean {
    return this.edit(() => this.mask!.invert(), this.labelSet.inverted);
  }

  /** Unmarks everything (undoable). */
  clear(): boolean {
    return this.edit(() => this.mask!.clear(), this.labelSet.cleared);
  }

  // EditorContext: called by the inputs.

  /** @internal */
  changed(): void {
    if (this.redrawQueued) return;
    this.redrawQueued = true;
    requestAnimationFrame(() => {
      this.redrawQueued = false;
      const area = this.mask?.takeDirty();
      if (area && this.mask) this.view.paint(this.mask.data, area);
    });
  }

  /** @internal */
  stepEnded(recorded: boolean, announcement?: string): void {
    this.changed();
    this.refresh();
    if (announcement && recorded) this.announce(announcement);
    if (recorded) this.dispatchEvent(new CustomEvent<MaskChangeDetail>('change', { detail: { empty: this.isEmpty() } }));
  }

  /** @internal */
  announce(text: string): void {
    // A repeated message would not be read again: alternate a trailing no-break space.
    this.announced = this.announced === text ? `${text}\u00a0` : text;
    this.live.textContent = this.announced;
  }

  /** @internal */
  cursorMoved(): void {
    const hover = this.pointer.hover;
    const brush = this.currentTool === 'brush' || this.currentTool === 'eraser';
    if (!this.pointer.busy) this.view.setCursor(brush ? 'brush' : this.currentTool as 'rectangle' | 'pan');
    if (hover) {
      this.keyboard.follow(hover);
      this.view.showRing(brush ? hover : undefined, this.size);
    } else if (this.focused && this.mask) {
      this.view.showRing(this.keyboard.cursor, brush ? this.size : 0);
    } else {
      this.view.showRing(undefined);
    }
  }

  private edit(step: () => boolean, announcement: string): boolean {
    if (!this.mask) return false;
    // A stroke under way stays: the step commits it first (so undo takes back just that stroke).
    this.pointer.release();
    this.keyboard.end();
    const done = step();
    this.stepEnded(done, announcement);
    return done;
  }

  private action(action: MaskAction): void {
    switch (action) {
      case 'undo': this.undo(); break;
      case 'redo': this.redo(); break;
      case 'invert': this.invert(); break;
      case 'clear': this.clear(); break;
      case 'zoomIn': this.view.zoomStep(1); break;
      case 'zoomOut': this.view.zoomStep(-1); break;
      case 'zoomFit': this.view.zoomFit(); break;
      case 'zoomActual': this.view.zoomTo(1); break;
      case 'help': this.toggleHelp(); break;
    }
  }

  private keydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.isComposing) return;
    const command = keyCommand(event, this.onCanvas(event));
    if (!command || (!this.mask && command.type !== 'help')) return;
    let handled = true;
    switch (command.type) {
      case 'tool': this.tool = command.tool; this.announce(this.labelSet[command.tool]); break;
      case 'brushSize': this.setSize(stepBrushSize(this.size, command.direction), true); break;
      case 'undo': this.undo(); break;
      case 'redo': this.redo(); break;
      case 'invert': this.invert(); break;
      case 'zoom': this.view.zoomStep(command.direction); this.announceZoom(); break;
      case 'zoomFit': this.view.zoomFit(); this.announceZoom(); break;
      case 'zoomActual': this.view.zoomTo(1); this.announceZoom(); break;
      case 'help': this.toggleHelp(); break;
      default: handled = this.keyboard.command(command, event.repeat);
    }
    // Handled keys stop here, so VS Code does not also run them (its undo, for one).
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  private onCanvas(event: Event): boolean {
    return event.composedPath()[0] === this.view.viewport;
  }

  private setSize(size: number, announce = false): void {
    this.size = size;
    this.toolbar.setBrushSize(size);
    this.cursorMoved();
    if (announce) this.announce(format(this.labelSet.pixels, size));
  }

  private announceZoom(): void {
    this.announce(format(this.labelSet.zoomValue, Math.round(this.view.scale * 100)));
  }

  private toggleHelp(): void {
    this.help.hidden = !this.help.hidden;
    this.toolbar.setHelpOpen(!this.help.hidden);
  }

  private setLabels(labels: MaskLabels): void {
    this.labelSet = labels;
    this.toolbar.setLabels(labels);
    this.internals.ariaLabel = labels.editor;
    this.help.setAttribute('aria-label', labels.help);
    this.keysHelp.textContent = labels.canvasKeys;
    if (this.mask) this.view.viewport.setAttribute('aria-label', format(labels.canvas, this.mask.width, this.mask.height));
    this.buildHelp();
    this.showStatus();
  }

  private buildHelp(): void {
    const s = this.labelSet;
    const paragraphs = [s.helpMove, s.helpPaint, s.helpRectangle, s.helpPointer, s.helpView].map((text) => {
      const p = document.createElement('p');
      p.textContent = text;
      return p;
    });
    const heading = document.createElement('p');
    const strong = document.createElement('strong');
    strong.textContent = s.helpShortcuts;
    heading.append(strong);
    const list = document.createElement('dl');
    for (const [names, label] of HELP_SHORTCUTS) {
      const dt = document.createElement('dt');
      names.forEach((name, i) => {
        if (i) dt.append(' ');
        const kbd = document.createElement('kbd');
        kbd.textContent = shortcutText(name, IS_MAC);
        dt.append(kbd);
      });
      const dd = document.createElement('dd');
      dd.textContent = label === 'zoomIn' ? `${s.zoomIn} / ${s.zoomOut}` : s[label];
      list.append(dt, dd);
    }
    this.help.replaceChildren(...paragraphs, heading, list);
  }

  private refresh(): void {
    const model = this.mask;
    this.toolbar.setEnabled('undo', model?.canUndo ?? false);
    this.toolbar.setEnabled('redo', model?.canRedo ?? false);
    this.toolbar.setEnabled('invert', model !== undefined);
    this.toolbar.setEnabled('clear', model !== undefined && !model.isEmpty());
    for (const action of ['zoomIn', 'zoomOut', 'zoomFit', 'zoomActual'] as const) this.toolbar.setEnabled(action, model !== undefined);
    this.showStatus();
  }

  private showStatus(): void {
    const model = this.mask;
    if (!model) {
      this.hint.textContent = '';
      this.info.textContent = '';
      return;
    }
    const share = (model.markedCount / (model.width * model.height)) * 100;
    // Never "0%" for a few marked pixels, never "100%" for all but a few.
    const shown = share === 0 || share === 100 ? share : Math.min(99.9, Math.max(0.1, share));
    const percent = new Intl.NumberFormat(document.documentElement.lang || undefined, { maximumFractionDigits: shown < 10 ? 1 : 0 }).format(shown);
    this.hint.textContent = model.isEmpty() ? this.labelSet.emptyHint : format(this.labelSet.markedShare, percent);
    this.info.textContent = `${format(this.labelSet.imageSize, model.width, model.height)} · ${format(this.labelSet.zoomValue, Math.round(this.view.scale * 100))}`;
  }

  private fail(error: MaskLoadError): void {
    this.error.textContent = error.message;
    this.error.hidden = false;
    this.view.viewport.hidden = true;
    this.refresh();
  }

  private requireModel(): MaskModel {
    if (!this.mask) throw new Error('no image is loaded in the mask editor');
    return this.mask;
  }

  private updateColour(): void {
    if (this.mask) this.view.setColour(this.resolveColour(), this.mask.data);
  }

  /** The overlay colour: whatever CSS colour the theme gives, as a canvas reads it (its alpha is dropped: the overlay has its own). */
  private resolveColour(): Rgb {
    const context = new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true });
    if (!context) return [0, 0, 0];
    context.fillStyle = getComputedStyle(this.probe).color;
    const parsed = parseCanvasColour(String(context.fillStyle));
    if (parsed) return parsed;
    // Another colour space: let the canvas convert it (getImageData gives unpremultiplied sRGB).
    context.fillRect(0, 0, 1, 1);
    const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
    return [r, g, b];
  }
}
