// Registers every command of the extension (except the Studio's, which its module registers).
import * as vscode from 'vscode';
import { registerCommand } from '../../common/vscode/commands';
import type { IdeogramServices } from '../../common/vscode/services';
import { registerApiKeyCommands } from './apiKey';
import { registerDescribe } from './describe';
import { registerGenerate } from './generate';
import { registerImageCommands } from './imageCommands';
import { registerOpenInStudio } from './openInStudio';
import { registerImageDropAndPaste, registerInsertImage } from './insertImage';
import { registerV3Commands } from './v3Commands';

/** Registers generate, remix, upscale, describe, the Ideogram 3.0 commands, Open in Studio, the key commands and Show Log. */
export function registerCommands(context: vscode.ExtensionContext, services: IdeogramServices): void {
  context.subscriptions.push(
    ...registerGenerate(context, services),
    ...registerImageCommands(services),
    registerDescribe(context, services),
    registerOpenInStudio(services),
    registerInsertImage(services),
    ...registerImageDropAndPaste(),
    ...registerV3Commands(services),
    ...registerApiKeyCommands(services),
    registerCommand(services.boundary, 'ideogram.showLog', vscode.l10n.t('Show Log'), () => services.log.show()),
  );
}
