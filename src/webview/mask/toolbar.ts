// The editor's controls: the tool choice (a radio group: arrow keys pick a tool), the brush size
// slider and a toolbar of actions (one Tab stop, arrow keys between buttons). Every control has
// an accessible name, and tooltips carry the shortcuts from the key table.
import { ariaShortcut, shortcutText, type ShortcutName } from './core/keys';
import { BRUSH_SIZES, MASK_TOOLS, type MaskTool } from './core/tools';
import { icon, type IconName } from './icons';
import type { MaskLabels } from './labels';

/** The buttons of the actions toolbar, in order; null is a separator. */
export type MaskAction = 'undo' | 'redo' | 'invert' | 'clear' | 'zoomOut' | 'zoomIn' | 'zoomFit' | 'zoomActual' | 'help';
const ACTIONS: (MaskAction | null)[] = ['undo', 'redo', null, 'invert', 'clear', null, 'zoomOut', 'zoomIn', 'zoomFit', 'zoomActual', null, 'help'];
/** Actions without a key of their own. */
const NO_SHORTCUT = new Set<MaskAction>(['clear']);

/** What the controls report back to the editor. */
export interface ToolbarEvents {
  tool(tool: MaskTool): void;
  brushSize(size: number): void;
  action(action: MaskAction): void;
}

/** Whether shortcuts are written the macOS way (⌘ rather than Ctrl). */
export const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform);

/** The controls above the canvas. */
export class MaskToolbar {
  readonly element = document.createElement('div');
  private readonly tools = new Map<MaskTool, HTMLButtonElement>();
  private readonly actions = new Map<MaskAction, HTMLButtonElement>();
  private readonly toolGroup = document.createElement('div');
  private readonly actionBar = document.createElement('div');
  private readonly sizeLabel = document.createElement('span');
  private readonly size = document.createElement('input');
  private readonly sizeValue = document.createElement('output');

  constructor(private labels: MaskLabels, private readonly events: ToolbarEvents) {
    this.element.className = 'bar';
    this.toolGroup.className = 'group';
    this.toolGroup.setAttribute('role', 'radiogroup');
    for (const tool of MASK_TOOLS) {
      const button = this.button(tool, 'radio');
      button.addEventListener('click', () => this.events.tool(tool));
      this.tools.set(tool, button);
      this.toolGroup.append(button);
    }
    this.toolGroup.addEventListener('keydown', (event) => this.rove(event, [...this.tools.values()], true));

    const sizeBox = document.createElement('div');
    sizeBox.className = 'size';
    this.sizeLabel.id = 'brush-size-label';
    this.size.type = 'range';
    this.size.min = '0';
    this.size.max = String(BRUSH_SIZES.length - 1);
    this.size.step = '1';
    this.size.setAttribute('aria-labelledby', this.sizeLabel.id);
    this.size.addEventListener('input', () => this.events.brushSize(BRUSH_SIZES[Number(this.size.value)]));
    this.sizeValue.setAttribute('aria-hidden', 'true'); // the slider's aria-valuetext says the same
    sizeBox.append(this.sizeLabel, this.size, this.sizeValue);

    this.actionBar.className = 'group';
    this.actionBar.setAttribute('role', 'toolbar');
    for (const action of ACTIONS) {
      if (!action) {
        const separator = document.createElement('span');
        separator.className = 'separator';
        separator.setAttribute('role', 'separator');
        this.actionBar.append(separator);
        continue;
      }
      const button = this.button(action, 'button');
      button.addEventListener('click', () => {
        if (button.getAttribute('aria-disabled') !== 'true') this.events.action(action);
      });
      this.actions.set(action, button);
      this.actionBar.append(button);
    }
    this.actionBar.addEventListener('keydown', (event) => this.rove(event, [...this.actions.values()], false));
    this.actions.get('help')!.setAttribute('aria-expanded', 'false');

    this.element.append(this.toolGroup, sizeBox, this.actionBar);
    this.setLabels(labels);
    this.setTool('brush');
    this.focusable([...this.actions.values()], this.actions.get('undo')!);
  }

  /** Puts the (new) strings on every control. */
  setLabels(labels: MaskLabels): void {
    this.labels = labels;
    this.toolGroup.setAttribute('aria-label', labels.tools);
    this.actionBar.setAttribute('aria-label', labels.actions);
    this.sizeLabel.textContent = labels.brushSize;
    for (const [name, button] of [...this.tools, ...this.actions] as [MaskTool | MaskAction, HTMLButtonElement][]) {
      const label = labels[name];
      button.setAttribute('aria-label', label);
      const shortcut = NO_SHORTCUT.has(name as MaskAction) ? undefined : (name as ShortcutName);
      // "Undo (Ctrl+Z)", the way VS Code's own tooltips append a keybinding.
      button.title = shortcut ? `${label} (${shortcutText(shortcut, IS_MAC)})` : label;
      if (shortcut) button.setAttribute('aria-keyshortcuts', ariaShortcut(shortcut, IS_MAC));
      else button.removeAttribute('aria-keyshortcuts');
    }
    this.showSize(BRUSH_SIZES[Number(this.size.value)]);
  }

  /** Shows which tool is active. */
  setTool(tool: MaskTool): void {
    for (const [name, button] of this.tools) button.setAttribute('aria-checked', String(name === tool));
    this.focusable([...this.tools.values()], this.tools.get(tool)!);
  }

  /** Shows the brush size (a size from BRUSH_SIZES). */
  setBrushSize(size: number): void {
    this.size.value = String(Math.max(0, BRUSH_SIZES.indexOf(size)));
    this.showSize(size);
  }

  /** Enables or disables an action (disabled buttons stay focusable, as in VS Code's toolbars). */
  setEnabled(action: MaskAction, enabled: boolean): void {
    this.actions.get(action)!.setAttribute('aria-disabled', String(!enabled));
  }

  /** Shows whether the help is open. */
  setHelpOpen(open: boolean): void {
    this.actions.get('help')!.setAttribute('aria-expanded', String(open));
  }

  /** The help button, which the help panel is attached to. */
  get helpButton(): HTMLButtonElement {
    return this.actions.get('help')!;
  }

  private showSize(size: number): void {
    const text = this.labels.pixels.replace('{0}', String(size));
    this.sizeValue.textContent = text;
    this.size.setAttribute('aria-valuetext', text);
  }

  private button(name: MaskTool | MaskAction, role: 'radio' | 'button'): HTMLButtonElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'tool';
    button.dataset.name = name;
    if (role === 'radio') button.setAttribute('role', 'radio');
    button.append(icon(name as IconName));
    return button;
  }

  /** Roving focus: one Tab stop per group, arrow keys (and Home/End) move within it; in the radio group they also choose. */
  private rove(event: KeyboardEvent, buttons: HTMLButtonElement[], choose: boolean): void {
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    const next = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    const target = buttons[(next + buttons.length) % buttons.length];
    this.focusable(buttons, target);
    target.focus();
    if (choose) target.click();
  }

  private focusable(buttons: HTMLButtonElement[], current: HTMLButtonElement): void {
    for (const button of buttons) button.tabIndex = button === current ? 0 : -1;
  }
}
