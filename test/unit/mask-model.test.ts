import { strict as assert } from 'node:assert';
import { MAX_MASK_PIXELS, MaskModel, MaskSizeError } from '../../src/webview/mask/core/model';
import { FILL_ALPHA, paintOverlay, parseCanvasColour } from '../../src/webview/mask/core/overlay';

/** The mask as rows of '#' (marked) and '.', for readable failures. */
const picture = (model: MaskModel): string[] =>
  Array.from({ length: model.height }, (_, y) => Array.from({ length: model.width }, (_, x) => (model.at(x, y) ? '#' : '.')).join(''));

const snapshot = (model: MaskModel): number[] => Array.from(model.data);

/** Pixels whose centre lies within r of a horizontal segment, worked out case by case (not by the model's formula). */
function horizontalCapsule(width: number, height: number, x0: number, x1: number, yc: number, r: number): Set<number> {
  const inside = new Set<number>();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      const nearestX = px < x0 ? x0 : px > x1 ? x1 : px;
      if (Math.hypot(px - nearestX, py - yc) <= r) inside.add(y * width + x);
    }
  }
  return inside;
}

describe('mask model: painting', () => {
  it('starts empty', () => {
    const model = new MaskModel(8, 6);
    assert.equal(model.isEmpty(), true);
    assert.equal(model.markedCount, 0);
    assert.equal(model.canUndo, false);
    assert.equal(model.canRedo, false);
  });

  it('a dot marks every pixel whose centre is within the radius, and nothing else', () => {
    const model = new MaskModel(21, 21);
    model.paintSegment({ x: 10.5, y: 10.5 }, { x: 10.5, y: 10.5 }, 3, 1);
    // Integer offsets (dx, dy) with dx² + dy² ≤ 9: 29 of them.
    assert.equal(model.markedCount, 29);
    assert.equal(model.at(13, 10), 1);
    assert.equal(model.at(14, 10), 0);
    assert.equal(model.at(12, 12), 1); // 2² + 2² = 8
    assert.equal(model.at(13, 11), 0); // 3² + 1² = 10 > 9
  });

  it('a stroke marks exactly the capsule around its segment', () => {
    const [w, h] = [48, 30];
    const model = new MaskModel(w, h);
    model.paintSegment({ x: 10.2, y: 14.25 }, { x: 37.7, y: 14.25 }, 5.5, 1);
    const expected = horizontalCapsule(w, h, 10.2, 37.7, 14.25, 5.5);
    const got = new Set([...model.data.keys()].filter((i) => model.data[i]));
    assert.deepEqual([...got].sort((a, b) => a - b), [...expected].sort((a, b) => a - b));
    assert.equal(model.markedCount, expected.size);
  });

  it('even a 1 px dot between pixel centres marks the pixel under it', () => {
    const model = new MaskModel(4, 4);
    model.paintSegment({ x: 2, y: 1 }, { x: 2, y: 1 }, 0.5, 1);
    assert.deepEqual(picture(model), ['....', '..#.', '....', '....']);
  });

  it('clips strokes at the image edges', () => {
    const model = new MaskModel(5, 3);
    model.paintSegment({ x: -10, y: 1.5 }, { x: 50, y: 1.5 }, 0.5, 1);
    assert.deepEqual(picture(model), ['.....', '#####', '.....']);
    model.paintSegment({ x: -3, y: -3 }, { x: -3, y: -3 }, 1, 1); // wholly outside
    assert.equal(model.markedCount, 5);
  });

  it('the eraser (value 0) unmarks, and a stroke with its segments is one undo step', () => {
    const model = new MaskModel(10, 3);
    model.fillRect({ x: 0, y: 0 }, { x: 9, y: 2 }, 1);
    model.paintSegment({ x: 2.5, y: 1.5 }, { x: 4.5, y: 1.5 }, 0.5, 0);
    model.paintSegment({ x: 4.5, y: 1.5 }, { x: 6.5, y: 1.5 }, 0.5, 0);
    assert.equal(model.stepOpen, true);
    assert.equal(model.commit(), true);
    assert.deepEqual(picture(model), ['##########', '##.....###', '##########']);
    model.undo();
    assert.deepEqual(picture(model), ['##########', '##########', '##########']);
  });

  it('fills rectangles from the pixel under one corner to the pixel under the other, in any order, clipped', () => {
    const model = new MaskModel(6, 5);
    assert.equal(model.fillRect({ x: 4.9, y: 3.1 }, { x: 1.2, y: 1.7 }, 1), true);
    assert.deepEqual(picture(model), ['......', '.####.', '.####.', '.####.', '......']);
    model.fillRect({ x: 3.5, y: -4 }, { x: 99, y: 1.5 }, 0);
    assert.deepEqual(picture(model), ['......', '.##...', '.####.', '.####.', '......']);
    assert.equal(model.fillRect({ x: -5, y: -5 }, { x: -1, y: -1 }, 1), false, 'outside the image: nothing, no step');
  });

  it('inverts and clears, each as one step; clearing an empty mask records nothing', () => {
    const model = new MaskModel(4, 2);
    assert.equal(model.clear(), false);
    assert.equal(model.canUndo, false);
    model.fillRect({ x: 0, y: 0 }, { x: 0, y: 1 }, 1);
    model.invert();
    assert.deepEqual(picture(model), ['.###', '.###']);
    assert.equal(model.markedCount, 6);
    model.clear();
    assert.equal(model.isEmpty(), true);
    model.undo();
    assert.deepEqual(picture(model), ['.###', '.###']);
    model.undo();
    assert.deepEqual(picture(model), ['#...', '#...']);
  });

  it('a stroke that changes nothing records no step', () => {
    const model = new MaskModel(4, 4);
    model.paintSegment({ x: 1, y: 1 }, { x: 2, y: 2 }, 1, 0);
    assert.equal(model.commit(), false);
    assert.equal(model.canUndo, false);
  });

  it('revert drops the open stroke (a touch that became a pinch)', () => {
    const model = new MaskModel(6, 6);
    model.fillRect({ x: 0, y: 0 }, { x: 1, y: 1 }, 1);
    const before = snapshot(model);
    model.paintSegment({ x: 1, y: 1 }, { x: 5, y: 5 }, 1.5, 1);
    model.revert();
    assert.deepEqual(snapshot(model), before);
    assert.equal(model.markedCount, 4);
    assert.equal(model.stepOpen, false);
  });

  it('rejects sizes it cannot hold', () => {
    assert.throws(() => new MaskModel(0, 10), MaskSizeError);
    assert.throws(() => new MaskModel(10.5, 10), MaskSizeError);
    assert.throws(() => new MaskModel(MAX_MASK_PIXELS + 1, 1), MaskSizeError);
    assert.doesNotThrow(() => new MaskModel(4096, 4096));
  });

  it('reports the area to redraw once', () => {
    const model = new MaskModel(20, 20);
    assert.equal(model.takeDirty(), undefined);
    model.paintSegment({ x: 5.5, y: 5.5 }, { x: 5.5, y: 5.5 }, 1, 1);
    model.fillRect({ x: 10, y: 12 }, { x: 11, y: 12 }, 1);
    assert.deepEqual(model.takeDirty(), { x: 4, y: 4, width: 8, height: 9 });
    assert.equal(model.takeDirty(), undefined);
  });
});

