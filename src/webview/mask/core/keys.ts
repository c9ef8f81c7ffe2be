// Keyboard commands of the mask editor in one table: the key handler and the shortcuts shown in
// tooltips and the help both come from it, so they cannot disagree.
import type { MaskTool } from './tools';

/** Something a key asks the editor to do. */
export type MaskCommand =
  | { type: 'tool'; tool: MaskTool }
  | { type: 'brushSize'; direction: -1 | 1 }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'invert' }
  | { type: 'zoom'; direction: -1 | 1 }
  | { type: 'zoomFit' }
  | { type: 'zoomActual' }
  | { type: 'help' }
  // The rest act at the keyboard cursor, so only while the canvas has focus:
  | { type: 'move'; dx: -1 | 0 | 1; dy: -1 | 0 | 1; fast: boolean }
  /** Space: paint while held (brush, eraser); set a corner / fill (rectangle). */
  | { type: 'press' }
  /** Enter: start or stop painting without holding a key (brush, eraser); set a corner / fill (rectangle). */
  | { type: 'toggle' }
  /** Delete / Backspace: erase the rectangle being drawn. */
  | { type: 'eraseRect' }
  /** Escape: stop painting, drop a half-drawn rectangle. */
  | { type: 'cancel' };

/** The parts of a KeyboardEvent the table looks at. */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

interface Binding {
  command: MaskCommand;
  /** `key` values (KeyboardEvent.key, compared case-insensitively); the first is the one shown. */
  keys: string[];
  /** Needs Ctrl (Cmd on macOS). */
  mod?: boolean;
  /** Needs Shift (only checked with `mod`; plain keys such as + and ? may need Shift to type). */
  shift?: boolean;
  /** Only when the canvas has focus (keys that a button or the size slider use themselves). */
  canvas?: boolean;
}

/** Command names that have a shortcut to show. */
export type ShortcutName = 'brush' | 'eraser' | 'rectangle' | 'pan' | 'smaller' | 'larger' | 'undo' | 'redo' | 'invert' | 'zoomIn' | 'zoomOut' | 'zoomFit' | 'zoomActual' | 'help';

const BINDINGS: Record<ShortcutName, Binding[]> = {
  brush: [{ command: { type: 'tool', tool: 'brush' }, keys: ['b'] }],
  eraser: [{ command: { type: 'tool', tool: 'eraser' }, keys: ['e'] }],
  rectangle: [{ command: { type: 'tool', tool: 'rectangle' }, keys: ['r'] }],
  pan: [{ command: { type: 'tool', tool: 'pan' }, keys: ['h'] }],
  smaller: [{ command: { type: 'brushSize', direction: -1 }, keys: ['['] }],
  larger: [{ command: { type: 'brushSize', direction: 1 }, keys: [']'] }],
  undo: [{ command: { type: 'undo' }, keys: ['z'], mod: true }],
  redo: [{ command: { type: 'redo' }, keys: ['z'], mod: true, shift: true }, { command: { type: 'redo' }, keys: ['y'], mod: true }],
  invert: [{ command: { type: 'invert' }, keys: ['i'] }],
  zoomIn: [{ command: { type: 'zoom', direction: 1 }, keys: ['+', '='] }],
  zoomOut: [{ command: { type: 'zoom', direction: -1 }, keys: ['-', '_'] }],
  zoomFit: [{ command: { type: 'zoomFit' }, keys: ['0'] }],
  zoomActual: [{ command: { type: 'zoomActual' }, keys: ['1'] }],
  help: [{ command: { type: 'help' }, keys: ['?'] }],
};

const CANVAS_BINDINGS: Binding[] = [
  { command: { type: 'press' }, keys: [' '], canvas: true },
  { command: { type: 'toggle' }, keys: ['Enter'], canvas: true },
  { command: { type: 'eraseRect' }, keys: ['Delete', 'Backspace'], canvas: true },
  { command: { type: 'cancel' }, keys: ['Escape'], canvas: true },
];

const ARROWS: Record<string, [-1 | 0 | 1, -1 | 0 | 1]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/** The command for a key press, or undefined to leave the key alone (to the page, a button, VS Code). */
export function keyCommand(input: KeyInput, onCanvas: boolean): MaskCommand | undefined {
  const mod = input.ctrlKey || input.metaKey;
  // AltGr arrives as Ctrl+Alt; on many layouts it is how [ and ] are typed.
  const altGr = input.ctrlKey && input.altKey && !input.metaKey;
  const arrow = ARROWS[input.key];
  if (arrow) {
    // Alt+arrows go back in browser history, Ctrl+arrows switch desktops on macOS: left alone.
    // Finer steps come from zooming in (the step is a fixed distance on screen).
    if (!onCanvas || input.altKey || mod) return undefined;
    return { type: 'move', dx: arrow[0], dy: arrow[1], fast: input.shiftKey };
  }
  for (const binding of [...Object.values(BINDINGS).flat(), ...CANVAS_BINDINGS]) {
    if (binding.canvas && !onCanvas) continue;
    if (!binding.keys.some((key) => key.toLowerCase() === input.key.toLowerCase())) continue;
    if (binding.mod) {
      if (mod && !input.altKey && Boolean(binding.shift) === input.shiftKey) return binding.command;
    } else if ((!mod && !input.altKey) || altGr) {
      return binding.command;
    }
  }
  return undefined;
}

/** The shortcut of a command as people write it ("B", "Ctrl+Z", "⌘Z" on macOS). */
export function shortcutText(name: ShortcutName, mac: boolean): string {
  const { keys, mod, shift } = BINDINGS[name][0];
  const key = keys[0].length === 1 ? keys[0].toUpperCase() : keys[0];
  if (!mod) return key;
  return mac ? `${shift ? '⇧' : ''}⌘${key}` : `Ctrl+${shift ? 'Shift+' : ''}${key}`;
}

/** The same in the form of the aria-keyshortcuts attribute ("Control+Shift+Z"). */
export function ariaShortcut(name: ShortcutName, mac: boolean): string {
  return BINDINGS[name].map(({ keys, mod, shift }) => {
    const key = keys[0] === '+' ? 'Plus' : keys[0].length === 1 ? keys[0].toUpperCase() : keys[0];
    return [mod ? (mac ? 'Meta' : 'Control') : '', shift ? 'Shift' : '', key].filter(Boolean).join('+');
  }).join(' ');
}
