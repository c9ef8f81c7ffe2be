// The one error boundary of the extension (commands, Studio messages, LM tools). Cancellation is
// quiet; expected errors get one clear message with the actions that fix them; anything else is
// logged with its stack and shown without it. Retry and "Set API Key" re-run the same operation
// with the same parameters, so a prompt is never lost to an error; when the API answered but the
// images could not be saved, "Save Again" saves them from the same links without a new request.
import * as vscode from 'vscode';
import { isCancelledError, reportError, type ErrorReport, type ReportedError } from '../reportedError';
import { UnsavedImagesError } from '../errors';
import { withAbortSignal } from './cancellation';
import { openSettings } from './config';
import type { IdeogramLog } from './log';
import { showError, showWarning, withNotificationProgress } from './notifications';
import type { ApiKeyStore } from './secrets';

export type { ReportedError } from '../reportedError';

/**
 * How the user answered an error message: run the operation again (Retry, a key was set), its
 * images were saved by "Save Again" (`result` is what the operation would have returned), or nothing.
 */
export type ErrorOutcome = { next: 'retry' } | { next: 'saved'; result: unknown } | { next: 'none' };

/** What a caller of run() may learn of each failure as it happens (the Studio shows it inline). */
export interface RunHooks {
  /** Called with what the boundary shows, before it waits for the user's answer. */
  onFailure?(reported: ReportedError): void;
  /**
   * Asks for the answer in the caller's own place (the Studio's inline error) instead of a
   * notification, so one failure shows one message where the user is looking; resolves the
   * chosen action's label, or undefined when dismissed.
   */
  choose?(reported: ReportedError): Promise<string | undefined>;
}

/** True for every way an operation can end by cancellation (token, AbortSignal, client). */
export function isCancellation(err: unknown): boolean {
  return err instanceof vscode.CancellationError || isCancelledError(err);
}

/** Shows errors with actions and re-runs operations on Retry / Set API Key. */
export class ErrorBoundary implements vscode.Disposable {
  private readonly reported = new vscode.EventEmitter<ReportedError>();
  /** Fires for every error message shown (not for cancellations). */
  readonly onDidReportError = this.reported.event;

  constructor(private readonly log: IdeogramLog, private readonly keys: ApiKeyStore) {}

  /**
   * Runs `operation`; on failure shows one message. When the user picks Retry or sets a key, runs
   * it again and returns that result; when "Save Again" saved the images the operation made,
   * returns that (an UnsavedImagesError's saveAgain resolves to what its operation returns);
   * otherwise returns undefined.
   */
  async run<T>(label: string, operation: () => Promise<T>, hooks: RunHooks = {}): Promise<T | undefined> {
    try {
      return await operation();
    } catch (err) {
      return this.recover(err, label, operation, hooks);
    }
  }

  /**
   * Shows `err`, a failure of `operation` that already happened, and continues as run() does:
   * Retry runs `operation` again (its failures handled the same way), Save Again returns what it saved.
   */
  async recover<T>(err: unknown, label: string, operation: () => Promise<T>, hooks: RunHooks = {}): Promise<T | undefined> {
    for (let failure = err; ;) {
      const report = this.report(failure, label);
      if (report) hooks.onFailure?.(report.reported);
      const outcome = await this.settle(failure, label, report, hooks);
      if (outcome.next === 'saved') return outcome.result as T;
      if (outcome.next !== 'retry') return undefined;
      this.log.info(`${label}: running again with the same parameters`);
      try {
        return await operation();
      } catch (again) {
        failure = again;
      }
    }
  }

  /** Shows one message for `err` with its actions; resolves true when the operation should run again. */
  async showOperationError(err: unknown, label = 'Ideogram'): Promise<boolean> {
    return (await this.settle(err, label)).next === 'retry';
  }

  /**
   * What the boundary shows for `err` (logged, and announced to onDidReportError for tests),
   * returned so a caller can show it too; undefined for a cancellation.
   */
  report(err: unknown, label = 'Ideogram'): ErrorReport | undefined {
    const report = reportError(err, label, (text) => this.log.redact(text));
    if (!report) {
      this.log.info(`${label}: cancelled`);
      return undefined;
    }
    if (report.log.level === 'unexpected') this.log.unexpected(report.log.text, err);
    else if (report.log.level === 'warn') this.log.warn(report.log.text);
    else this.log.error(report.log.text);
    this.reported.fire(report.reported);
    return report;
  }

  /** Shows one message for `err` and carries out the answer ("Save Again" saves here, with progress); resolves what comes next. */
  async settle(err: unknown, label = 'Ideogram', report: ErrorReport | undefined = this.report(err, label), hooks: RunHooks = {}): Promise<ErrorOutcome> {
    if (!report) return { next: 'none' };
    const { reported, actionOf } = report;
    const ask = (): Promise<string | undefined> => (hooks.choose
      ? hooks.choose(reported)
      : Promise.resolve(reported.kind === 'missing-key' ? showWarning(reported.message, ...reported.actions) : showError(reported.message, ...reported.actions)));
    const choice = reported.kind === 'missing-key' ? await this.waitForKeyOrChoice(ask) : await ask();
    if (choice === KEY_ARRIVED) return { next: 'retry' };
    switch (choice === undefined ? undefined : actionOf.get(choice)) {
      case 'setKey':
        return { next: (await this.keys.promptAndStore()) ? 'retry' : 'none' };
      case 'retry':
        return { next: 'retry' };
      case 'saveAgain':
        return err instanceof UnsavedImagesError ? this.saveAgain(err, label, hooks) : { next: 'none' };
      case 'openSettings':
        await openSettings(reported.settingHint);
        return { next: 'none' };
      case 'showLog':
        this.log.show();
        return { next: 'none' };
      default:
        return { next: 'none' };
    }
  }

  // Downloads the same result links again, under a cancellable progress; a second failure gets
  // its own message (with what is still unsaved), so the answer is settled there.
  private async saveAgain(err: UnsavedImagesError, label: string, hooks: RunHooks): Promise<ErrorOutcome> {
    this.log.info(`${label}: saving the same images again (${err.unsaved.count}), without a new request`);
    try {
      const result = await withNotificationProgress(
        { title: err.unsaved.count === 1 ? vscode.l10n.t('Ideogram: saving 1 image again') : vscode.l10n.t('Ideogram: saving {0} images again', err.unsaved.count), cancellable: true },
        (progress, token) => withAbortSignal(token, (signal) => err.unsaved.saveAgain({
          signal, onSaved: (done, total) => progress.report(vscode.l10n.t('Saved {0} of {1}', done, total)),
        })));
      return { next: 'saved', result };
    } catch (again) {
      return this.settle(again, label, this.report(again, label), hooks);
    }
  }

  // A key set any other way (the command with an argument, another window) also continues the operation.
  private async waitForKeyOrChoice(ask: () => Promise<string | undefined>): Promise<string | undefined> {
    const stop = new vscode.CancellationTokenSource();
    try {
      return await Promise.race([
        ask(),
        this.keys.waitForKey(stop.token).then((arrived) => (arrived ? KEY_ARRIVED : undefined)),
      ]);
    } finally {
      stop.cancel();
      stop.dispose();
    }
  }

  dispose(): void {
    this.reported.dispose();
  }
}

const KEY_ARRIVED = '\u0000key-arrived';
