// What the pointer and keyboard inputs need from the editor they drive.
import type { MaskModel } from './core/model';
import type { MaskTool } from './core/tools';
import type { MaskLabels } from './labels';
import type { MaskView } from './view';

/** The editor as its inputs see it. */
export interface EditorContext {
  /** The mask of the loaded image; undefined before one loads. */
  readonly model: MaskModel | undefined;
  readonly view: MaskView;
  readonly tool: MaskTool;
  /** Brush diameter in image pixels. */
  readonly brushSize: number;
  readonly labels: MaskLabels;
  /** Pixels changed inside an open step: redraw them on the next frame. */
  changed(): void;
  /** A step ended (`recorded`: it changed the mask): redraw, update controls, fire `change`, announce. */
  stepEnded(recorded: boolean, announcement?: string): void;
  /** Says something to screen readers. */
  announce(text: string): void;
  /** The brush ring or cursor marker may have to move. */
  cursorMoved(): void;
}
