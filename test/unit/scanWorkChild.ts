// Child process of altTextScanLinear.test.ts: counts the code blocks the image scanner and the
// placeholders core run per document (its alt-text references and its placeholder plan).
// Block counters exist only in functions compiled after precise coverage starts, and V8 compiles
// a function when it is first called: so this runs in a fresh process where no scanner function
// has run before coverage starts.
import { Session } from 'node:inspector/promises';
import { adversarialDocument } from '../support/fixtures/adversarialDocuments';
import { findImageReferences, type ReferenceSyntax } from '../../src/altText';
import { ASPECT_RATIOS } from '../../src/common/request/legacy';
import { generationShapes, planPlaceholders } from '../../src/placeholders';

/** What the parent asks for: scan `unit` repeated to each length. */
export interface ScanWorkRequest { syntax: ReferenceSyntax; unit: string; lengths: number[] }

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2]) as ScanWorkRequest;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  const blocks: number[] = [];
  const shapes = generationShapes(ASPECT_RATIOS);
  for (const length of request.lengths) {
    const text = adversarialDocument(request.unit, length);
    await session.post('Profiler.takePreciseCoverage'); // resets the counters
    findImageReferences(text, request.syntax, { documentPath: '/ws/doc' });
    // The whole plan, every file missing: sizes, kinds, prompts (their subjects are read on demand) and shapes.
    await planPlaceholders([{ path: '/ws/doc', text, syntax: request.syntax, workspaceFolderPath: '/ws' }], { exists: () => false, generationShapes: shapes });
    const { result } = await session.post('Profiler.takePreciseCoverage');
    let count = 0;
    for (const script of result) {
      if (!/[\\/]src[\\/](altText|placeholders)[\\/]/.test(script.url)) continue;
      for (const fn of script.functions) for (const range of fn.ranges) count += range.count;
    }
    blocks.push(count);
  }
  session.disconnect();
  process.stdout.write(JSON.stringify(blocks));
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
