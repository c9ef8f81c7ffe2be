// The one place that reads the extension's settings. Each operation reads them once, at its entry
// point, and passes the IdeogramSettings object down. Values that are ignored (mistyped in
// settings.json) are logged by a configuration-change listener, and once at the first read.
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

/** Reads and validates the settings for a resource (its folder's values win for folder-scoped settings). */
export function readSettings(scope?: vscode.ConfigurationScope): IdeogramSettings {
  return readWithProblems(scope).settings;
}

function readWithProblems(scope?: vscode.ConfigurationScope): { settings: IdeogramSettings; problems: SettingProblem[] } {
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
    fillEmptyAltText: config.get('fillEmptyAltText'),
    confirmAboveImages: config.get('confirmAboveImages'),
    prices: config.get('prices'),
    placeholders: {
      style: config.get('placeholders.style'),
      publicFolders: config.get('placeholders.publicFolders'),
      defaultSize: config.get('placeholders.defaultSize'),
      diagnostics: config.get('placeholders.diagnostics'),
    },
    v3RequestForm: config.get('v3.requestForm'),
  };
  for (const key of KEY_LOCATION_SETTINGS) raw[key] = userValue(config, key);
  const { settings, problems } = parseSettings(raw);
  // An empty proxy means VS Code's own proxy setting; the environment comes after that (in the client).
  if (settings.proxy === '') {
    const vscodeProxy = vscode.workspace.getConfiguration('http').get<string>('proxy', '').trim();
    if (/^https?:\/\//i.test(vscodeProxy)) settings.proxy = vscodeProxy;
  }
  return { settings, problems };
}

/**
 * Reads settings for operations and logs the values that were ignored (mistyped in settings.json):
 * at the first read, then whenever the extension's settings change, each set of problems once.
 */
export class SettingsReader implements vscode.Disposable {
  private last = '';
  private checked = false;
  private readonly listener: vscode.Disposable;

  constructor(private readonly report: (problems: SettingProblem[]) => void) {
    this.listener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SECTION)) this.check();
    });
  }

  /** The settings for a resource (read once per operation, at its entry point). */
  read(scope?: vscode.ConfigurationScope): IdeogramSettings {
    if (!this.checked) {
      // Not at activation, which stays cheap: the first time an operation needs them.
      this.checked = true;
      this.check(scope);
    }
    return readSettings(scope);
  }

  private check(scope?: vscode.ConfigurationScope): void {
    const { problems } = readWithProblems(scope);
    const fingerprint = JSON.stringify(problems);
    if (problems.length > 0 && fingerprint !== this.last) this.report(problems);
    this.last = fingerprint;
  }

  dispose(): void {
    this.listener.dispose();
  }
}

/** Opens the Settings editor filtered to one setting (or all of the extension's). */
export function openSettings(settingId = SECTION): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', settingId);
}
