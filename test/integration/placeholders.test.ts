// Issue 15 in the real VS Code: "Generate Missing Images" fills the fixture project
// (test/fixtures/placeholders, copied into the workspace folder's root so its root-relative paths
// resolve as on a web server) through workspace.fs and the WebAssembly image library of the
// packaged extension: every file exactly where it is referenced, at its exact size, in its format
// by its bytes, with its sidecar.
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readImageSize } from '../../src/common/imageSize';
import { sniffFormat } from '../../src/imageOps/formats';
import type { GenerateMissingImagesResult } from '../../src/placeholders/vscode';
import { extension, rigEnvironment } from './helpers/rig';

/** What the fixture project misses (its README and test/unit/placeholdersFixture.test.ts list them). */
const EXPECTED = [
  'docs/diagram-800x600.png', 'img/dashboard.png', 'img/hero-banner-1600x900.jpg', 'img/hero.avif', 'img/hero.webp',
  'img/hero@2x.avif', 'img/hero@2x.webp', 'img/logo.png', 'img/my photo.png', 'img/pattern.png', 'img/team.jpg',
  'img/windows-style.png', 'public/apple-touch-icon.png', 'public/avatars/default@2x.png', 'public/favicon-32x32.png',
  'public/hero-1200x630.webp', 'public/icons/icon-192.png', 'public/icons/icon-512.png', 'public/og.png', 'public/textures/paper.jpg',
  'public/twitter-card.jpg',
];

/** An AVIF's size from its `ispe` (image spatial extents) property: version/flags, width, height. */
function avifSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const at = Buffer.from(bytes).indexOf('ispe');
  if (at < 0) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset + at + 8, 8);
  return { width: view.getUint32(0), height: view.getUint32(4) };
}

describe('placeholders: filling the fixture project', function () {
  this.timeout(180_000);
  const { workspace, fixtures } = rigEnvironment();
  const project = path.join(fixtures, 'placeholders');
  const copied = readdirSync(project).filter((name) => name !== 'README.md');

  before(async () => {
    await extension().activate();
    for (const name of copied) cpSync(path.join(project, name), path.join(workspace, name), { recursive: true });
  });
  after(() => {
    for (const name of copied) rmSync(path.join(workspace, name), { recursive: true, force: true });
  });

  it('makes every missing image at its path, exact size and format, each with its sidecar', async () => {
    const result = await vscode.commands.executeCommand<GenerateMissingImagesResult | undefined>('ideogram.generateMissingImages', { review: false });
    assert.ok(result, 'the command returned a result');
    assert.deepEqual(result.failed.map(({ item, error }) => `${item.target}: ${String(error)}`), []);
    const made = result.made.map(({ item }) => item.target);
    for (const target of EXPECTED) assert.ok(made.includes(target), `${target} made (made: ${made.join(', ')})`);
    for (const { item, uri } of result.made) {
      assert.equal(uri.fsPath, path.join(workspace, ...item.target.split('/')), `${item.target}: at the referenced path`);
      const bytes = new Uint8Array(readFileSync(uri.fsPath));
      assert.equal(sniffFormat(bytes), item.format, `${item.target}: format by its bytes`);
      const size = item.format === 'avif' ? avifSize(bytes) : readImageSize(bytes);
      assert.deepEqual(size && { width: size.width, height: size.height }, { width: item.size.width, height: item.size.height }, `${item.target}: exact size`);
      const name = path.basename(uri.fsPath);
      assert.ok(existsSync(path.join(path.dirname(uri.fsPath), '.ideogram', `${name}.json`)), `${item.target}: sidecar`);
    }
    // The images that existed are not made again.
    assert.ok(!made.includes('img/existing.png') && !made.includes('public/icons/existing-icon.png'));
  });
});
