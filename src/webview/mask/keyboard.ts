// Painting without a mouse: a cursor on the canvas that the arrow keys move. Brush and eraser
// paint while Space is held, or between two presses of Enter (no keys to hold together); the
// rectangle tool takes a corner with Space or Enter and marks (or, with Delete, erases) up to
// the cursor at the next press. The cursor follows the mouse, so both can be used in turn.
import { clampToImage, type Point } from './core/geometry';
import type { MaskCommand } from './core/keys';
import type { MaskValue } from './core/model';
import { cursorStep } from './core/zoom';
import type { EditorContext } from './context';

type CanvasCommand = Extract<MaskCommand, { type: 'move' | 'press' | 'toggle' | 'eraseRect' | 'cancel' }>;

/** The keyboard cursor and what it is doing. */
export class KeyboardInput {
  /** In image pixels, always on a pixel centre inside the image. */
  cursor: Point = { x: 0.5, y: 0.5 };
  private pen: { latched: boolean; value: MaskValue } | undefined;
  private anchor: Point | undefined;

  constructor(private readonly editor: EditorContext) {}

  /** Puts the cursor in the middle of a newly loaded image and forgets any drawing. */
  reset(width: number, height: number): void {
    this.pen = undefined;
    this.anchor = undefined;
    this.cursor = { x: Math.floor(width / 2) + 0.5, y: Math.floor(height / 2) + 0.5 };
  }

  /** Moves the cursor to where the mouse is (when the keyboard is not drawing). */
  follow(point: Point): void {
    const model = this.editor.model;
    if (!model || this.pen || this.anchor) return;
    const inside = clampToImage(point, model.width, model.height);
    this.cursor = { x: Math.floor(inside.x) + 0.5, y: Math.floor(inside.y) + 0.5 };
  }

  /** True while painting or drawing a rectangle from the keyboard. */
  get busy(): boolean {
    return this.pen !== undefined || this.anchor !== undefined;
  }

  /** Carries out a canvas key; false when it had nothing to do (so the key may go on to the page). */
  command(command: CanvasCommand, repeat: boolean): boolean {
    const { model, tool, labels } = this.editor;
    if (!model) return false;
    switch (command.type) {
      case 'move':
        this.move(command.dx, command.dy, command.fast);
        return true;
      case 'press':
        if (repeat) return true; // held Space: keep painting, nothing new
        if (tool === 'rectangle') return this.corner(1);
        if (tool === 'pan' || this.pen) return true;
        this.startPen(false);
        return true;
      case 'toggle':
        if (tool === 'rectangle') return this.corner(1);
        if (tool === 'pan') return false;
        if (this.pen) this.end();
        else this.startPen(true);
        return true;
      case 'eraseRect':
        return this.anchor ? this.corner(0) : false;
      case 'cancel':
        if (this.anchor) {
          this.anchor = undefined;
          this.editor.view.showMarquee(undefined);
          this.editor.announce(labels.cancelled);
          return true;
        }
        if (!this.pen) return false;
        this.end();
        return true;
    }
  }

  /** Space was let go: a held stroke ends. */
  release(): void {
    if (this.pen && !this.pen.latched) {
      this.pen = undefined;
      this.editor.stepEnded(this.editor.model?.commit() ?? false);
    }
  }

  /** Ends any keyboard drawing (focus left, tool changed, undo): keeps a stroke, drops a half-drawn rectangle. */
  end(): void {
    if (this.anchor) {
      this.anchor = undefined;
      this.editor.view.showMarquee(undefined);
    }
    if (!this.pen) return;
    const latched = this.pen.latched;
    this.pen = undefined;
    this.editor.stepEnded(this.editor.model?.commit() ?? false, latched ? this.editor.labels.stoppedPainting : undefined);
  }

  /** Redraws the rectangle outline (after a zoom). */
  refresh(): void {
    if (this.anchor) this.editor.view.showMarquee(this.anchor, this.cursor);
  }

  private move(dx: number, dy: number, fast: boolean): void {
    const { model, view } = this.editor;
    if (!model) return;
    const step = cursorStep(view.scale, fast);
    const next = clampToImage({ x: this.cursor.x + dx * step, y: this.cursor.y + dy * step }, model.width, model.height);
    if (this.pen) {
      const radius = this.editor.brushSize / 2;
      model.paintSegment(this.cursor, next, radius, this.pen.value);
      this.editor.changed();
    }
    this.cursor = next;
    this.refresh();
    view.reveal(next);
    this.editor.cursorMoved();
  }

  private startPen(latched: boolean): void {
    const { model, tool, labels, brushSize } = this.editor;
    const value: MaskValue = tool === 'eraser' ? 0 : 1;
    model!.paintSegment(this.cursor, this.cursor, brushSize / 2, value);
    this.pen = { latched, value };
    this.editor.changed();
    if (latched) this.editor.announce(value ? labels.painting : labels.erasing);
  }

  /** First press: takes a corner. Second: marks (1) or erases (0) the rectangle up to the cursor. */
  private corner(value: MaskValue): boolean {
    const { model, view, labels } = this.editor;
    if (!this.anchor) {
      if (value === 0) return false;
      this.anchor = this.cursor;
      view.showMarquee(this.anchor, this.cursor);
      this.editor.announce(labels.cornerSet);
      return true;
    }
    const anchor = this.anchor;
    this.anchor = undefined;
    view.showMarquee(undefined);
    this.editor.stepEnded(model!.fillRect(anchor, this.cursor, value), value ? labels.rectangleMarked : labels.rectangleErased);
    return true;
  }
}
