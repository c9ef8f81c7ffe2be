// The code-server harness: a second extension, installed next to the one under test, that runs the
// integration suite when the workbench has started (onStartupFinished) and reports to a file.
// It deliberately does not declare extensionDependencies: that would activate the extension under
// test before any test ran, and the suite checks it activates only on its own events.
import path from 'node:path';
import * as vscode from 'vscode';
import { harnessEnv } from '../../support/harness/protocol';
import { runIntegrationSuite } from './runSuite';

/** Starts the suite in the background when the rig asked for it (IDEOGRAM_RIG_EVENTS set). */
export function activate(): void {
  const eventsFile = process.env[harnessEnv.eventsFile];
  if (!eventsFile) return;
  void (async () => {
    // Give eagerly activated extensions a moment, so the startup snapshot shows who activated on startup.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const activeAtStartup = vscode.extensions.all.filter((e) => e.isActive).map((e) => e.id);
    await runIntegrationSuite({
      testsDir: path.join(__dirname, 'tests'),
      eventsFile,
      activeAtStartup,
      ...(process.env[harnessEnv.grep] ? { grep: process.env[harnessEnv.grep] } : {}),
    });
  })();
}
