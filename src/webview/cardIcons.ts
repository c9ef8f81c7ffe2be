// The result cards' icons, 16 px line drawings in the codicon manner (drawn like the mask editor's,
// with currentColor, so they follow the theme and need no font under the CSP).
import type { IconSpec } from './mask/icons';
import { h } from './dom';
import { drawIcon } from './mask/icons';

const CARD_ICONS = {
  open: { strokes: ['M9.5 2.5h4v4', 'M13.5 2.5 7.5 8.5', 'M11.5 9.5v4h-9v-9h4'] },
  reveal: { strokes: ['M1.5 3.5h4.5l1.5 1.5h7v8h-13z'] },
  copyPrompt: { strokes: ['M5.5 5.5h8v8h-8z', 'M3.5 10.5h-1v-8h8v1'] },
  remix: { strokes: ['M2.5 13.5 9.5 6.5', 'M11.5 1.5v4M9.5 3.5h4', 'M13 8.5v2.5M11.75 9.75h2.5'] },
  upscale: { strokes: ['M9.5 2.5h4v4', 'M13.5 2.5 9 7', 'M6.5 13.5h-4v-4', 'M2.5 13.5 7 9'] },
  describe: { strokes: ['M2.5 4h11', 'M2.5 7h11', 'M2.5 10h8', 'M2.5 13h5'] },
  again: { strokes: ['M13.2 8.8a5.2 5.2 0 1 1-1.7-4.6', 'M12 1.5v3h-3'] },
  previous: { strokes: ['M10 3 5 8l5 5'] },
  next: { strokes: ['M6 3l5 5-5 5'] },
  close: { strokes: ['M3.5 3.5l9 9M12.5 3.5l-9 9'] },
} satisfies Record<string, IconSpec>;

/** The names of the cards' and the lightbox's icons. */
export type CardIconName = keyof typeof CARD_ICONS;

/** A fresh icon, hidden from screen readers (its button carries the name). */
export function cardIcon(name: CardIconName): SVGSVGElement {
  return drawIcon(CARD_ICONS[name]);
}

/** A small button with an icon, its name as tooltip and accessible name. */
export function iconButton(name: CardIconName, label: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'icon-button', title: label, 'aria-label': label, ...attrs });
  button.appendChild(cardIcon(name));
  button.addEventListener('click', onClick);
  return button;
}
