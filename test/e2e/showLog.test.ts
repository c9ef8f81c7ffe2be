// The command palette reaches the extension: "Ideogram: Show Log" opens its output channel.
import { e2e } from './helpers/context';
import { waitUntilEquals } from './helpers/wait';
import { runCommand, visibleOutputChannel } from './helpers/workbench';

describe('command palette', () => {
  it('"Ideogram: Show Log" opens the Ideogram output channel', async () => {
    const { page } = e2e();
    await runCommand(page, 'Ideogram: Show Log');
    await waitUntilEquals('channel shown in the Output panel', () => visibleOutputChannel(page), 'Ideogram');
  });
});
