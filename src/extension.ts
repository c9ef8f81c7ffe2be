import type * as vscode from 'vscode';
import { registerAltTextCommands } from './altText/vscode';
import { localizeClientMessages } from './common/vscode/clientL10n';
import { registerCommands } from './commands/vscode/index';
import { requireValid } from './common/request/validation';
import { registerGallery } from './gallery/vscode/index';
import { createServices, type IdeogramServices } from './common/vscode/services';
import { registerStudio } from './studio/vscode/index';
import { registerLanguageModelTools } from './tools/vscode/index';
import { registerPlaceholders } from './placeholders/vscode';

/**
 * What activate returns to other extensions and the in-host tests: the operations and events,
 * as closures. Deliberately not the services object, so no caller can reach the key store.
 */
export interface IdeogramExtensionApi {
  generate: IdeogramServices['images']['generate'];
  remix: IdeogramServices['images']['remix'];
  upscale: IdeogramServices['images']['upscale'];
  describe: IdeogramServices['images']['describe'];
  /** Ideogram 3.0 operations (generate, remix, inpaint, reframe, backgrounds, transparent). */
  v3: IdeogramServices['images']['v3'];
  outputFolder: IdeogramServices['images']['outputFolder'];
  readHistory: IdeogramServices['readHistory'];
  onDidReportError: IdeogramServices['boundary']['onDidReportError'];
  /** This extension's log folder (the "Ideogram" channel's file is under its parent): for support and the leak tests. */
  logUri: vscode.Uri;
}

/** Entry point: registers everything and does no other work, so activation stays cheap. */
export function activate(context: vscode.ExtensionContext): IdeogramExtensionApi {
  localizeClientMessages();
  const services = createServices(context);
  registerCommands(context, services);
  // Features owned by other modules register themselves on the same services.
  registerStudio(context, services);
  registerLanguageModelTools(context, services);
  registerAltTextCommands(context, services);
  registerPlaceholders(context, services);
  registerGallery(context, services);
  const { images } = services;
  // The API is an edge like the commands: a request is checked here, before a folder is asked
  // for; the client checks it once more before sending, as a library must.
  return {
    generate: async (req, opts) => images.generate(requireValid('generate', req), opts),
    remix: async (req, image, opts) => images.remix(requireValid('remix', req), image, opts),
    upscale: async (req, image, opts) => images.upscale(requireValid('upscale', req), image, opts),
    describe: (uris, opts) => images.describe(uris, opts),
    v3: (mode, req, files, opts) => images.v3(mode, req, files, opts),
    outputFolder: (folder) => images.outputFolder(folder),
    readHistory: services.readHistory,
    onDidReportError: services.boundary.onDidReportError,
    logUri: context.logUri,
  };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
