// Mouse, pen and touch on the canvas, through pointer events: drag to paint, erase (right button,
// a pen's eraser end, or the Eraser tool), draw rectangles (Alt erases) or pan (middle button or
// the Pan tool); Ctrl+wheel zooms; two fingers pinch-zoom and pan, dropping a stroke the first
// finger had begun.
import type { Point } from './core/geometry';
import type { MaskValue } from './core/model';
import { brushRadius } from './core/tools';
import type { EditorContext } from './context';

type Drag =
  | { kind: 'stroke'; id: number; last: Point; radius: number; value: MaskValue }
  | { kind: 'rectangle'; id: number; anchor: Point; erase: boolean }
  | { kind: 'pan'; id: number; clientX: number; clientY: number };

interface ScreenPoint { clientX: number; clientY: number }

/** Pointer button numbers (PointerEvent.button). */
const BUTTON = { primary: 0, middle: 1, secondary: 2, penEraser: 5 } as const;
/** Wheel zoom per pixel of wheel travel (a line counts as 20 pixels). */
const WHEEL_ZOOM = 0.002;

/** Turns pointer events on the view into edits. */
export class PointerInput {
  private drag: Drag | undefined;
  private readonly touches = new Map<number, ScreenPoint>();
  private pinch: { distance: number; scale: number; point: Point } | undefined;
  /** Where the pointer hovers over the view, in image pixels; undefined when it is elsewhere. */
  hover: Point | undefined;

  constructor(private readonly editor: EditorContext, private readonly beforeDrag: () => void) {
    const viewport = editor.view.viewport;
    viewport.addEventListener('pointerdown', (event) => this.down(event));
    viewport.addEventListener('pointermove', (event) => this.move(event));
    viewport.addEventListener('pointerup', (event) => this.up(event, false));
    viewport.addEventListener('pointercancel', (event) => this.up(event, true));
    viewport.addEventListener('pointerleave', (event) => this.leave(event));
    viewport.addEventListener('wheel', (event) => this.wheel(event), { passive: false });
    // The right button erases and the middle one pans: no browser menu, no autoscroll or paste.
    viewport.addEventListener('contextmenu', (event) => event.preventDefault());
    viewport.addEventListener('mousedown', (event) => {
      if (event.button === BUTTON.middle) event.preventDefault();
    });
  }

  /** True while a drag is under way. */
  get busy(): boolean {
    return this.drag !== undefined || this.pinch !== undefined;
  }

  /** Drops a drag in progress without keeping its stroke (a new image, a second finger). */
  abandon(): void {
    const drag = this.drag;
    this.release();
    if (drag?.kind === 'stroke') {
      this.editor.model?.revert();
      this.editor.changed();
    }
  }

  /** Stops following a drag in progress, leaving its stroke open for the model's next step to close (undo during a stroke undoes that stroke). */
  release(): void {
    this.drag = undefined;
    this.editor.view.showMarquee(undefined);
  }

  private down(event: PointerEvent): void {
    const { model, view, tool } = this.editor;
    if (!model) return;
    if (event.pointerType === 'touch') {
      this.touches.set(event.pointerId, event);
      if (this.touches.size === 2) {
        this.abandon();
        this.startPinch();
        return;
      }
      if (this.touches.size > 2 || this.pinch) return;
    }
    if (this.drag) return;
    const erase = event.button === BUTTON.secondary || event.button === BUTTON.penEraser;
    const primary = event.button === BUTTON.primary || erase;
    if (!primary && event.button !== BUTTON.middle) return;
    this.beforeDrag();
    const point = view.toImage(event.clientX, event.clientY);
    if (event.button === BUTTON.middle || tool === 'pan') {
      this.drag = { kind: 'pan', id: event.pointerId, clientX: event.clientX, clientY: event.clientY };
      view.setCursor('panning');
    } else if (tool === 'rectangle') {
      this.drag = { kind: 'rectangle', id: event.pointerId, anchor: point, erase };
      view.showMarquee(point, point);
    } else {
      const value: MaskValue = tool === 'eraser' || erase ? 0 : 1;
      const radius = brushRadius(this.editor.brushSize, event.pointerType, event.pressure);
      model.paintSegment(point, point, radius, value);
      this.drag = { kind: 'stroke', id: event.pointerId, last: point, radius, value };
      this.editor.changed();
    }
    view.viewport.setPointerCapture(event.pointerId);
    view.viewport.focus({ preventScroll: true });
    event.preventDefault();
  }

