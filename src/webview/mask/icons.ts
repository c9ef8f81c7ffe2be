// The toolbar's icons: 16 px line drawings in the codicon manner, drawn with currentColor so they
// follow the theme's icon colour. Built with the DOM (no markup strings), so the CSP is unaffected.

/** An icon's strokes; `fill` paths are solid shapes. */
export interface IconSpec {
  strokes: string[];
  fills?: string[];
}

const ICONS = {
  brush: { strokes: ['M13.5 2.5 8.2 7.8'], fills: ['M8.6 8.3c-1.3-1.3-3.7-.9-4.3 1-.4 1.2-.9 2.3-2.3 3.2 2.8.9 5.7.3 6.7-1.7.5-1 .5-1.8-.1-2.5z'] },
  eraser: { strokes: ['M9.6 2.4 13.6 6.4 6.5 13.5H3.8L2 11.7a1 1 0 0 1 0-1.4z', 'M5.4 6.6 9.4 10.6', 'M7.5 13.5h6.5'] },
  rectangle: { strokes: ['M2.5 3.5h11v9h-11z'] },
  pan: { strokes: ['M8 1.5v13M1.5 8h13', 'M6 3.5 8 1.5l2 2M6 12.5l2 2 2-2M3.5 6 1.5 8l2 2M12.5 6l2 2-2 2'] },
  undo: { strokes: ['M5.5 2.5 2.5 5.5l3 3', 'M2.5 5.5h7a3.5 3.5 0 0 1 0 7H7'] },
  redo: { strokes: ['M10.5 2.5l3 3-3 3', 'M13.5 5.5h-7a3.5 3.5 0 0 0 0 7H9'] },
  invert: { strokes: ['M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2z'], fills: ['M8 2a6 6 0 0 1 0 12z'] },
  clear: { strokes: ['M2.5 4.5h11', 'M6.5 4.5V2.5h3v2', 'M4 4.5l.7 9h6.6l.7-9', 'M6.7 7v4.5M9.3 7v4.5'] },
  zoomIn: { strokes: ['M7 2.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9z', 'M10.3 10.3 14 14', 'M5 7h4M7 5v4'] },
  zoomOut: { strokes: ['M7 2.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9z', 'M10.3 10.3 14 14', 'M5 7h4'] },
  zoomFit: { strokes: ['M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10'] },
  zoomActual: { strokes: ['M2.5 5 4.5 3.5v9M11 5l2-1.5v9'], fills: ['M8 5.5a.9.9 0 1 0 0 1.8.9.9 0 0 0 0-1.8zM8 9.2a.9.9 0 1 0 0 1.8.9.9 0 0 0 0-1.8z'] },
  help: { strokes: ['M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13z', 'M6.2 6.3a1.9 1.9 0 1 1 2.7 1.7c-.6.3-.9.7-.9 1.3v.4'], fills: ['M8 10.9a.8.8 0 1 0 0 1.6.8.8 0 0 0 0-1.6z'] },
} satisfies Record<string, IconSpec>;

/** The names of the editor's icons. */
export type IconName = keyof typeof ICONS;

const SVG = 'http://www.w3.org/2000/svg';

/** A fresh 16 px icon element, hidden from screen readers (its button carries the name). */
export function icon(name: IconName): SVGSVGElement {
  return drawIcon(ICONS[name]);
}

/** Draws a 16 px icon from its paths (the Studio's result cards have their own set). */
export function drawIcon(spec: IconSpec): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.classList.add('icon');
  for (const d of spec.strokes) svg.appendChild(path(d, 'stroke'));
  for (const d of spec.fills ?? []) svg.appendChild(path(d, 'fill'));
  return svg;
}

function path(d: string, kind: 'stroke' | 'fill'): SVGPathElement {
  const element = document.createElementNS(SVG, 'path');
  element.setAttribute('d', d);
  element.classList.add(kind);
  return element;
}
