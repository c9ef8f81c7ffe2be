// "Generate Missing Images" on the fixture project (test/fixtures/placeholders), run as a command
// on the vscode stand-in against the local server over loopback, with sharp's WebAssembly build:
// every missing file made exactly at its referenced path, at its exact size, in its format (by its
// bytes), with its sidecar; nothing over a file that appeared meanwhile; failures summarised.
import { useWasmSharp } from '../support/wasmSharp';
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activateForTest, type ActivatedExtension } from '../support/vscode/activate';
import { vscodeStandIn } from '../support/vscode/standIn';
import { CancellationTokenSource } from '../support/vscode/basics';
import { decodeInfo, sniffFormat } from '../../src/imageOps';
import { parseSidecar } from '../../src/common/sidecar';
import type { GenerateMissingImagesResult } from '../../src/placeholders/vscode';
import { makeFolders, openIndex, writeResult } from './galleryFolder';

useWasmSharp();

const FIXTURE = join(__dirname, '..', 'fixtures', 'placeholders');
const COMMAND = 'ideogram.generateMissingImages';

describe('placeholders: Generate Missing Images on the fixture project', function () {
  this.timeout(120_000);
  let extension: ActivatedExtension;
  let project: string;
  let root: string;

  async function open(serverOptions: { latencyMs?: number } = {}): Promise<void> {
    extension = await activateForTest({ server: serverOptions });
    root = mkdtempSync(join(tmpdir(), 'ideogram-placeholders-'));
    project = join(root, 'site');
    cpSync(FIXTURE, project, { recursive: true });
    vscodeStandIn.workspace.setFolders([project]);
  }
  afterEach(async () => {
    await extension?.dispose();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('makes every missing image at its path, exact size and format, with a sidecar that records the reference', async () => {
    await open();
    const result = await extension.run<GenerateMissingImagesResult>(COMMAND, { review: false });
    assert.ok(result, 'the command returned a result');
    assert.equal(result.planned, 21);
    assert.deepEqual(result.failed.map(({ item, error }) => `${item.target}: ${String(error)}`), []);
    assert.deepEqual(result.skipped, []);
    assert.equal(result.made.length, 21);
    for (const { item } of result.made) {
      const file = join(project, item.target);
      const bytes = new Uint8Array(readFileSync(file));
      assert.equal(sniffFormat(bytes), item.format, `${item.target}: format by its bytes`);
      const info = await decodeInfo(bytes);
      assert.deepEqual({ width: info.width, height: info.height }, { width: item.size.width, height: item.size.height }, `${item.target}: exact size`);
      const name = item.target.slice(item.target.lastIndexOf('/') + 1);
      const sidecarFile = join(project, item.target, '..', '.ideogram', `${name}.json`);
      const sidecar = parseSidecar(readFileSync(sidecarFile, 'utf8'));
      assert.ok(sidecar?.placeholder, `${item.target}: sidecar with a placeholder record`);
      assert.equal(sidecar.file, name);
      assert.equal(sidecar.prompt, item.prompt.text);
      assert.deepEqual(sidecar.placeholder.size, { width: item.size.width, height: item.size.height, source: item.size.source });
      assert.ok(sidecar.placeholder.original.width >= 256 && sidecar.placeholder.original.height >= 256, `${item.target}: the generated original's size`);
      assert.deepEqual(sidecar.placeholder.references, item.references.map((reference) => ({ document: reference.document.slice(project.length + 1), src: reference.src })));
    }
    // Atomic writes leave no temporary files behind.
    const leftovers = readdirSync(project, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.part'));
    assert.deepEqual(leftovers, []);
    // The existing images are untouched and nothing else is missing now.
    assert.deepEqual(readFileSync(join(project, 'img', 'existing.png')), readFileSync(join(FIXTURE, 'img', 'existing.png')));
    const again = await extension.run<GenerateMissingImagesResult | undefined>(COMMAND, { review: false });
    assert.equal(again, undefined);
    assert.match(vscodeStandIn.window.messages.at(-1)?.message ?? '', /No missing images in \d+ file\(s\)\./);
  });

  it('a filled placeholder is a result of the gallery index of its folder, with its image live', async () => {
    await open();
    const result = await extension.run<GenerateMissingImagesResult>(COMMAND, { review: false });
    const made = result.made.find(({ item }) => item.target === 'img/team.jpg');
    assert.ok(made, 'img/team.jpg was made');
    const folders = await makeFolders();
    const folder = join(project, 'img');
    const index = openIndex(folder, folders.storage);
    try {
      await index.open();
      const entry = index.query({ limit: 100 }).entries.find((candidate) => candidate.image === 'team.jpg');
      assert.ok(entry, 'the placeholder is in the index');
      assert.equal(entry.id, '.ideogram/team.jpg.json');
      assert.equal(made.sidecarUri?.fsPath, join(folder, '.ideogram', 'team.jpg.json'));
      assert.equal(entry.prompt, made.item.prompt.text);
      assert.equal(entry.missingImage, false);
      // The index reaches the entry from its image, as it does for every result: deleting the image flags it.
      rmSync(join(folder, 'team.jpg'));
      await index.applyChange(join(folder, 'team.jpg'), 'deleted');
      assert.equal(index.get(entry.id)?.missingImage, true, 'the image event reached the placeholder entry');
    } finally {
      await index.dispose();
      await folders.cleanup();
    }
  });

  it("keeps another result's sidecar that sits where the placeholder's would go", async () => {
    await open();
    // In the subfolder layout the result `team.jpg.png` has its sidecar at `.ideogram/team.jpg.json`.
    const { sidecar: theirs, id } = await writeResult(join(project, 'img'), { image: 'team.jpg.png', layout: 'subfolder', prompt: 'an earlier result' });
    assert.equal(id, '.ideogram/team.jpg.json');
    const text = readFileSync(theirs, 'utf8');
    const result = await extension.run<GenerateMissingImagesResult>(COMMAND, { review: false });
    const made = result.made.find(({ item }) => item.target === 'img/team.jpg');
    assert.ok(made, 'the placeholder image is still made');
    assert.equal(made.sidecarUri, undefined);
    assert.equal(readFileSync(theirs, 'utf8'), text, 'the earlier result keeps its sidecar');
  });

  it('never writes over a file that appeared while its image was being made', async () => {
    await open({ latencyMs: 400 });
    const running = extension.run<GenerateMissingImagesResult>(COMMAND, { review: false });
    // The team photo's request is at the server (its answer waits 400 ms): now someone else writes that file.
    const teamAsked = () => extension.server.requests.some((request) => /Acme Tasks team|team at the offsite/.test(JSON.stringify(request.json ?? '')));
    while (!teamAsked()) await new Promise((resolve) => setTimeout(resolve, 10));
    const theirs = join(project, 'img', 'team.jpg');
    writeFileSync(theirs, 'their own file');
    const result = await running;
    assert.deepEqual(result.failed.map(({ item, error }) => `${item.target}: ${String(error)}`), []);
    assert.deepEqual(result.skipped.map(({ item, reason }) => `${item.target} ${reason}`), ['img/team.jpg appeared']);
    assert.equal(readFileSync(theirs, 'utf8'), 'their own file');
    assert.equal(result.made.length, 20);
    assert.ok(!existsSync(join(project, 'img', '.ideogram', 'team.jpg.json')), 'no sidecar for an image that was not written');
    assert.match(vscodeStandIn.window.messages.at(-1)?.message ?? '', /Made 20 placeholder image\(s\)\. Skipped 1: a file appeared there meanwhile \(1\)\./);
  });

  it('the language model tool confirms every file with its size and the count, then makes them', async () => {
    await open();
    type Tool = {
      prepareInvocation(options: { input: unknown }, token: unknown): Promise<{ confirmationMessages?: { title: string; message: { value: string } } }>;
      invoke(options: { input: unknown }, token: unknown): Promise<{ content: { value: string }[] }>;
    };
    const tool = vscodeStandIn.lm.tools.get('ideogram_fillMissingImages') as Tool | undefined;
    assert.ok(tool, 'the tool is registered');
    const token = new CancellationTokenSource().token;
    const prepared = await tool.prepareInvocation({ input: {} }, token);
    assert.equal(prepared.confirmationMessages?.title, 'Generate 21 missing image(s) with Ideogram?');
    assert.match(prepared.confirmationMessages.message.value, /- public\/og\.png — 1200×630 PNG\n/);
    assert.match(prepared.confirmationMessages.message.value, /- img\/hero\.avif — /);
    assert.equal(extension.server.requests.length, 0, 'nothing is sent before the user confirms');
    const result = await tool.invoke({ input: {} }, token);
    const text = result.content.map((part) => part.value).join('');
    assert.match(text, /^Made 21 image\(s\) at the paths the pages reference/);
    assert.match(text, /- public\/og\.png \(1200x630 png\)/);
    assert.ok(existsSync(join(project, 'public', 'og.png')));
  });
});
