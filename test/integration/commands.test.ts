// Commands that can run without a person answering prompts.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { rigEnvironment } from './helpers/rig';

describe('commands', () => {
  it('ideogram.showLog runs and resolves', async () => {
    await vscode.commands.executeCommand('ideogram.showLog');
  });

  it('ideogram.setApiKey stores a key passed as an argument, without prompting', async function () {
    // With an argument the command must store it directly; a prompt would leave the command waiting.
    const outcome = await Promise.race([
      vscode.commands.executeCommand('ideogram.setApiKey', rigEnvironment().apiKey).then(() => 'stored'),
      new Promise<string>((resolve) => setTimeout(() => resolve('still waiting (an input box was shown?)'), 5000)),
    ]);
    assert.equal(outcome, 'stored');
  });
});
