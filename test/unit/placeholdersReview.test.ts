// The review before spending (src/placeholders/vscode/review.ts) on the vscode stand-in: every file
// ticked with its size, format and model; the pencil edits a prompt and a size (the shape to
// generate at follows the size); unticking leaves a file out; Escape spends nothing.
import { strict as assert } from 'node:assert';
import { vscodeStandIn } from '../support/vscode/standIn';
import type { StandInQuickPick } from '../support/vscode/window';
import { ASPECT_RATIOS } from '../../src/common/request/legacy';
import { generationShapes, planPlaceholders, type PlaceholderItem } from '../../src/placeholders';
import { reviewPlaceholders } from '../../src/placeholders/vscode/review';

const shapes = generationShapes(ASPECT_RATIOS);

async function plannedItems(): Promise<PlaceholderItem[]> {
  const plan = await planPlaceholders([{
    path: '/site/index.md', syntax: 'markdown', workspaceFolderPath: '/site',
    text: '![A paper kite](img/kite-1200x630.webp)\n\n![A paper boat](img/boat.png)\n',
  }], { exists: () => false, generationShapes: shapes });
  return plan.items;
}

describe('placeholders: the review quick pick', () => {
  beforeEach(() => vscodeStandIn.reset());

  it('lists every file ticked, with size, format and model, and the count in the title', async () => {
    let shown: StandInQuickPick | undefined;
    vscodeStandIn.window.answerQuickInputs((input) => {
      shown = input as StandInQuickPick;
      shown.accept();
    });
    const items = await plannedItems();
    const kept = await reviewPlaceholders(items, { model: 'V_2', generationShapes: shapes, billing: (count) => `${count} images billed` });
    assert.ok(shown);
    assert.equal(shown.title, 'Ideogram: generate 2 missing images (2 images billed)');
    assert.deepEqual(shown.items.map((row) => `${row.label} | ${row.description ?? ''} | ${row.detail ?? ''}`), [
      'img/boat.png | 1024×768 · PNG · V_2 at 4:3 (landscape) | A paper boat.',
      'img/kite-1200x630.webp | 1200×630 · WEBP · V_2 at 16:9 (landscape) | A paper kite.',
    ]);
    assert.deepEqual(kept?.map((item) => item.target), ['img/boat.png', 'img/kite-1200x630.webp']);
  });

  it('edits a prompt and a size with the pencil, keeps what was unticked out, and shows the price when there is one', async () => {
    const titles: string[] = [];
    vscodeStandIn.window.answerQuickInputs(
      (input) => (input as StandInQuickPick).pressItemButton('img/boat.png', 'Edit prompt and size'),
      (input) => {
        const pick = input as StandInQuickPick;
        titles.push(pick.title ?? '');
        // Untick the kite, then Enter.
        pick.selectedItems = pick.selectedItems.filter((row) => row.label !== 'img/kite-1200x630.webp');
        pick.accept();
      },
    );
    vscodeStandIn.window.user.inputBox = (options) => (options.title?.startsWith('Prompt') ? 'A red paper boat' : '500x500');
    const kept = await reviewPlaceholders(await plannedItems(), { model: 'V_2', generationShapes: shapes, billing: (count) => `${count} images billed · about $${(count * 0.08).toFixed(2)}` });
    assert.deepEqual(titles, ['Ideogram: generate 2 missing images (2 images billed · about $0.16)'], 'both still ticked after the edit');
    assert.equal(kept?.length, 1);
    const [boat] = kept;
    assert.equal(boat.target, 'img/boat.png');
    assert.equal(boat.prompt.text, 'A red paper boat');
    assert.deepEqual({ width: boat.size.width, height: boat.size.height }, { width: 500, height: 500 });
    assert.equal(boat.generation.shape.value, 'ASPECT_1_1', 'the shape follows the new size');
  });

  it('spends nothing when dismissed', async () => {
    assert.equal(await reviewPlaceholders(await plannedItems(), { model: 'V_2', generationShapes: shapes, billing: (count) => `${count} images billed` }), undefined);
  });
});