describe('mask model: undo and redo', () => {
  it('walks back and forth through every step exactly', () => {
    const model = new MaskModel(16, 12);
    const states = [snapshot(model)];
    model.paintSegment({ x: 2, y: 2 }, { x: 13, y: 9 }, 2, 1);
    model.commit();
    states.push(snapshot(model));
    model.fillRect({ x: 8, y: 0 }, { x: 15, y: 5 }, 1);
    states.push(snapshot(model));
    model.invert();
    states.push(snapshot(model));
    model.paintSegment({ x: 0, y: 11 }, { x: 15, y: 0 }, 3, 0);
    model.commit();
    states.push(snapshot(model));
    const counts = states.map((s) => s.filter(Boolean).length);

    for (let i = states.length - 2; i >= 0; i--) {
      assert.equal(model.undo(), true);
      assert.deepEqual(snapshot(model), states[i], `undo to state ${i}`);
      assert.equal(model.markedCount, counts[i]);
    }
    assert.equal(model.undo(), false);
    for (let i = 1; i < states.length; i++) {
      assert.equal(model.redo(), true);
      assert.deepEqual(snapshot(model), states[i], `redo to state ${i}`);
      assert.equal(model.markedCount, counts[i]);
    }
    assert.equal(model.redo(), false);
  });

  it('a new edit after an undo drops the redo branch', () => {
    const model = new MaskModel(4, 4);
    model.fillRect({ x: 0, y: 0 }, { x: 1, y: 1 }, 1);
    model.fillRect({ x: 2, y: 2 }, { x: 3, y: 3 }, 1);
    model.undo();
    assert.equal(model.canRedo, true);
    model.invert();
    assert.equal(model.canRedo, false);
    assert.equal(model.redo(), false);
  });

  it('records an edit made after an undo against the undone state', () => {
    const model = new MaskModel(10, 10);
    model.fillRect({ x: 0, y: 0 }, { x: 9, y: 4 }, 1);
    model.undo();
    const empty = snapshot(model);
    model.paintSegment({ x: 0, y: 2 }, { x: 9, y: 2 }, 2, 1);
    model.commit();
    const stroked = snapshot(model);
    model.undo();
    assert.deepEqual(snapshot(model), empty);
    assert.equal(model.markedCount, 0);
    model.redo();
    assert.deepEqual(snapshot(model), stroked);
  });

  it('undo during a stroke ends the stroke and undoes it as a whole', () => {
    const model = new MaskModel(8, 8);
    model.paintSegment({ x: 1, y: 1 }, { x: 6, y: 6 }, 1, 1);
    assert.equal(model.canUndo, true);
    assert.equal(model.canRedo, false);
    model.undo();
    assert.equal(model.isEmpty(), true);
    model.redo();
    assert.ok(model.markedCount > 0);
  });

  it('forgets the oldest steps beyond its memory budget but always keeps the newest', () => {
    // A 64×64 invert costs 512 bytes of history; a budget of 1200 holds two of them.
    const model = new MaskModel(64, 64, 1200);
    model.invert();
    model.invert();
    model.invert();
    assert.equal(model.undo(), true);
    assert.equal(model.undo(), true);
    assert.equal(model.undo(), false, 'the first step was forgotten');
    assert.equal(model.markedCount, 64 * 64, 'two undone inverts from the third leave the first one applied');
    const tiny = new MaskModel(64, 64, 10);
    tiny.invert();
    assert.equal(tiny.undo(), true, 'a step larger than the budget is still kept');
  });

  it('reset replaces the mask and starts a fresh history', () => {
    const model = new MaskModel(3, 2);
    model.invert();
    model.reset(Uint8Array.from([1, 0, 0, 0, 0, 1]));
    assert.deepEqual(picture(model), ['#..', '..#']);
    assert.equal(model.markedCount, 2);
    assert.equal(model.canUndo, false);
    assert.throws(() => model.reset(new Uint8Array(5)), RangeError);
  });
});

