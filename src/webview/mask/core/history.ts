// Undo/redo for the mask as XOR patches: a step keeps, for the rectangle it touched, one bit per
// pixel saying "this pixel flipped". Applying a patch redoes the step and applying it again undoes
// it, so a step costs an eighth of a byte per pixel whatever it did (a full 1536² invert: 288 KB).
import type { PixelRect } from './geometry';

/** One undoable step: the pixels of `rect` whose bit is set in `flips` changed value. */
export interface MaskPatch {
  rect: PixelRect;
  /** Row-major over `rect`, 8 pixels per byte, lowest bit first. */
  flips: Uint8Array;
}

/** Memory the history may hold before it forgets its oldest steps. */
export const DEFAULT_HISTORY_BYTES = 32 * 1024 * 1024;

/** The flips between `before` and `after` (whole-image 0/1 arrays) inside `rect`, or undefined when nothing changed. */
export function diffPatch(before: Uint8Array, after: Uint8Array, imageWidth: number, rect: PixelRect): MaskPatch | undefined {
  const flips = new Uint8Array(Math.ceil((rect.width * rect.height) / 8));
  let bit = 0;
  let any = false;
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    let i = y * imageWidth + rect.x;
    for (let x = 0; x < rect.width; x++, i++, bit++) {
      if (before[i] !== after[i]) {
        flips[bit >> 3] |= 1 << (bit & 7);
        any = true;
      }
    }
  }
  return any ? { rect, flips } : undefined;
}

/** Flips the patch's pixels in each array; returns how the count of 1s changed in the first. */
export function applyPatch(patch: MaskPatch, imageWidth: number, ...targets: Uint8Array[]): number {
  const { rect, flips } = patch;
  let delta = 0;
  let bit = 0;
  const [first] = targets;
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    let i = y * imageWidth + rect.x;
    for (let x = 0; x < rect.width; x++, i++, bit++) {
      if ((flips[bit >> 3] & (1 << (bit & 7))) === 0) continue;
      for (const target of targets) target[i] ^= 1;
      delta += first[i] ? 1 : -1;
    }
  }
  return delta;
}

/** A linear undo/redo stack of patches within a memory budget. */
export class MaskHistory {
  private readonly steps: MaskPatch[] = [];
  /** Steps before this index are done; from it on they are undone (redoable). */
  private position = 0;
  private bytes = 0;

  constructor(private readonly budgetBytes = DEFAULT_HISTORY_BYTES) {}

  get canUndo(): boolean {
    return this.position > 0;
  }

  get canRedo(): boolean {
    return this.position < this.steps.length;
  }

  /** Records a new step; the undone steps after the current one are dropped. */
  push(patch: MaskPatch): void {
    for (const dropped of this.steps.splice(this.position)) this.bytes -= dropped.flips.byteLength;
    this.steps.push(patch);
    this.bytes += patch.flips.byteLength;
    // The newest step always stays, even if it alone is over the budget.
    while (this.bytes > this.budgetBytes && this.steps.length > 1) this.bytes -= this.steps.shift()!.flips.byteLength;
    this.position = this.steps.length;
  }

  /** The step to apply to undo, moving back; undefined at the start. */
  undo(): MaskPatch | undefined {
    return this.canUndo ? this.steps[--this.position] : undefined;
  }

  /** The step to apply to redo, moving forward; undefined at the end. */
  redo(): MaskPatch | undefined {
    return this.canRedo ? this.steps[this.position++] : undefined;
  }

  /** Forgets every step. */
  reset(): void {
    this.steps.length = 0;
    this.position = 0;
    this.bytes = 0;
  }

  /** Bytes held by the steps. */
  get heldBytes(): number {
    return this.bytes;
  }
}
