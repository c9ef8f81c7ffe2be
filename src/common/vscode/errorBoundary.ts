// The one error boundary of the extension (commands, Studio messages, LM tools). Cancellation is
// quiet; expected errors get one clear message with the actions that fix them; anything else is
// logged with its stack and shown without it. Retry and "Set API Key" re-run the same operation
// with the same parameters, so a prompt is never lost to an error; when the API answered but the
// images could not be saved, "Save Again" saves them from the same links without a new request.
import * as vscode from 'vscode';
import { showError, showWarning, withNotificationProgress } from './notifications';
import { formatIssues } from '../request/validation';
import { IdeogramError, UnsavedImagesError, type IdeogramErrorKind } from '../errors';
import { withAbortSignal } from './cancellation';
import { openSettings } from './config';
import type { IdeogramLog } from './log';
import type { ApiKeyStore } from './secrets';
import { UserFacingError } from '../userFacingError';

/** What the boundary showed, for the Studio and for tests (the message is already redacted). */
export interface ReportedError {
  kind: IdeogramErrorKind | 'user' | 'unsaved' | 'unexpected';
  message: string;
  actions: string[];
  settingHint?: string;
}

/**
 * How the user answered an error message: run the operation again (Retry, a key was set), its
 * images were saved by "Save Again" (`result` is what the operation would have returned), or nothing.
 */
export type ErrorOutcome = { next: 'retry' } | { next: 'saved'; result: unknown } | { next: 'none' };

/** True for every way an operation can end by cancellation (token, AbortSignal, client). */
export function isCancellation(err: unknown): boolean {
  if (err instanceof vscode.CancellationError) return true;
  if (err instanceof IdeogramError) return err.kind === 'cancelled';
  return err instanceof Error && (err.name === 'AbortError' || err.name === 'Canceled');
}

const RETRYABLE: ReadonlySet<IdeogramErrorKind> = new Set(['network', 'timeout', 'server', 'rate-limit', 'download', 'invalid-response']);

