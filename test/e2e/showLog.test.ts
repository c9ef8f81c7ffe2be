// The command palette reaches the extension: "Ideogram: Show Log" opens its output channel.
import { strict as assert } from 'node:assert';
import { e2e } from '../support/ui/context';
import { waitUntilEquals } from '../support/wait';
import { paletteTitle } from '../support/ui/manifest';
import { runCommand, visibleOutputChannel } from '../support/ui/workbench';

describe('command palette', () => {
  it('"Ideogram: Show Log" opens the Ideogram output channel', async () => {
    const { page } = e2e();
    assert.equal(paletteTitle('ideogram.showLog'), 'Ideogram: Show Log');
    await runCommand(page, 'Ideogram: Show Log');
    await waitUntilEquals('channel shown in the Output panel', () => visibleOutputChannel(page), 'Ideogram');
  });
});
