// The packaging check `npm run package` runs on every .vsix it builds (test/support/rig/vsixContents.ts).
// The real package is checked there, not here: unit tests run before packaging in `npm test`.
import { strict as assert } from 'node:assert';
import { checkVsixEntries } from '../support/rig/vsixContents';

const goodEntries = [
  'extension.vsixmanifest',
  '[Content_Types].xml',
  'extension/package.json',
  'extension/package.nls.json',
  'extension/dist/extension.js',
  'extension/dist/webview.js',
  'extension/dist/gallery.js',
  'extension/dist/undici.js',
  'extension/dist/sharp.js',
  'extension/dist/sharp-wasm32.js',
  'extension/dist/sharp-wasm32-0.35.6.node.wasm',
  'extension/media/icon.png',
  'extension/LICENSE.txt',
];
const manifest = { main: './dist/extension.js' };

describe('vsix contents check', () => {
  it('accepts a package with only bundles, media and metadata', () => {
    assert.deepEqual(checkVsixEntries(goodEntries, manifest), []);
  });

  for (const bad of ['extension/src/extension.ts', 'extension/test/unit/x.test.ts', 'extension/dist/extension.js.map',
    'extension/node_modules/zod/index.js', 'extension/tsconfig.json', 'extension/tools/mock-server/server.js',
    'extension/media/screenshots/studio-dark.png', 'extension/dist/sharp-linux-x64.node',
    'extension/node_modules/@img/sharp-linux-x64/lib/sharp-linux-x64.node']) {
    it(`rejects ${bad}`, () => {
      const problems = checkVsixEntries([...goodEntries, bad], manifest);
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.match(problems[0] ?? '', new RegExp(bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    });
  }

  it('requires the main bundle named in package.json and the webview bundles', () => {
    const problems = checkVsixEntries(goodEntries.filter((e) => !e.startsWith('extension/dist/')), manifest);
    assert.deepEqual(problems.sort(), [
      'extension/dist/extension.js is missing from the package',
      'extension/dist/gallery.js is missing from the package',
      'extension/dist/sharp-wasm32.js is missing from the package',
      'extension/dist/sharp.js is missing from the package',
      'extension/dist/undici.js is missing from the package',
      'extension/dist/webview.js is missing from the package',
      'the libvips WebAssembly file (dist/sharp-wasm32-*.wasm) is missing from the package',
    ]);
  });

  // Lazily required: a package without them activates fine and fails only when the feature runs.
  for (const lazy of ['extension/dist/undici.js', 'extension/dist/sharp.js', 'extension/dist/sharp-wasm32.js', 'extension/dist/sharp-wasm32-0.35.6.node.wasm']) {
    it(`requires the lazily loaded ${lazy.replace('extension/', '')}`, () => {
      const problems = checkVsixEntries(goodEntries.filter((e) => e !== lazy), manifest);
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.match(problems[0] ?? '', lazy.endsWith('.wasm') ? /libvips WebAssembly file/ : new RegExp(`${lazy.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is missing`));
    });
  }

  it('requires a declared l10n folder', () => {
    assert.equal(checkVsixEntries(goodEntries, { ...manifest, l10n: './l10n' }).length, 1);
    assert.deepEqual(checkVsixEntries([...goodEntries, 'extension/l10n/bundle.l10n.zh-cn.json'], { ...manifest, l10n: './l10n' }), []);
  });

});