function headline(err: IdeogramError): string {
  switch (err.kind) {
    case 'missing-key':
      return vscode.l10n.t('No Ideogram API key is set. Set one to continue; your prompt is kept.');
    case 'safety':
      return vscode.l10n.t('Ideogram\'s safety filter rejected the prompt or image (422). Change it and try again.');
    case 'rate-limit':
      return vscode.l10n.t('The provider is still rate-limiting after several retries (429). Wait a moment, then retry.');
    case 'timeout':
      return vscode.l10n.t('The request timed out. Retry, or raise ideogram.requestTimeoutSeconds.');
    case 'invalid-request':
      return err.issues?.length ? vscode.l10n.t('The request is not valid: {0}', formatIssues(err.issues)) : err.message;
    default:
      // The client's messages already say what happened and which setting to check.
      return err.message;
  }
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
  async run<T>(label: string, operation: () => Promise<T>): Promise<T | undefined> {
    try {
      return await operation();
    } catch (err) {
      return this.recover(err, label, operation);
    }
  }

  /**
   * Shows `err`, a failure of `operation` that already happened, and continues as run() does:
   * Retry runs `operation` again (its failures handled the same way), Save Again returns what it saved.
   */
  async recover<T>(err: unknown, label: string, operation: () => Promise<T>): Promise<T | undefined> {
    for (let failure = err; ;) {
      const outcome = await this.settle(failure, label);
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

  /** Shows one message for `err` and carries out the answer ("Save Again" saves here, with progress); resolves what comes next. */
  async settle(err: unknown, label = 'Ideogram'): Promise<ErrorOutcome> {
    if (isCancellation(err)) {
      this.log.info(`${label}: cancelled`);
      return { next: 'none' };
    }
    const setKey = vscode.l10n.t('Set API Key');
    const openSettingsLabel = vscode.l10n.t('Open Settings');
    const retry = vscode.l10n.t('Retry');
    const showLog = vscode.l10n.t('Show Log');
    const saveAgain = vscode.l10n.t('Save Again');

    let message: string;
    let kind: ReportedError['kind'];
    let settingHint: string | undefined;
    const actions: string[] = [];
    if (err instanceof UnsavedImagesError) {
      // The images are paid for: offer to save them (free) first; a new request only when the
      // failure was not on this machine (a folder problem would fail the same way again).
      kind = 'unsaved';
      message = vscode.l10n.t('Ideogram made {0} image(s), but they could not be saved: {1} "Save Again" downloads them again, without a new request.', err.unsaved.count, err.message);
      settingHint = err.settingHint;
      this.log.error(`${label}: ${err.unsaved.count} image(s) not saved (${err.unsaved.local ? 'local' : err.kind}): ${err.message}`);
      actions.push(saveAgain);
      if (settingHint) actions.push(openSettingsLabel);
      if (!err.unsaved.local && (err.retryable || RETRYABLE.has(err.kind))) actions.push(retry);
    } else if (err instanceof IdeogramError) {
      kind = err.kind;
      message = headline(err);
      settingHint = err.settingHint;
      this.log.error(`${label} failed (${err.kind}${err.status ? ` ${err.status}` : ''}): ${err.message}`);
      if (err.kind === 'missing-key' || err.kind === 'auth') actions.push(setKey);
      if (err.kind === 'network' && !settingHint) settingHint = 'ideogram.proxy';
      if ((err.kind === 'not-found' || err.kind === 'invalid-response') && !settingHint) settingHint = 'ideogram.baseUrl';
      if (settingHint) actions.push(openSettingsLabel);
      if (err.retryable || RETRYABLE.has(err.kind)) actions.push(retry);
    } else if (err instanceof UserFacingError) {
      kind = 'user';
      message = err.message;
      settingHint = err.settingHint;
      this.log.warn(`${label}: ${err.message}`);
      if (settingHint) actions.push(openSettingsLabel);
    } else {
      kind = 'unexpected';
      this.log.unexpected(`${label} failed unexpectedly`, err);
      const text = err instanceof Error ? err.message : String(err);
      message = vscode.l10n.t('{0} failed: {1}', label, text);
    }
    if (kind !== 'missing-key') actions.push(showLog);
    message = this.log.redact(message);
    this.reported.fire({ kind, message, actions, settingHint });

    const choice = kind === 'missing-key' ? await this.waitForKeyOrChoice(message, actions) : await showError(message, ...actions);
    switch (choice) {
      case setKey:
        return { next: (await this.keys.promptAndStore()) ? 'retry' : 'none' };
      case retry:
      case KEY_ARRIVED:
        return { next: 'retry' };
      case saveAgain:
        return err instanceof UnsavedImagesError ? this.saveAgain(err, label) : { next: 'none' };
      case openSettingsLabel:
        await openSettings(settingHint);
        return { next: 'none' };
      case showLog:
        this.log.show();
        return { next: 'none' };
      default:
        return { next: 'none' };
    }
  }

  // Downloads the same result links again, under a cancellable progress; a second failure gets
  // its own message (with what is still unsaved), so the answer is settled there.
  private async saveAgain(err: UnsavedImagesError, label: string): Promise<ErrorOutcome> {
    this.log.info(`${label}: saving the same ${err.unsaved.count} image(s) again, without a new request`);
    try {
      const result = await withNotificationProgress(
        { title: vscode.l10n.t('Ideogram: saving {0} image(s) again', err.unsaved.count), cancellable: true },
        (progress, token) => withAbortSignal(token, (signal) => err.unsaved.saveAgain({
          signal, onSaved: (done, total) => progress.report(vscode.l10n.t('Saved {0} of {1}', done, total)),
        })));
      return { next: 'saved', result };
    } catch (again) {
      return this.settle(again, label);
    }
  }

  // A key set any other way (the command with an argument, another window) also continues the operation.
  private async waitForKeyOrChoice(message: string, actions: string[]): Promise<string | undefined> {
    const stop = new vscode.CancellationTokenSource();
    try {
      return await Promise.race([
        showWarning(message, ...actions),
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
