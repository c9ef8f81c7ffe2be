// User settings for the VS Code under test: the extension pointed at the local server, and the
// workbench kept quiet (no welcome page, walkthroughs, update or telemetry prompts) so tests and
// screenshots see the same window every time.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The ideogram.* settings that point the extension at the local Ideogram-compatible server. */
export function mockServerSettings(mockUrl: string): Record<string, unknown> {
  return {
    'ideogram.provider': 'custom',
    'ideogram.baseUrl': mockUrl,
    'ideogram.pathPrefix': '/ideogram',
    'ideogram.authStyle': 'bearer',
  };
}

/** The workbench without welcome page, walkthroughs, prompts or telemetry: the tests' (and the stand-in's) VS Code. */
export const quietWorkbench: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'window.commandCenter': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/**
 * What `npm run demo` changes in the quiet workbench: a newcomer's first start opens the demo
 * workspace's README (VS Code's own startup editor) and the extension's walkthrough beside it (the
 * extension opens it once when VS Code's "open walkthroughs on install" preference is on). Without
 * `firstRun` (README screenshots) the workbench stays as quiet as the tests'.
 */
export function demoSettings(theme: 'light' | 'dark', firstRun = true): Record<string, unknown> {
  return {
    ...(firstRun ? { 'workbench.startupEditor': 'readme', 'workbench.welcomePage.walkthroughs.openOnInstall': true } : {}),
    // VS Code 1.139's default themes (ThemeSettingDefaults.COLOR_THEME_DARK / _LIGHT).
    'workbench.colorTheme': theme === 'light' ? 'Light 2026' : 'Dark 2026',
  };
}

/** Writes <userDataDir>/User/settings.json. */
export function writeUserSettings(userDataDir: string, settings: Record<string, unknown>): void {
  const userDir = path.join(userDataDir, 'User');
  mkdirSync(userDir, { recursive: true });
  writeFileSync(path.join(userDir, 'settings.json'), `${JSON.stringify({ ...quietWorkbench, ...settings }, null, 2)}\n`);
}
