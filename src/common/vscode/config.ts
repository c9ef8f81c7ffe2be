// The one place that reads the extension's settings. Everything else receives IdeogramSettings.
import * as vscode from 'vscode';
import { parseSettings, type IdeogramSettings, type RawSettings, type SettingProblem } from '../settingsSchema';

export type { IdeogramSettings } from '../settingsSchema';

/** Settings that decide where the API key is sent: read from user (global) settings only. */
export const KEY_LOCATION_SETTINGS = ['provider', 'baseUrl', 'pathPrefix', 'authStyle', 'proxy'] as const;

const SECTION = 'ideogram';

function userValue(config: vscode.WorkspaceConfiguration, key: string): unknown {
  // These are declared "application"-scoped, so VS Code already ignores workspace values; reading
  // only the global value here also holds if a folder's settings.json sets them anyway.
  const inspected = config.inspect(key);
  return inspected?.globalValue ?? inspected?.defaultValue;
}

let lastReported = '';

/** Reads and validates the settings for a resource (its folder's values win for folder-scoped settings). */
export function readSettings(scope?: vscode.ConfigurationScope, onProblems?: (problems: SettingProblem[]) => void): IdeogramSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const raw: RawSettings = {
    imageTransport: config.get('imageTransport'),
    outputFolder: config.get('outputFolder'),
    fileNameTemplate: config.get('fileNameTemplate'),
    defaults: {
      model: config.get('defaults.model'),
      aspectRatio: config.get('defaults.aspectRatio'),
      styleType: config.get('defaults.styleType'),
      magicPrompt: config.get('defaults.magicPrompt'),
      numImages: config.get('defaults.numImages'),
    },
    requestTimeoutSeconds: config.get('requestTimeoutSeconds'),
    maxImagesInFlight: config.get('maxImagesInFlight'),
    insertFormat: config.get('insertFormat'),
  };
  for (const key of KEY_LOCATION_SETTINGS) raw[key] = userValue(config, key);
  const { settings, problems } = parseSettings(raw);
  // An empty proxy means VS Code's own proxy setting; the environment comes after that (in the client).
  if (settings.proxy === '') {
    const vscodeProxy = vscode.workspace.getConfiguration('http').get<string>('proxy', '').trim();
    if (/^https?:\/\//i.test(vscodeProxy)) settings.proxy = vscodeProxy;
  }
  const fingerprint = JSON.stringify(problems);
  if (onProblems && problems.length > 0 && fingerprint !== lastReported) {
    lastReported = fingerprint;
    onProblems(problems);
  }
  return settings;
}

/** Opens the Settings editor filtered to one setting (or all of the extension's). */
export function openSettings(settingId = SECTION): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', settingId);
}