  private move(event: PointerEvent): void {
    const { model, view } = this.editor;
    if (event.pointerType === 'touch' && this.touches.has(event.pointerId)) {
      this.touches.set(event.pointerId, event);
      if (this.pinch) return this.movePinch();
    }
    const drag = this.drag;
    const point = view.toImage(event.clientX, event.clientY);
    if (!drag || drag.id !== event.pointerId || !model) {
      if (!this.busy) this.setHover(point);
      return;
    }
    switch (drag.kind) {
      case 'stroke': {
        // Every sample the browser merged into this event, so fast strokes keep their shape.
        const samples = event.getCoalescedEvents?.() ?? [];
        for (const sample of samples.length ? samples : [event]) {
          const to = view.toImage(sample.clientX, sample.clientY);
          const radius = brushRadius(this.editor.brushSize, sample.pointerType, sample.pressure);
          model.paintSegment(drag.last, to, drag.radius, drag.value, radius);
          drag.last = to;
          drag.radius = radius;
        }
        this.editor.changed();
        this.setHover(point);
        break;
      }
      case 'rectangle':
        view.showMarquee(drag.anchor, point);
        break;
      case 'pan':
        view.panBy(drag.clientX - event.clientX, drag.clientY - event.clientY);
        drag.clientX = event.clientX;
        drag.clientY = event.clientY;
        break;
    }
  }

  private up(event: PointerEvent, cancelled: boolean): void {
    const { model, view, labels } = this.editor;
    if (this.touches.delete(event.pointerId) && this.pinch) {
      // Lifting a finger ends the pinch; the remaining finger does not start painting.
      if (this.touches.size < 2) this.pinch = undefined;
      return;
    }
    const drag = this.drag;
    if (!drag || drag.id !== event.pointerId || !model) return;
    this.drag = undefined;
    switch (drag.kind) {
      case 'stroke':
        // A cancelled pointer (the system took the touch) keeps what was painted, like a lifted one.
        this.editor.stepEnded(model.commit());
        break;
      case 'rectangle': {
        view.showMarquee(undefined);
        if (cancelled) break;
        const erase = drag.erase || event.altKey;
        const done = model.fillRect(drag.anchor, view.toImage(event.clientX, event.clientY), erase ? 0 : 1);
        this.editor.stepEnded(done, erase ? labels.rectangleErased : labels.rectangleMarked);
        break;
      }
      case 'pan':
        this.editor.cursorMoved();
        break;
    }
  }

  private leave(event: PointerEvent): void {
    if (this.drag?.id === event.pointerId) return; // captured: the drag goes on outside
    this.hover = undefined;
    this.editor.cursorMoved();
  }

  private wheel(event: WheelEvent): void {
    if (!(event.ctrlKey || event.metaKey) || !this.editor.model) return; // plain wheel scrolls
    event.preventDefault();
    const { view } = this.editor;
    const travel = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? event.deltaY * 20 : event.deltaY;
    view.zoomAround(view.scale * Math.exp(-travel * WHEEL_ZOOM), view.toImage(event.clientX, event.clientY), event);
  }

  private startPinch(): void {
    const [a, b] = [...this.touches.values()];
    const middle = midpoint(a, b);
    this.pinch = { distance: Math.max(1, distance(a, b)), scale: this.editor.view.scale, point: this.editor.view.toImage(middle.clientX, middle.clientY) };
  }

  private movePinch(): void {
    const pinch = this.pinch!;
    const [a, b] = [...this.touches.values()];
    this.editor.view.zoomAround((pinch.scale * distance(a, b)) / pinch.distance, pinch.point, midpoint(a, b));
  }

  private setHover(point: Point): void {
    this.hover = point;
    this.editor.cursorMoved();
  }
}

function distance(a: ScreenPoint, b: ScreenPoint): number {
  return Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY);
}

function midpoint(a: ScreenPoint, b: ScreenPoint): ScreenPoint {
  return { clientX: (a.clientX + b.clientX) / 2, clientY: (a.clientY + b.clientY) / 2 };
}
