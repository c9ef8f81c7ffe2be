// Every string the mask editor shows. The editor takes them as one object, so the Studio can feed
// it from either channel: this default reads the extension's l10n bundle through @vscode/l10n
// (the webview configures it from `init`), or the host can build the same object.
// Spelled l10n.t('…') every time: the extractor (npm run l10n:extract) only finds calls written so.
import * as l10n from '@vscode/l10n';

/** The mask editor's strings; `{0}`, `{1}`… are filled in by the editor. */
export interface MaskLabels {
  editor: string;
  /** The group of tool choices. */
  tools: string;
  /** The toolbar of actions (undo, invert, zoom…). */
  actions: string;
  brush: string;
  eraser: string;
  rectangle: string;
  pan: string;
  brushSize: string;
  /** {0}: a size in image pixels. */
  pixels: string;
  undo: string;
  redo: string;
  invert: string;
  clear: string;
  zoomIn: string;
  zoomOut: string;
  zoomFit: string;
  zoomActual: string;
  /** {0}: percent. */
  zoomValue: string;
  help: string;
  /** The canvas's accessible name; {0} × {1}: the image size. */
  canvas: string;
  /** What the canvas's keys do, read by screen readers with its name. */
  canvasKeys: string;
  emptyHint: string;
  /** {0}: percent of the image. */
  markedShare: string;
  /** {0} × {1}: width × height. */
  imageSize: string;
  helpMove: string;
  helpPaint: string;
  helpRectangle: string;
  helpPointer: string;
  helpView: string;
  helpShortcuts: string;
  undone: string;
  redone: string;
  inverted: string;
  cleared: string;
  painting: string;
  erasing: string;
  stoppedPainting: string;
  cornerSet: string;
  rectangleMarked: string;
  rectangleErased: string;
  cancelled: string;
  imageFailed: string;
  /** {0} × {1}: the image size; {2}: the limit in megapixels. */
  imageTooLarge: string;
  /** {0} × {1}: the mask's size; {2} × {3}: the image's. */
  maskWrongSize: string;
  maskUnreadable: string;
}

/** The strings in the UI language of the extension's l10n bundle (English without one). */
export function maskLabels(): MaskLabels {
  return {
    editor: l10n.t('Mask editor'),
    tools: l10n.t('Tool'),
    actions: l10n.t('Mask actions'),
    brush: l10n.t('Brush'),
    eraser: l10n.t('Eraser'),
    rectangle: l10n.t('Rectangle'),
    pan: l10n.t('Pan'),
    brushSize: l10n.t('Brush size'),
    pixels: l10n.t('{0} px'),
    undo: l10n.t('Undo'),
    redo: l10n.t('Redo'),
    invert: l10n.t('Invert mask'),
    clear: l10n.t('Clear mask'),
    zoomIn: l10n.t('Zoom in'),
    zoomOut: l10n.t('Zoom out'),
    zoomFit: l10n.t('Fit to view'),
    zoomActual: l10n.t('Actual size'),
    zoomValue: l10n.t('Zoom {0}%'),
    help: l10n.t('Keyboard and mouse help'),
    canvas: l10n.t('Mask over the image, {0} × {1} pixels'),
    canvasKeys: l10n.t('Paint over what should change. Arrow keys move the cursor, Space paints while held, Enter starts or stops painting. Press ? for all keys.'),
    emptyHint: l10n.t('Paint over what should change.'),
    markedShare: l10n.t('{0}% of the image will change'),
    imageSize: l10n.t('{0} × {1} px'),
    helpMove: l10n.t('Arrow keys move the cursor (with Shift: faster; zoom in for finer steps).'),
    helpPaint: l10n.t('Brush and eraser: Space paints while held; Enter starts or stops painting as the cursor moves.'),
    helpRectangle: l10n.t('Rectangle: Space or Enter sets a corner, then marks the rectangle; Delete erases it instead; Escape cancels.'),
    helpPointer: l10n.t('Mouse, pen or touch: drag to paint. The right button or a pen\'s eraser erases; hold Alt while dragging a rectangle to erase it.'),
    helpView: l10n.t('Ctrl+wheel or pinch zooms; the middle button, the Pan tool or two fingers move the view.'),
    helpShortcuts: l10n.t('Shortcuts'),
    undone: l10n.t('Undone'),
    redone: l10n.t('Redone'),
    inverted: l10n.t('Mask inverted'),
    cleared: l10n.t('Mask cleared'),
    painting: l10n.t('Painting'),
    erasing: l10n.t('Erasing'),
    stoppedPainting: l10n.t('Stopped painting'),
    cornerSet: l10n.t('Corner set. Move the cursor, then press Space to mark the rectangle or Delete to erase it.'),
    rectangleMarked: l10n.t('Rectangle marked'),
    rectangleErased: l10n.t('Rectangle erased'),
    cancelled: l10n.t('Cancelled'),
    imageFailed: l10n.t('The image could not be loaded into the mask editor.'),
    imageTooLarge: l10n.t('The image is too large for the mask editor ({0} × {1} px; at most {2} megapixels).'),
    maskWrongSize: l10n.t('The saved mask is {0} × {1} px but the image is {2} × {3} px, so it was not restored.'),
    maskUnreadable: l10n.t('The saved mask could not be read as an image.'),
  };
}