describe('mask overlay pixels', () => {
  it('fills the marked region see-through, draws its edge opaque, and clears unmarked pixels', () => {
    const model = new MaskModel(5, 4);
    model.fillRect({ x: 1, y: 0 }, { x: 3, y: 3 }, 1);
    const rgba = new Uint8ClampedArray(5 * 4 * 4).fill(9);
    paintOverlay(model.data, 5, 4, rgba, { x: 0, y: 0, width: 4, height: 4 }, [0, 120, 212]);
    const alpha = (x: number, y: number) => rgba[(y * 5 + x) * 4 + 3];
    assert.deepEqual([0, 1, 2, 3].map((y) => [0, 1, 2, 3, 4].map((x) => alpha(x, y))), [
      [0, 255, 255, 255, 9], // the top row touches the image's edge
      [0, 255, FILL_ALPHA, 255, 9],
      [0, 255, FILL_ALPHA, 255, 9],
      [0, 255, 255, 255, 9], // column 4 is outside the redrawn area
    ]);
    assert.deepEqual(Array.from(rgba.subarray(4, 8)), [0, 120, 212, 255]);
    assert.deepEqual(Array.from(rgba.subarray((1 * 5 + 2) * 4, (1 * 5 + 2) * 4 + 4)), [0, 120, 212, FILL_ALPHA]);
    assert.deepEqual(Array.from(rgba.subarray(0, 4)), [0, 0, 0, 0]);
  });

  it('reads the colours a canvas serialises, see-through ones without their alpha', () => {
    assert.deepEqual(parseCanvasColour('#0069cc'), [0, 105, 204]);
    assert.deepEqual(parseCanvasColour('rgba(57, 148, 188, 0.7)'), [57, 148, 188]);
    assert.equal(parseCanvasColour('color(display-p3 1 0 0)'), undefined);
  });
});
