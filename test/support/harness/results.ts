// Follows the harness's events file (./protocol.ts) and prints mocha-style results.
import { existsSync, readFileSync } from 'node:fs';
import type { HarnessEvent } from './protocol';
import { delay } from '../rig/processes';

/** Outcome of a suite run inside VS Code. */
export interface SuiteOutcome {
  passes: number;
  failures: { title: string; message: string; stack?: string }[];
  pending: string[];
  /** Set when the run did not finish (timeout, crash, harness error). */
  incomplete?: string;
}

/** Waits for the run to end, printing tests as they finish. `abort` ends the wait early with a reason. */
export async function followHarnessEvents(eventsFile: string, options: { timeoutMs: number; abort: () => string | undefined }): Promise<SuiteOutcome> {
  const outcome: SuiteOutcome = { passes: 0, failures: [], pending: [] };
  const printer = new SpecPrinter();
  const deadline = Date.now() + options.timeoutMs;
  let consumed = 0;
  let started = false;
  for (;;) {
    const lines = existsSync(eventsFile) ? readFileSync(eventsFile, 'utf8').split('\n') : [];
    // The last element is either '' or a line still being written: leave it for the next round.
    for (const line of lines.slice(consumed, -1)) {
      consumed++;
      const event = JSON.parse(line) as HarnessEvent;
      switch (event.event) {
        case 'start':
          started = true;
          console.log(`rig: running ${event.files.length} test file(s) inside VS Code: ${event.files.join(', ')}`);
          break;
        case 'pass':
          outcome.passes++;
          printer.print(event.titlePath, `✔ ${last(event.titlePath)}${event.durationMs > 200 ? ` (${event.durationMs}ms)` : ''}`);
          break;
        case 'pending':
          outcome.pending.push(event.titlePath.join(' '));
          printer.print(event.titlePath, `- ${last(event.titlePath)} (pending)`);
          break;
        case 'fail':
          outcome.failures.push({ title: event.titlePath.join(' '), message: event.message, ...(event.stack ? { stack: event.stack } : {}) });
          printer.print(event.titlePath, `${outcome.failures.length}) ${last(event.titlePath)}`);
          break;
        case 'end':
          return outcome;
        case 'error':
          return { ...outcome, incomplete: `the harness failed before the tests ran: ${event.stack ?? event.message}` };
      }
    }
    const abortReason = options.abort();
    if (abortReason) return { ...outcome, incomplete: abortReason };
    if (Date.now() > deadline) {
      const where = started ? 'the suite did not finish' : 'the harness never started (was the extension host started? is the harness installed?)';
      return { ...outcome, incomplete: `timed out after ${Math.round(options.timeoutMs / 1000)} s: ${where}` };
    }
    await delay(200);
  }
}

/** Prints the summary and failure details the way mocha's spec reporter does; returns the exit code. */
export function printSummary(name: string, outcome: SuiteOutcome): number {
  console.log(`\n  ${outcome.passes} passing`);
  if (outcome.pending.length > 0) console.log(`  ${outcome.pending.length} pending: ${outcome.pending.join('; ')}`);
  if (outcome.failures.length > 0) console.log(`  ${outcome.failures.length} failing`);
  outcome.failures.forEach((failure, index) => {
    console.log(`\n  ${index + 1}) ${failure.title}:\n     ${failure.message.split('\n').join('\n     ')}`);
    const frames = (failure.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 4);
    if (frames.length > 0) console.log(frames.join('\n'));
  });
  if (outcome.incomplete) console.log(`\n  ${name} did not complete: ${outcome.incomplete}`);
  const failed = outcome.failures.length > 0 || outcome.incomplete !== undefined || outcome.passes === 0;
  if (outcome.passes === 0 && outcome.failures.length === 0 && !outcome.incomplete) console.log(`\n  ${name}: no test passed — treating as a failure`);
  console.log(failed ? `\n${name}: FAILED${outcome.failures.length ? ` (${outcome.failures.map((f) => f.title).join('; ')})` : ''}` : `\n${name}: passed`);
  return failed ? 1 : 0;
}

/** Prints suite headings once, indented by depth, like mocha's spec reporter. */
class SpecPrinter {
  private previous: string[] = [];

  print(titlePath: string[], line: string): void {
    const suites = titlePath.slice(0, -1);
    suites.forEach((suite, depth) => {
      if (this.previous[depth] !== suite) {
        console.log(`${'  '.repeat(depth + 1)}${suite}`);
        this.previous = this.previous.slice(0, depth);
        this.previous[depth] = suite;
      }
    });
    this.previous = suites.slice();
    console.log(`${'  '.repeat(suites.length + 1)}${line}`);
  }
}

function last(titlePath: string[]): string {
  return titlePath[titlePath.length - 1] ?? '';
}
