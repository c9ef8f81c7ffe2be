// Runs the compiled integration tests with mocha inside the extension host. Shared by the
// code-server harness extension and the @vscode/test-electron entry point.
import { appendFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import { activeAtStartupKey, type HarnessEvent } from '../../support/harness/protocol';

/** Options for {@link runIntegrationSuite}. */
export interface SuiteOptions {
  /** Folder with one compiled .js file per test/integration/*.test.ts. */
  testsDir: string;
  /** JSONL file the events are appended to (see protocol.ts). */
  eventsFile?: string;
  grep?: string;
  /** Per-test timeout. */
  timeoutMs?: number;
  /** Extension ids active before the first test ran. */
  activeAtStartup: string[];
}

/** Loads every compiled test file and runs them; resolves with the number of failures. */
export async function runIntegrationSuite(options: SuiteOptions): Promise<number> {
  const emit = (event: HarnessEvent): void => {
    if (options.eventsFile) appendFileSync(options.eventsFile, `${JSON.stringify(event)}\n`);
  };
  try {
    const files = readdirSync(options.testsDir).filter((f) => f.endsWith('.test.js')).sort().map((f) => path.join(options.testsDir, f));
    (globalThis as Record<string, unknown>)[activeAtStartupKey] = options.activeAtStartup;
    emit({ event: 'start', files: files.map((f) => path.basename(f)), activeAtStartup: options.activeAtStartup });
    const mocha = new Mocha({ ui: 'bdd', timeout: options.timeoutMs ?? 30_000, color: false, reporter: reporterFor(emit) });
    if (options.grep) mocha.grep(new RegExp(options.grep)); // a string would be matched literally
    // mocha.loadFiles() without its own require(): the files are plain CommonJS bundles, and they
    // must be required from inside this extension so their `require('vscode')` gets its API.
    for (const file of files) {
      mocha.suite.emit('pre-require', globalThis, file, mocha);
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- dynamic test file list
      mocha.suite.emit('require', require(file), file, mocha);
      mocha.suite.emit('post-require', globalThis, file, mocha);
    }
    const started = Date.now();
    return await new Promise<number>((resolve) => {
      const runner = mocha.run((failures) => resolve(failures));
      runner.once('end', () => {
        const stats = runner.stats;
        emit({ event: 'end', passes: stats?.passes ?? 0, failures: stats?.failures ?? 0, pending: stats?.pending ?? 0, durationMs: Date.now() - started });
      });
    });
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    emit({ event: 'error', message: error.message, ...(error.stack ? { stack: error.stack } : {}) });
    return 1;
  }
}

function reporterFor(emit: (event: HarnessEvent) => void): Mocha.ReporterConstructor {
  return class EventsReporter extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      runner.on('pass', (test) => emit({ event: 'pass', titlePath: test.titlePath(), durationMs: test.duration ?? 0 }));
      runner.on('pending', (test) => emit({ event: 'pending', titlePath: test.titlePath() }));
      runner.on('fail', (test, err: Error & { actual?: unknown; expected?: unknown }) => {
        // node:assert already puts a diff in the message; other assertion libraries may not.
        const diff = 'actual' in err && 'expected' in err && !err.message.includes('expected') ? `\nactual:   ${preview(err.actual)}\nexpected: ${preview(err.expected)}` : '';
        emit({ event: 'fail', titlePath: test.titlePath(), message: `${err.message}${diff}`, ...(err.stack ? { stack: err.stack } : {}), ...(test.duration ? { durationMs: test.duration } : {}) });
      });
    }
  };
}

function preview(value: unknown): string {
  if (value instanceof RegExp) return String(value); // JSON.stringify would print {}
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value, null, 0) ?? String(value);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
