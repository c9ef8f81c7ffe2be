// "Find Images Missing Alt Text" over many documents must stay cancellable: between documents it
// gives the extension host a turn, so a click on Cancel (a message from the window) is handled
// before the next document. Documents open in an editor are read without any await that would.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { extension } from './helpers/rig';

describe('Find Images Missing Alt Text: one event-loop turn per document', () => {
  before(async () => {
    await extension().activate();
  });

  it('lets other work run between documents, so Cancel is seen before the next one', async () => {
    const count = 20;
    const documents = await Promise.all(Array.from({ length: count }, (_, i) =>
      vscode.workspace.openTextDocument({ language: 'markdown', content: `# Page ${i}\n\n![Described](images/sunset.png)\n` })));
    // Count the turns the event loop gets while the command runs (a count, not a time).
    let turns = 0;
    let running = true;
    const turn = () => {
      if (!running) return;
      turns++;
      setImmediate(turn);
    };
    setImmediate(turn);
    const result = await vscode.commands.executeCommand<{ scanned: number } | undefined>('ideogram.findMissingAltText', {
      apply: false,
      files: documents.map((document) => document.uri),
    });
    running = false;
    assert.equal(result?.scanned, count);
    assert.ok(turns >= count / 2, `the event loop got ${turns} turns while ${count} open documents were scanned`);
  });
});
