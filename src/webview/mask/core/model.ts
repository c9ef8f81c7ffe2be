// The mask as data: one byte per image pixel, 1 where the user wants the image to change. Every
// edit is hard-edged (a pixel is in or out), so what the user sees is exactly what gets exported.
// No DOM here: it runs in plain Node for the unit tests and under the editor in the webview.
import { pixelSpan, unionRect, type PixelRect, type Point } from './geometry';
import { applyPatch, diffPatch, MaskHistory } from './history';

/** 1 marks a pixel for change, 0 keeps it. */
export type MaskValue = 0 | 1;

/** Largest image the editor takes: 4096² (about 10 bytes per pixel are held while editing). */
export const MAX_MASK_PIXELS = 4096 * 4096;

/** Thrown for an image the mask cannot be made for. */
export class MaskSizeError extends Error {
  constructor(readonly width: number, readonly height: number) {
    super(`a ${width}×${height} mask is outside 1…${MAX_MASK_PIXELS} pixels`);
    this.name = 'MaskSizeError';
  }
}

/** A mask of one image with its edit history. */
export class MaskModel {
  private readonly pixels: Uint8Array;
  /** The mask as of the last recorded step; an open step is the difference from it. */
  private readonly committed: Uint8Array;
  private readonly history: MaskHistory;
  private marked = 0;
  /** Area touched by the step in progress (a stroke between pointer down and up). */
  private open: PixelRect | undefined;
  /** Area changed since the view last redrew. */
  private dirty: PixelRect | undefined;

