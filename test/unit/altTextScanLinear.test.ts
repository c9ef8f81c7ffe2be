// The image scanner (alt text and placeholders) must stay linear in the document, whatever the
// document holds. Timed tests are not allowed on the shared machines, so this counts work instead: V8's precise coverage
// reports how many times each block of code ran, which depends only on the code and its input
// (counted in a child process, see scanWorkChild.ts). Four times the input may cost at most 4.5
// times the block executions; a scanner that searches again from every opener costs ~16 times.
// Work inside one regular-expression search or indexOf is not counted (the old HTML `<script `
// case hid its quadratic search there); `npm run bench` times the scanner on the shapes.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ADVERSARIAL_SHAPES } from '../support/fixtures/adversarialDocuments';
import type { ScanWorkRequest } from './scanWorkChild';

const run = promisify(execFile);

/** Block executions inside src/altText and src/placeholders for one scan of each length. */
async function blocksRun(request: ScanWorkRequest): Promise<number[]> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(__dirname, 'scanWorkChild.ts'), JSON.stringify(request)]);
  return JSON.parse(stdout) as number[];
}

describe('alt text scanner: linear in the document (counted in executed code blocks)', function () {
  this.timeout(120_000); // a child process per shape; the assertions count, they do not time

  for (const shape of ADVERSARIAL_SHAPES) {
    it(`${shape.name} (${JSON.stringify(shape.unit)} repeated): 4× the text, at most 4.5× the work`, async () => {
      const [small, large] = await blocksRun({ syntax: shape.syntax, unit: shape.unit, lengths: [16 * 1024, 64 * 1024] });
      assert.ok(small > 1000, `only ${small} block executions counted: the coverage filter no longer matches the scanner files`);
      assert.ok(large <= 4.5 * small, `${large} block executions for 64 KB vs ${small} for 16 KB (${(large / small).toFixed(1)}×)`);
    });
  }
});
