// Missing images where they are referenced: a diagnostic (Hint or Information, or none, by
// ideogram.placeholders.diagnostics) on each reference to a missing local raster image in the open
// documents, kept current as documents change and image files appear or go, with the Quick Fix
// "Generate placeholder image".
import * as vscode from 'vscode';
import type { PlaceholderDiagnosticLevel } from '../../common/placeholderSettings';
import type { IdeogramServices } from '../../common/vscode/services';
import { toRange } from '../../altText/vscode/documents';
import { planPlaceholders } from '..';
import { GENERATE_PLACEHOLDER_COMMAND } from './commands';
import { placeholderDocument, planOptions } from './planning';

/** The diagnostics' `code`: Quick Fixes are offered for these. */
export const MISSING_IMAGE_CODE = 'missing-image';

/** Typing is not scanned keystroke by keystroke. */
const CHANGE_DELAY_MS = 300;

const SEVERITY: Record<Exclude<PlaceholderDiagnosticLevel, 'off'>, vscode.DiagnosticSeverity> = {
  hint: vscode.DiagnosticSeverity.Hint,
  information: vscode.DiagnosticSeverity.Information,
};

/** Where each diagnostic of a document points: its range and the file it would make. */
interface Target { range: vscode.Range; targetPath: string }

/** The diagnostics and the Quick Fix provider, owning their listeners. */
export class PlaceholderDiagnostics implements vscode.CodeActionProvider, vscode.Disposable {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];
  private readonly collection = vscode.languages.createDiagnosticCollection('ideogram.placeholders');
  private readonly targets = new Map<string, Target[]>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly services: IdeogramServices) {
    const images = vscode.workspace.createFileSystemWatcher('**/*.{png,jpg,jpeg,webp,avif,PNG,JPG,JPEG,WEBP,AVIF}');
    this.disposables.push(
      this.collection, images,
      vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, this, { providedCodeActionKinds: PlaceholderDiagnostics.providedCodeActionKinds }),
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => { if (event.contentChanges.length > 0) this.schedule(event.document, CHANGE_DELAY_MS); }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      images.onDidCreate(() => this.refreshOpen()),
      images.onDidDelete(() => this.refreshOpen()),
      vscode.workspace.onDidChangeConfiguration((event) => { if (event.affectsConfiguration('ideogram.placeholders')) this.refreshOpen(); }),
    );
    this.refreshOpen();
  }

  /** Checks every open document again (after a file was made or removed). */
  refreshOpen(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, CHANGE_DELAY_MS);
  }

  /** Checks one document now and resolves when its diagnostics are set (tests, and after a Quick Fix). */
  async update(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const settings = this.services.settings(document.uri);
    const level = settings.placeholders.diagnostics;
    const planned = level === 'off' ? undefined : placeholderDocument(document.uri, document.getText(), document.languageId);
    if (level === 'off' || !planned || planned.workspaceFolderPath === undefined) {
      this.forget(document.uri);
      return;
    }
    const version = document.version;
    const plan = await planPlaceholders([planned], planOptions(settings, document.uri));
    // A newer edit or a close since: that run's answer is the one that counts.
    if (document.isClosed || document.version !== version) return;
    const diagnostics: vscode.Diagnostic[] = [];
    const targets: Target[] = [];
    for (const item of plan.items) {
      for (const reference of item.references) {
        const range = toRange(reference.range);
        const diagnostic = new vscode.Diagnostic(range, vscode.l10n.t('{0} does not exist. Quick Fix: generate a {1}×{2} placeholder.', item.target, item.size.width, item.size.height), SEVERITY[level]);
        diagnostic.source = 'Ideogram';
        diagnostic.code = MISSING_IMAGE_CODE;
        diagnostics.push(diagnostic);
        targets.push({ range, targetPath: item.targetPath });
      }
    }
    this.targets.set(key, targets);
    this.collection.set(document.uri, diagnostics);
  }

  /** The Quick Fix for each of our diagnostics in the range. */
  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const targets = this.targets.get(document.uri.toString()) ?? [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== 'Ideogram' || diagnostic.code !== MISSING_IMAGE_CODE) continue;
      const target = targets.find((candidate) => candidate.range.isEqual(diagnostic.range));
      if (!target) continue;
      const action = new vscode.CodeAction(vscode.l10n.t('Generate placeholder image'), vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      action.command = { title: action.title, command: GENERATE_PLACEHOLDER_COMMAND, arguments: [document.uri, target.targetPath] };
      actions.push(action);
    }
    return actions;
  }

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      this.update(document).catch((error: unknown) => this.services.log.warn(`Missing images in ${vscode.workspace.asRelativePath(document.uri)}: ${error instanceof Error ? error.message : String(error)}`));
    }, delayMs));
  }

  private forget(uri: vscode.Uri): void {
    this.targets.delete(uri.toString());
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
