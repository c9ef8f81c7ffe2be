// Entry point for @vscode/test-electron (extensionTestsPath): the same suite in desktop VS Code.
// test-electron loads this module and treats a rejected run() as a failed run.
import path from 'node:path';
import * as vscode from 'vscode';
import { harnessEnv } from '../../support/harness/protocol';
import { runIntegrationSuite } from './runSuite';

/** Runs the suite; rejects when a test failed. */
export async function run(): Promise<void> {
  // Under test-electron the extension under test loads in development mode; nothing has run yet.
  const activeAtStartup = vscode.extensions.all.filter((e) => e.isActive).map((e) => e.id);
  const failures = await runIntegrationSuite({
    testsDir: path.join(__dirname, 'tests'),
    ...(process.env[harnessEnv.eventsFile] ? { eventsFile: process.env[harnessEnv.eventsFile] } : {}),
    ...(process.env[harnessEnv.grep] ? { grep: process.env[harnessEnv.grep] } : {}),
    activeAtStartup,
  });
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
