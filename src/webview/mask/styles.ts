// The editor's own stylesheet, adopted by its shadow root as a constructable stylesheet: not an
// inline <style> or style attribute, so the Studio's CSP (style-src only from the extension)
// allows it, the way @vscode-elements styles itself. Colours come only from --vscode-* variables
// (inherited through the shadow root) or CSS system colours, so every theme applies.

const CSS = `
:host {
  display: flex;
  flex-direction: column;
  height: 480px;
  min-height: 200px;
  color: var(--vscode-foreground);
  font-family: var(--vscode-font-family);
  font-size: var(--vscode-font-size);
  border: 1px solid var(--vscode-widget-border, var(--vscode-panel-border, transparent));
  /* The marked region: the theme's accent. */
  --mask-colour: var(--vscode-focusBorder, Highlight);
  --line: var(--vscode-widget-border, var(--vscode-panel-border, transparent));
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }

.bar {
  display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px;
  padding: 4px 6px;
  border-bottom: 1px solid var(--line);
}
.group { display: flex; align-items: center; gap: 2px; }
.separator { width: 1px; height: 16px; margin: 0 4px; background: var(--vscode-menu-separatorBackground, var(--line)); }

.tool {
  display: inline-flex; align-items: center; justify-content: center;
  width: 24px; height: 24px; padding: 0; margin: 0;
  color: var(--vscode-icon-foreground, var(--vscode-foreground));
  background: none; border: 1px solid transparent; border-radius: 5px;
  font: inherit; cursor: pointer;
}
.tool:hover:not([aria-disabled="true"]) {
  background: var(--vscode-toolbar-hoverBackground);
  outline: 1px dashed var(--vscode-toolbar-hoverOutline, transparent); outline-offset: -1px;
}
.tool:active:not([aria-disabled="true"]) { background: var(--vscode-toolbar-activeBackground, var(--vscode-toolbar-hoverBackground)); }
.tool[aria-checked="true"], .tool[aria-expanded="true"] {
  color: var(--vscode-inputOption-activeForeground, var(--vscode-icon-foreground, var(--vscode-foreground)));
  background: var(--vscode-inputOption-activeBackground);
  border-color: var(--vscode-inputOption-activeBorder, transparent);
}
.tool:focus-visible, input:focus-visible, .viewport:focus-visible {
  outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px;
}
.tool[aria-disabled="true"] { opacity: 0.4; cursor: default; }
.icon { display: block; pointer-events: none; }
.icon .stroke { fill: none; stroke: currentColor; stroke-width: 1.1; stroke-linecap: round; stroke-linejoin: round; }
.icon .fill { fill: currentColor; stroke: none; }
@media (pointer: coarse) {
  .tool { width: 36px; height: 36px; }
}

.size { display: flex; align-items: center; gap: 6px; }
.size output { min-width: 4.5em; color: var(--vscode-descriptionForeground); font-variant-numeric: tabular-nums; }
input[type="range"] {
  -webkit-appearance: none; appearance: none;
  width: 120px; height: 18px; margin: 0; background: transparent; cursor: pointer;
}
input[type="range"]::-webkit-slider-runnable-track {
  height: 4px; border-radius: 2px;
  background: var(--vscode-scrollbarSlider-background, var(--line));
  outline: 1px solid var(--vscode-contrastBorder, transparent);
}
input[type="range"]::-webkit-slider-thumb {
  -webkit-appearance: none; appearance: none;
  width: 12px; height: 12px; margin-top: -4px; border-radius: 50%;
  background: var(--vscode-button-background, var(--vscode-foreground));
  border: 1px solid var(--vscode-contrastActiveBorder, var(--vscode-button-border, transparent));
}

.viewport {
  position: relative; display: flex; flex: 1 1 auto; min-height: 0;
  overflow: auto; overscroll-behavior: contain;
  /* Touch paints and pinches here instead of scrolling the page. */
  touch-action: none;
  background: var(--vscode-editor-background);
  cursor: crosshair;
}
.viewport[data-cursor="brush"] { cursor: none; }
.viewport[data-cursor="pan"] { cursor: grab; }
.viewport[data-cursor="panning"] { cursor: grabbing; }
.stage {
  position: relative; flex: none; margin: auto;
  /* A checkerboard behind transparent images, from the theme's own colours. */
  --checker: color-mix(in srgb, var(--vscode-editor-foreground, CanvasText) 10%, var(--vscode-editor-background, Canvas));
  background: repeating-conic-gradient(var(--checker) 0 25%, transparent 0 50%) 0 0 / 16px 16px;
}
.stage > .image, .stage > .overlay {
  position: absolute; inset: 0; width: 100%; height: 100%; display: block;
  pointer-events: none; user-select: none; -webkit-user-drag: none;
}
.pixelated > .image, .pixelated > .overlay { image-rendering: pixelated; }
.ring, .marquee { position: absolute; left: 0; top: 0; pointer-events: none; }
/* Two rings in the theme's foreground and background colours: visible on any image. */
.ring {
  border-radius: 50%;
  border: 1px solid var(--vscode-editor-foreground, CanvasText);
  box-shadow: 0 0 0 1px var(--vscode-editor-background, Canvas), inset 0 0 0 1px var(--vscode-editor-background, Canvas);
}
.marquee {
  outline: 1px dashed var(--vscode-editor-foreground, CanvasText);
  box-shadow: 0 0 0 1px var(--vscode-editor-background, Canvas);
}
.colour-probe { display: none; color: var(--mask-colour); }

.status {
  display: flex; flex-wrap: wrap; justify-content: space-between; gap: 2px 12px;
  padding: 3px 6px;
  border-top: 1px solid var(--line);
  color: var(--vscode-descriptionForeground);
  font-variant-numeric: tabular-nums;
}
.error { padding: 12px; color: var(--vscode-errorForeground); }

.help {
  padding: 6px 10px 8px; max-height: 40%; overflow: auto;
  border-top: 1px solid var(--line);
  color: var(--vscode-editorWidget-foreground, var(--vscode-foreground));
  background: var(--vscode-editorWidget-background, var(--vscode-editor-background));
}
.help p { margin: 4px 0; }
.help dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 10px; margin: 6px 0 0; align-items: center; }
.help dt { margin: 0; }
.help dd { margin: 0; }
kbd {
  display: inline-block; padding: 1px 4px; border-radius: 3px;
  font-family: var(--vscode-editor-font-family, monospace); font-size: 0.92em;
  color: var(--vscode-keybindingLabel-foreground, inherit);
  background: var(--vscode-keybindingLabel-background, transparent);
  border: 1px solid var(--vscode-keybindingLabel-border, var(--line));
  border-bottom-color: var(--vscode-keybindingLabel-bottomBorder, var(--line));
  box-shadow: inset 0 -1px 0 var(--vscode-widget-shadow, transparent);
}
.visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap;
}
`;

let sheet: CSSStyleSheet | undefined;

/** The stylesheet, built once and shared by every editor on the page. */
export function maskEditorSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}
