// "Ideogram: Generate Missing Images…" (the workspace, or a folder from the explorer) and the
// Quick Fix's "Generate placeholder image": plan, review (the command), fill in one batch with one
// progress notification, then one summary: made, skipped (why), failed (why, with Retry).
import * as vscode from 'vscode';
import { registerCommand } from '../../common/vscode/commands';
import type { IdeogramSettings } from '../../common/vscode/config';
import { showInformation, showWarning, withNotificationProgress } from '../../common/vscode/notifications';
import type { IdeogramServices } from '../../common/vscode/services';
import { reportError } from '../../common/reportedError';
import { planPlaceholders, type PlaceholderItem } from '..';
import { fillPlaceholders, type FillSummary, type SkipReason } from './fill';
import { LEGACY_SHAPES, placeholderDocument, planOptions, planWorkspace } from './planning';
import { reviewPlaceholders } from './review';
import { billingSummary } from '../../common/vscode/spending';

/** Command id of the workspace (or folder) batch. */
export const GENERATE_MISSING_IMAGES_COMMAND = 'ideogram.generateMissingImages';
/** Command id of the Quick Fix: (document Uri, target path) → one placeholder. */
export const GENERATE_PLACEHOLDER_COMMAND = 'ideogram.generatePlaceholder';

/** Options of the batch command for tests and other extensions. */
export interface GenerateMissingImagesOptions {
  /** Only the pages in this folder (the explorer's context menu passes it). */
  folder?: vscode.Uri;
  /** Skip the review and make every planned image (tests; a chat tool confirms on its own). */
  review?: false;
}

/** What the batch command did; undefined when nothing was planned or the review was dismissed. */
export type GenerateMissingImagesResult = FillSummary & { planned: number };

/** Registers both commands. */
export function registerPlaceholderCommands(services: IdeogramServices): vscode.Disposable {
  return vscode.Disposable.from(
    registerCommand(services.boundary, GENERATE_MISSING_IMAGES_COMMAND, vscode.l10n.t('Generate Missing Images'), (arg?: unknown) =>
      generateMissingImages(services, batchOptions(arg))),
    registerCommand(services.boundary, GENERATE_PLACEHOLDER_COMMAND, vscode.l10n.t('Generate placeholder image'), (document?: unknown, targetPath?: unknown) =>
      document instanceof vscode.Uri && typeof targetPath === 'string' ? generatePlaceholder(services, document, targetPath) : undefined),
  );
}

// The explorer passes the folder's Uri (and the selection); automation passes the options object.
function batchOptions(arg: unknown): GenerateMissingImagesOptions {
  if (arg instanceof vscode.Uri) return { folder: arg };
  if (typeof arg !== 'object' || arg === null) return {};
  const { folder, review } = arg as Record<string, unknown>;
  return { ...(folder instanceof vscode.Uri ? { folder } : {}), ...(review === false ? { review: false as const } : {}) };
}

/** Plans the workspace (or folder), asks for the review, fills what was kept and shows the summary. */
export async function generateMissingImages(services: IdeogramServices, options: GenerateMissingImagesOptions): Promise<GenerateMissingImagesResult | undefined> {
  const settings = services.settings(options.folder ?? vscode.workspace.workspaceFolders?.[0]?.uri);
  const planned = await withNotificationProgress({ title: vscode.l10n.t('Ideogram: looking for missing images…'), cancellable: true },
    (_progress, token) => planWorkspace(settings, options.folder, token));
  if (planned.plan.items.length === 0) {
    void showInformation(vscode.l10n.t('No missing images in {0} file(s).', planned.scanned));
    return undefined;
  }
  const items = options.review === false
    ? planned.plan.items
    : await reviewPlaceholders(planned.plan.items, {
      model: settings.defaults.model, generationShapes: LEGACY_SHAPES,
      billing: (count) => billingSummary(settings, { count, model: settings.defaults.model }),
    });
  if (!items || items.length === 0) return undefined;
  return { ...(await fillWithProgress(services, items, settings)), planned: planned.plan.items.length };
}

