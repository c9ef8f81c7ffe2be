// Registers the Studio: the "Open Studio" command and the serializer that restores the panel
// after a window reload.
import * as vscode from 'vscode';
import { registerCommand } from '../../common/vscode/commands';
import type { IdeogramServices } from '../../common/vscode/services';
import type { FormState } from '../../common/protocol';
import { parsePersistedState, STUDIO_IMAGE_ROLES, STUDIO_MODES, type StudioImageRole } from '../../common/protocol';
import { StudioPanel, STUDIO_VIEW_TYPE } from './panel';
import type { StudioStart } from './panel';

export { STUDIO_VIEW_TYPE } from './panel';

/** Command id that opens (or reveals) the Studio. */
export const OPEN_STUDIO_COMMAND = 'ideogram.openStudio';

let current: StudioPanel | undefined;

/**
 * Arguments the command accepts, so menus, other commands and tests can preselect:
 * `(uri?, mode?)` as the explorer and "Open in Studio" pass them, or `({ uri, mode, prompt })`, or
 * `({ uri, tab: 'v3', role })`: the Ideogram 3.0 tab with the image in the mask editor (`edit`) or a
 * reference slot (`styleReference`, `characterReference`), as the explorer's 3.0 commands open it.
 */
export function parseOpenStudioArgs(first: unknown, second: unknown): StudioStart {
  let uri: vscode.Uri | undefined;
  let mode: unknown = second;
  let prompt: unknown;
  let tab: unknown;
  let role: unknown;
  if (first instanceof vscode.Uri) uri = first;
  else if (Array.isArray(first) && first[0] instanceof vscode.Uri) uri = first[0] as vscode.Uri;
  else if (first && typeof first === 'object') {
    const options = first as { uri?: unknown; mode?: unknown; prompt?: unknown; tab?: unknown; role?: unknown };
    if (options.uri instanceof vscode.Uri) uri = options.uri;
    else if (typeof options.uri === 'string') uri = vscode.Uri.parse(options.uri);
    mode = options.mode;
    prompt = options.prompt;
    tab = options.tab;
    role = options.role;
  }
  if (tab === 'v3' && uri && typeof role === 'string' && (STUDIO_IMAGE_ROLES as readonly string[]).includes(role)) {
    return { v3: { role: role as StudioImageRole, image: uri } };
  }
  const form: Partial<FormState> = {};
  if (typeof mode === 'string' && (STUDIO_MODES as readonly string[]).includes(mode)) form.mode = mode as FormState['mode'];
  else if (uri) form.mode = 'remix'; // an image without a mode: remix is the most common next step
  if (typeof prompt === 'string') form.prompt = prompt;
  return { form: Object.keys(form).length ? form : undefined, reference: uri };
}

function track(panel: StudioPanel): StudioPanel {
  current = panel;
  panel.onDidDispose(() => { if (current === panel) current = undefined; });
  return panel;
}

/** Opens the Studio, or reveals it with the given start values. Returns the panel (tests use it). */
export function openStudio(context: vscode.ExtensionContext, services: IdeogramServices, start: StudioStart): StudioPanel {
  if (current) {
    current.reveal(start);
    return current;
  }
  // Beside an open text editor, so "Insert" has a visible document to write into.
  const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
  const panel = vscode.window.createWebviewPanel(STUDIO_VIEW_TYPE, vscode.l10n.t('Ideogram Studio'), column, {
    enableScripts: true,
    // Keeps a run's progress, results and history pages when the tab is hidden.
    retainContextWhenHidden: true,
  });
  return track(new StudioPanel(panel, context.extensionUri, services, start));
}

/** Registers the Studio command and serializer; everything is owned by `context.subscriptions`. */
export function registerStudio(context: vscode.ExtensionContext, services: IdeogramServices): void {
  context.subscriptions.push(
    registerCommand(services.boundary, OPEN_STUDIO_COMMAND, vscode.l10n.t('Ideogram Studio'), (first?: unknown, second?: unknown) => {
      openStudio(context, services, parseOpenStudioArgs(first, second));
    }),
    vscode.window.registerWebviewPanelSerializer(STUDIO_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        // The state comes from the webview: validated, and anything unexpected is dropped.
        track(new StudioPanel(panel, context.extensionUri, services, StudioPanel.startFromState(parsePersistedState(state))));
      },
    }),
    { dispose: () => current?.dispose() },
  );
}
