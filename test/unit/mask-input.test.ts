import { strict as assert } from 'node:assert';
import { ariaShortcut, keyCommand, shortcutText, type KeyInput } from '../../src/webview/mask/core/keys';
import { BRUSH_SIZES, brushRadius, defaultBrushSize, stepBrushSize } from '../../src/webview/mask/core/tools';
import { clampZoom, cursorStep, fitScale, stepZoom } from '../../src/webview/mask/core/zoom';

const key = (k: string, mods: Partial<Omit<KeyInput, 'key'>> = {}): KeyInput => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('mask editor keys', () => {
  it('switches tools with single letters, typed with or without Shift, but not with Ctrl or Alt', () => {
    assert.deepEqual(keyCommand(key('b'), false), { type: 'tool', tool: 'brush' });
    assert.deepEqual(keyCommand(key('E', { shiftKey: true }), false), { type: 'tool', tool: 'eraser' });
    assert.deepEqual(keyCommand(key('r'), true), { type: 'tool', tool: 'rectangle' });
    assert.deepEqual(keyCommand(key('h'), true), { type: 'tool', tool: 'pan' });
    assert.equal(keyCommand(key('b', { ctrlKey: true }), true), undefined);
    assert.equal(keyCommand(key('b', { altKey: true }), true), undefined);
  });

  it('undoes with Ctrl/Cmd+Z and redoes with Ctrl/Cmd+Shift+Z or Ctrl/Cmd+Y', () => {
    assert.deepEqual(keyCommand(key('z', { ctrlKey: true }), false), { type: 'undo' });
    assert.deepEqual(keyCommand(key('z', { metaKey: true }), false), { type: 'undo' });
    assert.deepEqual(keyCommand(key('Z', { ctrlKey: true, shiftKey: true }), false), { type: 'redo' });
    assert.deepEqual(keyCommand(key('y', { ctrlKey: true }), false), { type: 'redo' });
    assert.equal(keyCommand(key('z'), true), undefined, 'a plain Z does nothing');
  });

  it('sizes the brush with [ and ], also when AltGr types them', () => {
    assert.deepEqual(keyCommand(key('['), false), { type: 'brushSize', direction: -1 });
    assert.deepEqual(keyCommand(key(']', { ctrlKey: true, altKey: true }), false), { type: 'brushSize', direction: 1 });
  });

  it('zooms with + = - 0 1 but leaves Ctrl+= and Ctrl+- to VS Code', () => {
    assert.deepEqual(keyCommand(key('+', { shiftKey: true }), false), { type: 'zoom', direction: 1 });
    assert.deepEqual(keyCommand(key('='), false), { type: 'zoom', direction: 1 });
    assert.deepEqual(keyCommand(key('-'), false), { type: 'zoom', direction: -1 });
    assert.deepEqual(keyCommand(key('0'), false), { type: 'zoomFit' });
    assert.deepEqual(keyCommand(key('1'), false), { type: 'zoomActual' });
    assert.equal(keyCommand(key('=', { ctrlKey: true }), false), undefined);
    assert.equal(keyCommand(key('-', { metaKey: true }), false), undefined);
  });

  it('moves the cursor and paints only while the canvas has focus', () => {
    assert.deepEqual(keyCommand(key('ArrowLeft'), true), { type: 'move', dx: -1, dy: 0, fast: false });
    assert.deepEqual(keyCommand(key('ArrowDown', { shiftKey: true }), true), { type: 'move', dx: 0, dy: 1, fast: true });
    assert.deepEqual(keyCommand(key(' '), true), { type: 'press' });
    assert.deepEqual(keyCommand(key('Enter'), true), { type: 'toggle' });
    assert.deepEqual(keyCommand(key('Delete'), true), { type: 'eraseRect' });
    assert.deepEqual(keyCommand(key('Escape'), true), { type: 'cancel' });
    for (const k of ['ArrowLeft', ' ', 'Enter', 'Delete', 'Escape']) assert.equal(keyCommand(key(k), false), undefined, `${JSON.stringify(k)} off the canvas`);
  });

  it('leaves Alt+arrows (browser history), Ctrl+arrows (macOS desktops), Ctrl+Enter (the Studio\'s Run) and unknown keys alone', () => {
    assert.equal(keyCommand(key('ArrowLeft', { altKey: true }), true), undefined);
    assert.equal(keyCommand(key('ArrowUp', { ctrlKey: true }), true), undefined);
    assert.equal(keyCommand(key('Enter', { ctrlKey: true }), true), undefined);
    assert.equal(keyCommand(key('Tab'), true), undefined);
    assert.equal(keyCommand(key('q'), true), undefined);
  });

  it('shows shortcuts the way each platform writes them', () => {
    assert.equal(shortcutText('brush', false), 'B');
    assert.equal(shortcutText('undo', false), 'Ctrl+Z');
    assert.equal(shortcutText('redo', false), 'Ctrl+Shift+Z');
    assert.equal(shortcutText('undo', true), '⌘Z');
    assert.equal(shortcutText('redo', true), '⇧⌘Z');
    assert.equal(ariaShortcut('redo', false), 'Control+Shift+Z Control+Y');
    assert.equal(ariaShortcut('zoomIn', true), 'Plus');
  });
});

describe('mask editor brush sizes and zoom', () => {
  it('starts at a size that suits the image and steps along the ladder, stopping at the ends', () => {
    assert.equal(defaultBrushSize(1024, 1024), 64);
    assert.equal(defaultBrushSize(1536, 640), 48);
    assert.equal(defaultBrushSize(8, 8), 1);
    assert.equal(stepBrushSize(64, 1), 96);
    assert.equal(stepBrushSize(64, -1), 48);
    assert.equal(stepBrushSize(50, 1), 64, 'an off-ladder size steps from its nearest rung');
    assert.equal(stepBrushSize(BRUSH_SIZES[0], -1), BRUSH_SIZES[0]);
    assert.equal(stepBrushSize(BRUSH_SIZES.at(-1)!, 1), BRUSH_SIZES.at(-1));
  });

  it('scales a pen\'s brush with pressure; mice and fingers paint at full size', () => {
    assert.equal(brushRadius(40, 'mouse', 0.5), 20);
    assert.equal(brushRadius(40, 'touch', 0.1), 20);
    assert.equal(brushRadius(40, 'pen', 1), 20);
    assert.equal(brushRadius(40, 'pen', 0), 20, 'a pen that reports no pressure');
    assert.equal(brushRadius(40, 'pen', 0.5), 12.5);
  });

  it('fits the image, and zoom steps stop at the fitting scale on the way', () => {
    assert.equal(fitScale(1536, 1024, 768, 768), 0.5);
    assert.equal(fitScale(0, 0, 100, 100), 1);
    assert.equal(stepZoom(1, 1, 0.4), 1.5);
    assert.equal(stepZoom(1, -1, 0.8), 0.8);
    assert.equal(stepZoom(0.8, -1, 0.8), 2 / 3);
    assert.equal(stepZoom(32, 1, 0.5), 32);
    assert.equal(clampZoom(0.001, 0.02), 0.02, 'huge images can always be fitted');
    assert.equal(clampZoom(0.001, 1), 1 / 16);
  });

  it('moves the keyboard cursor by 8 screen pixels (Shift: 32), at least one image pixel', () => {
    assert.equal(cursorStep(1, false), 8);
    assert.equal(cursorStep(0.5, false), 16);
    assert.equal(cursorStep(4, true), 8);
    assert.equal(cursorStep(32, false), 1);
  });
});
