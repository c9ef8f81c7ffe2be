// The one save pipeline (src/storage/savePipeline.ts) with the Node fs storage, against the local
// server: names shared by image and sidecar, sidecar content, bounded parallel downloads, cleanup
// on cancel. The fault suite tortures the same code; these pin the naming rules down exactly.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { renderPng } from '../../tools/mock-server/png';
import { startMockServer, type MockServer } from '../../tools/mock-server';
import { IdeogramClient, InflightLimiter } from '../../src/ideogram';
import { IdeogramError } from '../../src/common/errors';
import { providerDefaults } from '../../src/common/provider';
import type { GenerateRequest } from '../../src/common/request/schemas';
import { createNodeFileStorage } from '../../src/storage/node/nodeFileStorage';
import { UnsavedImagesError } from '../../src/common/errors';
import { saveImages, type SaveJob } from '../../src/storage/savePipeline';
import { redactText } from '../../src/common/redact';
import { parseSidecar } from '../../src/common/sidecar';

const KEY = 'sk-pipeline-SECRET-7a1c';
/** What the extension passes: its log's redaction with the keys it knows. */
const redact = (text: string): string => redactText(text, [KEY]);

describe('save pipeline (Node fs storage)', () => {
  let server: MockServer;
  let client: IdeogramClient;
  let dir: string;

  before(async () => {
    server = await startMockServer({ key: KEY });
    client = new IdeogramClient({
      config: { ...providerDefaults('crazyrouter'), baseUrl: server.baseUrl },
      getApiKey: () => Promise.resolve(KEY), maxRetries: 0, limiter: new InflightLimiter(10),
    });
  });
  after(() => server.close());
  beforeEach(async () => { dir = await mkdtemp(path.join(tmpdir(), 'ideogram-pipeline-')); });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function save(req: GenerateRequest, extra: Partial<SaveJob<string>> = {}) {
    const result = await client.generate(req);
    return saveImages({
      operation: 'generate', request: { ...req }, result, storage: createNodeFileStorage(dir), fileNameTemplate: 'shot',
      provider: 'crazyrouter', extensionVersion: '1.2.3', dispatcher: client.dispatcher, redact, ...extra,
    });
  }

  it('gives every image of one result its own stem, shared with its sidecar (template without ${seed})', async () => {
    const outcome = await save({ prompt: 'four boats', num_images: 4, seed: 11 }, { concurrency: 2 });
    assert.equal(outcome.saved.length, 4);
    assert.deepEqual((await readdir(dir)).sort(), ['shot-1.json', 'shot-1.png', 'shot-2.json', 'shot-2.png', 'shot-3.json', 'shot-3.png', 'shot.json', 'shot.png']);
    for (const file of outcome.saved) {
      const sidecar = parseSidecar(await readFile(file.sidecarLocation, 'utf8'));
      assert.ok(sidecar, `${file.sidecarLocation} is a sidecar`);
      assert.equal(sidecar.file, path.basename(file.image));
      assert.equal(path.basename(file.sidecarLocation), path.basename(file.image).replace(/\.png$/, '.json'));
      assert.equal(sidecar.bytes, (await readFile(file.image)).byteLength);
      assert.equal(sidecar.provider, 'crazyrouter');
      assert.equal(sidecar.extension_version, '1.2.3');
      assert.ok(sidecar.width && sidecar.height, 'pixel size read from the streamed header');
    }
  });

  it('skips a name whose sidecar alone exists, and never touches existing files', async () => {
    await writeFile(path.join(dir, 'shot.json'), '{"mine":true}\n');
    await writeFile(path.join(dir, 'shot-1.png'), 'not ours');
    const outcome = await save({ prompt: 'one boat', num_images: 1, seed: 12 });
    assert.equal(path.basename(outcome.saved[0].image), 'shot-2.png');
    assert.equal(await readFile(path.join(dir, 'shot.json'), 'utf8'), '{"mine":true}\n');
    assert.equal(await readFile(path.join(dir, 'shot-1.png'), 'utf8'), 'not ours');
    assert.deepEqual((await readdir(dir)).sort(), ['shot-1.png', 'shot-2.json', 'shot-2.png', 'shot.json']);
  });

  it('removes everything it wrote when cancelled after the first image, and rejects with "cancelled"', async () => {
    const controller = new AbortController();
    server.setFault({ mode: 'slow-download', latencyMs: 5 });
    try {
      const result = await client.generate({ prompt: 'many boats', num_images: 4, seed: 13 });
      const saving = saveImages({
        operation: 'generate', request: {}, result, storage: createNodeFileStorage(dir), fileNameTemplate: 'shot',
        provider: 'p', extensionVersion: 'v', redact, signal: controller.signal, concurrency: 1,
        onSaved: (done) => { if (done === 1) controller.abort(); },
      });
      await assert.rejects(saving, (err: unknown) => err instanceof IdeogramError && err.kind === 'cancelled');
    } finally {
      server.setFault({ mode: 'none' });
    }
    assert.deepEqual(await readdir(dir), []);
  });

  it('keeps a key that a relay echoes in prompt, resolution or style_type out of every file name and sidecar', async () => {
    const input = path.join(dir, 'input.png');
    await writeFile(input, renderPng(32, 32, 'abcdefabcdef'));
    server.setFault({ mode: 'echo-key' });
    let echoed;
    try {
      // ${slug} names the files after the prompt: the request's for generate, the returned one for upscale.
      echoed = await save({ prompt: 'two kites', num_images: 2, seed: 21 }, { fileNameTemplate: '${slug}' });
      const result = await client.upscale({}, { kind: 'file', path: input });
      await saveImages({
        operation: 'upscale', request: {}, result, storage: createNodeFileStorage(dir), fileNameTemplate: '${slug}',
        provider: 'crazyrouter', extensionVersion: '1.2.3', dispatcher: client.dispatcher, redact,
      });
    } finally {
      server.setFault({ mode: 'none' });
    }
    // The relay did echo it (as `Bearer <key>` and bare), and what it echoed was redacted.
    const sidecar = echoed.saved[0].sidecar;
    assert.equal(sidecar.resolution, 'Bearer [redacted]');
    assert.equal(sidecar.style_type, '[redacted]');
    assert.match(sidecar.returned_prompt ?? '', /two kites \[Bearer \[redacted\]\]/);
    const names = await readdir(dir);
    assert.equal(names.length, 1 + 2 * 3, `input + three images with sidecars: ${names.join(', ')}`);
    for (const name of names) {
      assert.ok(!name.toLowerCase().includes(KEY.toLowerCase()), `the key is in the file name ${name}`);
      if (name.endsWith('.json')) assert.ok(!(await readFile(path.join(dir, name), 'utf8')).includes(KEY), `the key is in ${name}`);
    }
  });

  it('caps names by bytes, not characters: a template of 120 CJK characters saves', async () => {
    const outcome = await save({ prompt: 'a temple', num_images: 1, seed: 14 }, { fileNameTemplate: '寺'.repeat(120) });
    const name = path.basename(outcome.saved[0].image);
    assert.ok(Buffer.byteLength(name) <= 255, `${name} is ${Buffer.byteLength(name)} bytes`);
    assert.ok(name.startsWith('寺寺寺'), name);
  });

  it('treats a dangling link at the sidecar\'s name as taken and moves on to the next name', async () => {
    await symlink(path.join(dir, 'nowhere', 'gone.json'), path.join(dir, 'shot.json'));
    const outcome = await save({ prompt: 'a link', num_images: 1, seed: 15 });
    assert.equal(path.basename(outcome.saved[0].image), 'shot-1.png');
    assert.deepEqual((await readdir(dir)).sort(), ['shot-1.json', 'shot-1.png', 'shot.json']);
  });

  it('another window saving the same name between our image and our sidecar: both saves succeed', async () => {
    // The other window is another process with its own copy of the storage (its own in-process
    // reservations), saving a JPEG under the same base name: only the file system can arbitrate.
    const storage = createNodeFileStorage(dir);
    const sink = storage.createSink('shot');
    await sink.write(renderPng(4, 4, 'abcdefabcdef'));
    await sink.commit({ mime: 'image/png', ext: 'png' });
    const script = [
      `const { createNodeFileStorage } = require(${JSON.stringify(path.resolve('src/storage/node/nodeFileStorage.ts'))});`,
      `const storage = createNodeFileStorage(${JSON.stringify(dir)});`,
      `const sink = storage.createSink('shot');`,
      `sink.write(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))`,
      `  .then(() => sink.commit({ mime: 'image/jpeg', ext: 'jpg' }))`,
      `  .then(() => storage.writeSidecar(sink.committed, '{"window":2}'))`,
      `  .then((file) => process.stdout.write(require('node:path').basename(file)));`,
    ].join('\n');
    const other = await promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', script]);
    const committed = sink.committed;
    assert.ok(committed);
    const ours = await storage.writeSidecar(committed, '{"window":1}');
    assert.equal(await readFile(ours, 'utf8'), '{"window":1}');
    assert.notEqual(path.basename(ours), other.stdout, 'two sidecars with one name');
    assert.equal(await readFile(path.join(dir, other.stdout), 'utf8'), '{"window":2}');
    assert.equal(path.basename(ours).replace(/\.json$/, ''), committed.stem, 'the sidecar sits beside its image');
  });

  it('removes stale partial files of this extension on the next save into the folder, and nothing else', async () => {
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    const names = {
      staleImage: '.shot.part-0123456789ab', staleSidecar: '.shot.json.part-ba9876543210',
      fresh: '.other.part-00112233aabb', foreign: '.shot.part-notours', user: 'notes.part-0123456789ab',
    };
    for (const name of Object.values(names)) await writeFile(path.join(dir, name), 'x');
    for (const name of [names.staleImage, names.staleSidecar, names.foreign, names.user]) await utimes(path.join(dir, name), hourAgo, hourAgo);
    await save({ prompt: 'a crash', num_images: 1, seed: 16 });
    const left = await readdir(dir);
    assert.ok(!left.includes(names.staleImage) && !left.includes(names.staleSidecar), `stale partial files left: ${left.join(', ')}`);
    for (const name of [names.fresh, names.foreign, names.user]) assert.ok(left.includes(name), `${name} was removed`);
  });

  it('when every download fails after the API answered, saveAgain saves the same results without a new request', async () => {
    const result = await client.generate({ prompt: 'two kites', num_images: 2, seed: 17 });
    const job: SaveJob<string> = {
      operation: 'generate', request: { prompt: 'two kites' }, result, storage: createNodeFileStorage(dir), fileNameTemplate: 'shot',
      provider: 'p', extensionVersion: 'v', dispatcher: client.dispatcher, redact,
    };
    server.setFault({ mode: 'connection-reset', target: 'images', count: 2 });
    const failure = await saveImages(job).then(() => assert.fail('the save should fail'), (err: unknown) => err);
    assert.ok(failure instanceof UnsavedImagesError, `not an UnsavedImagesError: ${String(failure)}`);
    assert.equal(failure.unsaved.count, 2);
    assert.equal(failure.unsaved.local, false, 'a dropped download is not a local failure');
    assert.deepEqual(await readdir(dir), []);
    const apiRequests = server.stats().apiRequests;
    const again = await failure.unsaved.saveAgain() as { saved: { image: string }[] };
    assert.equal(again.saved.length, 2);
    assert.equal(server.stats().apiRequests, apiRequests, 'Save again sent no API request');
    assert.deepEqual((await readdir(dir)).sort(), ['shot-1.json', 'shot-1.png', 'shot.json', 'shot.png']);
  });

  it('a local failure after the API answered is marked local (no paid retry) and can be saved again once fixed', async () => {
    const result = await client.generate({ prompt: 'a kite', num_images: 1, seed: 18 });
    const out = path.join(dir, 'out');
    await writeFile(out, 'a file where the folder should be');
    const job: SaveJob<string> = {
      operation: 'generate', request: { prompt: 'a kite' }, result, storage: createNodeFileStorage(out), fileNameTemplate: 'shot',
      provider: 'p', extensionVersion: 'v', dispatcher: client.dispatcher, redact,
    };
    const failure = await saveImages(job).then(() => assert.fail('the save should fail'), (err: unknown) => err);
    assert.ok(failure instanceof UnsavedImagesError, `not an UnsavedImagesError: ${String(failure)}`);
    assert.equal(failure.unsaved.local, true);
    await rm(out);
    const again = await failure.unsaved.saveAgain() as { saved: unknown[] };
    assert.equal(again.saved.length, 1);
    assert.deepEqual((await readdir(out)).sort(), ['shot.json', 'shot.png']);
  });
});