  constructor(readonly width: number, readonly height: number, historyBytes?: number) {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width * height > MAX_MASK_PIXELS) {
      throw new MaskSizeError(width, height);
    }
    this.pixels = new Uint8Array(width * height);
    this.committed = new Uint8Array(width * height);
    this.history = new MaskHistory(historyBytes);
  }

  /** The mask, row-major, 1 = change; read-only for callers. */
  get data(): Readonly<Uint8Array> {
    return this.pixels;
  }

  /** Number of pixels marked for change. */
  get markedCount(): number {
    return this.marked;
  }

  /** True when nothing is marked, i.e. there is nothing to send. */
  isEmpty(): boolean {
    return this.marked === 0;
  }

  /** The value of one pixel. */
  at(x: number, y: number): MaskValue {
    return this.pixels[y * this.width + x] as MaskValue;
  }

  get canUndo(): boolean {
    return this.open !== undefined || this.history.canUndo;
  }

  get canRedo(): boolean {
    return this.open === undefined && this.history.canRedo;
  }

  /** True while a stroke is being painted (between its first segment and `commit`). */
  get stepOpen(): boolean {
    return this.open !== undefined;
  }

  /**
   * Paints (1) or erases (0) a round brush dragged from `from` to `to`: every pixel whose centre is
   * within the radius of the segment, plus the pixel under each end so even a 1 px dot marks
   * something. Radii may differ at the ends (pen pressure); the segment uses their mean.
   * Part of the open step: call `commit` when the stroke ends.
   */
  paintSegment(from: Point, to: Point, radius: number, value: MaskValue, toRadius = radius): void {
    const r = Math.max(0, (radius + toRadius) / 2);
    const area = pixelSpan(Math.floor(Math.min(from.x, to.x) - r), Math.floor(Math.min(from.y, to.y) - r),
      Math.floor(Math.max(from.x, to.x) + r), Math.floor(Math.max(from.y, to.y) + r), this.width, this.height);
    if (area) {
      const dx = to.x - from.x;
      const dy = to.y - from.y;
      const lengthSquared = dx * dx + dy * dy;
      const r2 = r * r;
      for (let y = area.y; y < area.y + area.height; y++) {
        const py = y + 0.5 - from.y;
        let i = y * this.width + area.x;
        for (let x = area.x; x < area.x + area.width; x++, i++) {
          const px = x + 0.5 - from.x;
          // Distance from the pixel centre to the nearest point of the segment.
          const t = lengthSquared === 0 ? 0 : Math.min(1, Math.max(0, (px * dx + py * dy) / lengthSquared));
          const ex = px - t * dx;
          const ey = py - t * dy;
          if (ex * ex + ey * ey <= r2) this.set(i, value);
        }
      }
      this.touch(area);
    }
    for (const end of [from, to]) {
      const x = Math.floor(end.x);
      const y = Math.floor(end.y);
      if (x < 0 || y < 0 || x >= this.width || y >= this.height) continue;
      this.set(y * this.width + x, value);
      this.touch({ x, y, width: 1, height: 1 });
    }
  }

  /** Sets the pixels from the pixel under `a` to the pixel under `b` (inclusive, cut to the image) as one step. */
  fillRect(a: Point, b: Point, value: MaskValue): boolean {
    this.commit();
    const area = pixelSpan(Math.floor(a.x), Math.floor(a.y), Math.floor(b.x), Math.floor(b.y), this.width, this.height);
    if (!area) return false;
    for (let y = area.y; y < area.y + area.height; y++) {
      const start = y * this.width + area.x;
      for (let i = start; i < start + area.width; i++) this.set(i, value);
    }
    this.touch(area);
    return this.commit();
  }

  /** Swaps marked and unmarked everywhere, as one step. */
  invert(): boolean {
    this.commit();
    for (let i = 0; i < this.pixels.length; i++) this.pixels[i] ^= 1;
    this.marked = this.pixels.length - this.marked;
    this.touch(this.whole());
    return this.commit();
  }

  /** Unmarks everything, as one step (none when already empty). */
  clear(): boolean {
    this.commit();
    if (this.marked === 0) return false;
    this.pixels.fill(0);
    this.marked = 0;
    this.touch(this.whole());
    return this.commit();
  }

  /** Ends the open step and records it; false when it changed nothing (no step is recorded then). */
  commit(): boolean {
    const area = this.open;
    if (!area) return false;
    this.open = undefined;
    const patch = diffPatch(this.committed, this.pixels, this.width, area);
    if (!patch) return false;
    this.history.push(patch);
    this.copyRect(this.pixels, this.committed, area);
    return true;
  }

  /** Drops the open step, restoring its pixels (a stroke turned out to be a pinch). */
  revert(): void {
    const area = this.open;
    if (!area) return;
    this.open = undefined;
    for (let y = area.y; y < area.y + area.height; y++) {
      for (let i = y * this.width + area.x, end = i + area.width; i < end; i++) this.set(i, this.committed[i] as MaskValue);
    }
    this.markDirty(area);
  }

  /** Undoes the last step (an open stroke counts as one); false when there is none. */
  undo(): boolean {
    this.commit();
    const patch = this.history.undo();
    if (!patch) return false;
    this.marked += applyPatch(patch, this.width, this.pixels, this.committed);
    this.markDirty(patch.rect);
    return true;
  }

  /** Redoes the last undone step; false when there is none. */
  redo(): boolean {
    if (this.open) return false;
    const patch = this.history.redo();
    if (!patch) return false;
    this.marked += applyPatch(patch, this.width, this.pixels, this.committed);
    this.markDirty(patch.rect);
    return true;
  }

  /** Replaces the whole mask (0/1 per pixel, e.g. a restored mask) and forgets the history: it is the new start. */
  reset(values?: Uint8Array): void {
    if (values && values.length !== this.pixels.length) throw new RangeError(`a mask of ${values.length} pixels does not fit a ${this.width}×${this.height} image`);
    this.open = undefined;
    this.history.reset();
    this.marked = 0;
    if (values) {
      for (let i = 0; i < values.length; i++) {
        const v = values[i] ? 1 : 0;
        this.pixels[i] = v;
        this.marked += v;
      }
    } else {
      this.pixels.fill(0);
    }
    this.committed.set(this.pixels);
    this.markDirty(this.whole());
  }

  /** The area changed since the last call (for redrawing), or undefined. */
  takeDirty(): PixelRect | undefined {
    const dirty = this.dirty;
    this.dirty = undefined;
    return dirty;
  }

  private set(i: number, value: MaskValue): void {
    if (this.pixels[i] === value) return;
    this.pixels[i] = value;
    this.marked += value ? 1 : -1;
  }

  private touch(area: PixelRect): void {
    this.open = unionRect(this.open, area);
    this.markDirty(area);
  }

  private markDirty(area: PixelRect): void {
    this.dirty = unionRect(this.dirty, area);
  }

  private whole(): PixelRect {
    return { x: 0, y: 0, width: this.width, height: this.height };
  }

  private copyRect(from: Uint8Array, to: Uint8Array, area: PixelRect): void {
    for (let y = area.y; y < area.y + area.height; y++) {
      const start = y * this.width + area.x;
      to.set(from.subarray(start, start + area.width), start);
    }
  }
}