/** The Quick Fix: makes the one image `targetPath` that `document` references (the user chose it by clicking). */
export async function generatePlaceholder(services: IdeogramServices, documentUri: vscode.Uri, targetPath: string): Promise<FillSummary | undefined> {
  const settings = services.settings(documentUri);
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === documentUri.toString());
  const text = open?.getText() ?? new TextDecoder().decode(await vscode.workspace.fs.readFile(documentUri));
  const document = placeholderDocument(documentUri, text, open?.languageId);
  if (!document) return undefined;
  const plan = await planPlaceholders([document], planOptions(settings, documentUri));
  const item = plan.items.find((candidate) => candidate.targetPath === targetPath);
  if (!item) {
    void showInformation(vscode.l10n.t('{0} exists already.', vscode.workspace.asRelativePath(documentUri.with({ path: targetPath }))));
    return undefined;
  }
  return fillWithProgress(services, [item], settings);
}

async function fillWithProgress(services: IdeogramServices, items: readonly PlaceholderItem[], settings: IdeogramSettings): Promise<FillSummary> {
  const summary = await withNotificationProgress({ title: vscode.l10n.t('Ideogram: generating missing images'), cancellable: true }, (progress, token) => {
    progress.report(vscode.l10n.t('{0} of {1} done', 0, items.length));
    return fillPlaceholders(services, items, { settings, token, onItemDone: (done, total) => progress.report(vscode.l10n.t('{0} of {1} done', done, total)) });
  });
  // Nothing made and every image failed: one failure through the boundary (Set API Key, Retry…).
  if (summary.made.length === 0 && summary.skipped.length === 0 && summary.failed.length > 0) throw summary.failed[0].error;
  void showSummary(services, summary, settings);
  return summary;
}

const SKIP_REASONS: Record<SkipReason, () => string> = {
  exists: () => vscode.l10n.t('already there'),
  appeared: () => vscode.l10n.t('a file appeared there meanwhile'),
  'outside-workspace': () => vscode.l10n.t('outside the workspace'),
  cancelled: () => vscode.l10n.t('cancelled'),
};

/** The summary line: made, skipped (with why), failed (with the first reason). */
export function summaryMessage(summary: FillSummary, redact: (text: string) => string): string {
  const parts = [vscode.l10n.t('Made {0} placeholder image(s).', summary.made.length)];
  if (summary.skipped.length > 0) {
    const reasons = new Map<SkipReason, number>();
    for (const { reason } of summary.skipped) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    parts.push(vscode.l10n.t('Skipped {0}: {1}.', summary.skipped.length, [...reasons].map(([reason, count]) => `${SKIP_REASONS[reason]()} (${count})`).join(', ')));
  }
  if (summary.failed.length > 0) {
    const first = summary.failed[0];
    const why = reportError(first.error, vscode.l10n.t('Generate Missing Images'), redact)?.reported.message ?? String(first.error);
    parts.push(vscode.l10n.t('Failed {0}: {1}: {2}', summary.failed.length, first.item.target, why));
  }
  return parts.join(' ');
}

async function showSummary(services: IdeogramServices, summary: FillSummary, settings: IdeogramSettings): Promise<void> {
  const message = summaryMessage(summary, (text) => services.log.redact(text));
  services.log.info(`Placeholders: ${message}`);
  if (summary.failed.length === 0) {
    await showInformation(message);
    return;
  }
  const retry = vscode.l10n.t('Retry');
  const showLog = vscode.l10n.t('Show Log');
  const answer = await showWarning(message, retry, showLog);
  if (answer === retry) await services.boundary.run(vscode.l10n.t('Generate Missing Images'), () => fillWithProgress(services, summary.failed.map(({ item }) => item), settings));
  else if (answer === showLog) services.log.show();
}
