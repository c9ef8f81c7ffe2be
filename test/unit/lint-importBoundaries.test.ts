// The one-way imports of the test code (eslint.config.mjs): the suites, bench/ and scripts/ use
// test/support/; nothing imports bench/ or scripts/; test/support/ imports no suite; the local
// server imports none of them. Each case runs the no-restricted-imports options the config gives
// that file through ESLint itself, so a pattern that matches too much or too little shows here.
import { strict as assert } from 'node:assert';
import { ESLint, Linter } from 'eslint';

const eslint = new ESLint();
const linter = new Linter({ configType: 'flat' });

/** The no-restricted-imports messages for `import … from specifier` in `file` (repo-relative). */
async function complaints(file: string, specifier: string): Promise<string[]> {
  const config = (await eslint.calculateConfigForFile(file)) as { rules?: Record<string, Linter.RuleEntry> };
  const rule = config.rules?.['no-restricted-imports'];
  if (!rule) return [];
  const messages = linter.verify(`import shared from '${specifier}';\nexport default shared;\n`, [
    { files: ['**/*.ts'], languageOptions: { sourceType: 'module' }, rules: { 'no-restricted-imports': rule } },
  ], { filename: file });
  return messages.map((m) => m.message);
}

// [importing file, specifier, allowed?]
const cases: [string, string, boolean][] = [
  ['test/unit/a.test.ts', '../../bench/lib/stats', false],
  ['test/faults/a.test.ts', '../../scripts/run-e2e', false],
  ['test/e2e/a.test.ts', '../support/ui/workbench', true],
  ['test/unit/a.test.ts', '../support/save/saveToFolder', true],
  ['test/unit/a.test.ts', '../../tools/mock-server', true],
  ['test/unit/a.test.ts', '../../src/ideogram', true],
  ['bench/a.ts', '../scripts/demo', false],
  ['bench/a.ts', '../test/e2e/a.test', false],
  ['bench/a.ts', '../test/webview/maskEditor.test', false],
  ['bench/a.ts', '../test/support/rig/browser', true],
  ['bench/a.ts', './lib/stats', true],
  ['scripts/a.ts', '../bench/lib/stats', false],
  ['scripts/a.ts', '../test/harness/src/runSuite', false],
  ['scripts/a.ts', '../test/support/harness/protocol', true],
  ['test/support/a.ts', '../unit/clientTestHelpers', false],
  ['test/support/a.ts', './rig/paths', true],
  ['test/support/rig/a.ts', '../../e2e/a.test', false],
  ['test/support/rig/a.ts', '../../harness/src/runSuite', false],
  ['test/support/rig/a.ts', '../../../bench/lib/stats', false],
  ['test/support/rig/a.ts', '../../../scripts/demo', false],
  ['test/support/rig/a.ts', '../harness/protocol', true],
  ['test/support/rig/a.ts', '../webview/page', true],
  ['test/support/rig/a.ts', '../../../src/studio/html', true],
  ['test/support/rig/a.ts', '../../../tools/mock-server', true],
  ['test/support/a/b/c.ts', '../../../faults/folderCheck', false],
  ['test/support/a/b/c.ts', '../../rig/paths', true],
  ['tools/mock-server/a.ts', '../../test/support/rig/paths', false],
  ['tools/mock-server/a.ts', '../../bench/lib/stats', false],
  ['tools/mock-server/a.ts', './png', true],
];

describe('eslint.config.mjs: one-way imports between test/, test/support/, bench/, scripts/ and the local server', () => {
  for (const [file, specifier, allowed] of cases) {
    it(`${allowed ? 'allows' : 'refuses'} ${specifier} in ${file}`, async () => {
      const found = await complaints(file, specifier);
      if (allowed) assert.deepEqual(found, []);
      else assert.equal(found.length, 1, `expected one complaint, got ${JSON.stringify(found)}`);
    });
  }
});
