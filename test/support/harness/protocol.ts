// What the harness (inside the extension host) tells the launcher (outside): one JSON object per
// line in the events file, appended as tests finish so a hang still shows where it hung.

/** One line of the events file. */
export type HarnessEvent =
  | { event: 'start'; files: string[]; activeAtStartup: string[] }
  | { event: 'pass'; titlePath: string[]; durationMs: number }
  | { event: 'pending'; titlePath: string[] }
  | { event: 'fail'; titlePath: string[]; message: string; stack?: string; durationMs?: number }
  | { event: 'end'; passes: number; failures: number; pending: number; durationMs: number }
  | { event: 'error'; message: string; stack?: string };

/** Environment variables the launchers set for the extension host (code-server passes its env on). */
export const harnessEnv = {
  /** Path of the JSONL events file; without it the harness stays idle. */
  eventsFile: 'IDEOGRAM_RIG_EVENTS',
  /** Optional mocha --grep. */
  grep: 'IDEOGRAM_RIG_GREP',
  /** Base URL of the local Ideogram-compatible server the settings point at. */
  mockUrl: 'IDEOGRAM_RIG_MOCK_URL',
  /** The key the local server accepts (also given to the extension as IDEOGRAM_API_KEY). */
  apiKey: 'IDEOGRAM_RIG_API_KEY',
  /** Folder opened in the workbench. */
  workspace: 'IDEOGRAM_RIG_WORKSPACE',
  /** 'code-server' or 'electron'. */
  launcher: 'IDEOGRAM_RIG_LAUNCHER',
  /** The repository's test/fixtures folder, for tests that copy a fixture project into the workspace. */
  fixtures: 'IDEOGRAM_RIG_FIXTURES',
} as const;

/** globalThis key under which the harness leaves the ids of extensions active at startup. */
export const activeAtStartupKey = '__ideogramRigActiveAtStartup';
