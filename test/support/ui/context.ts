// What the e2e runner (scripts/run-e2e.ts) hands to the tests: one code-server + one Chromium page
// for the whole run. Shared through globalThis because the runner and mocha may load this module
// through different loaders (CommonJS and ESM), which would give each its own copy.
import type { Page } from 'playwright-core';
import type { MockServer } from '../../../tools/mock-server';

/** The running VS Code under test, as seen by UI tests. */
export interface E2eContext {
  page: Page;
  /** Folder opened in the workbench (a fresh copy of test/fixtures/workspace). */
  workspaceDir: string;
  workbenchUrl: string;
  /** The local Ideogram-compatible server, in the runner's process: read `.requests`, call `setFault`. */
  mockServer: MockServer;
  /** The key the local server accepts (the extension gets it as IDEOGRAM_API_KEY). */
  apiKey: string;
}

const contextKey = Symbol.for('ideogram.e2eContext');

/** Called by the runner before mocha starts. */
export function setE2eContext(context: E2eContext): void {
  (globalThis as Record<symbol, unknown>)[contextKey] = context;
}

/** The context of the current run; throws outside `npm run test:e2e`. */
export function e2e(): E2eContext {
  const context = (globalThis as Record<symbol, unknown>)[contextKey] as E2eContext | undefined;
  if (!context) throw new Error('no e2e context: run UI tests through `npm run test:e2e`');
  return context;
}
