// The pure half of the error boundary: what the user is told about a failure, and which actions
// fix it. The boundary (common/vscode/errorBoundary.ts) shows it and carries out the answer; the
// Studio shows the same ReportedError inline, by return value. Cancellation is not an error: no
// report. Messages are translated through @vscode/l10n (configured with the extension's bundle).
import * as l10n from '@vscode/l10n';
import { IdeogramError, UnsavedImagesError, type IdeogramErrorKind } from './errors';
import { formatIssues } from './request/validation';
import { UserFacingError } from './userFacingError';

/** An action a message offers. */
export type ErrorAction = 'setKey' | 'openSettings' | 'retry' | 'showLog' | 'saveAgain';

/** What the boundary shows for one failure (the message already redacted). */
export interface ReportedError {
  kind: IdeogramErrorKind | 'user' | 'unsaved' | 'unexpected';
  message: string;
  /** The actions' labels, in the order shown. */
  actions: string[];
  settingHint?: string;
}

/** A report with what to log and which action each label stands for. */
export interface ErrorReport {
  reported: ReportedError;
  /** The action behind each label of `reported.actions`. */
  actionOf: ReadonlyMap<string, ErrorAction>;
  /** What goes to the log: `unexpected` lines carry the stack. */
  log: { level: 'error' | 'warn' | 'unexpected'; text: string };
}

/** True for every way an operation can end by cancellation (AbortSignal, the client, a CancellationError by name). */
export function isCancelledError(err: unknown): boolean {
  if (err instanceof IdeogramError) return err.kind === 'cancelled';
  return err instanceof Error && (err.name === 'AbortError' || err.name === 'Canceled');
}

const RETRYABLE: ReadonlySet<IdeogramErrorKind> = new Set(['network', 'timeout', 'server', 'rate-limit', 'download', 'invalid-response']);

function actionLabel(action: ErrorAction): string {
  switch (action) {
    case 'setKey': return l10n.t('Set API Key');
    case 'openSettings': return l10n.t('Open Settings');
    case 'retry': return l10n.t('Retry');
    case 'showLog': return l10n.t('Show Log');
    case 'saveAgain': return l10n.t('Save Again');
  }
}

function headline(err: IdeogramError): string {
  switch (err.kind) {
    case 'missing-key':
      return l10n.t('No Ideogram API key is set. Set one to continue; your prompt is kept.');
    case 'safety':
      return l10n.t('Ideogram\'s safety filter rejected the prompt or image (422). Change it and try again.');
    case 'rate-limit':
      return l10n.t('The provider is still rate-limiting after several retries (429). Wait a moment, then retry.');
    case 'timeout':
      return l10n.t('The request timed out. Retry, or raise ideogram.requestTimeoutSeconds.');
    case 'invalid-request':
      return err.issues?.length ? l10n.t('The request is not valid: {0}', formatIssues(err.issues)) : err.message;
    default:
      // The client's messages already say what happened and which setting to check.
      return err.message;
  }
}

/**
 * What to show for `err`, a failure of the operation `label`; undefined for a cancellation.
 * `redact` removes known secrets from the message (the log redacts its own lines).
 */
export function reportError(err: unknown, label: string, redact: (text: string) => string): ErrorReport | undefined {
  if (isCancelledError(err)) return undefined;
  let message: string;
  let kind: ReportedError['kind'];
  let settingHint: string | undefined;
  let log: ErrorReport['log'];
  const actions: ErrorAction[] = [];
  if (err instanceof UnsavedImagesError) {
    // The images are paid for: offer to save them (free) first; a new request only when the
    // failure was not on this machine (a folder problem would fail the same way again).
    kind = 'unsaved';
    message = err.unsaved.count === 1
      ? l10n.t('Ideogram made 1 image, but it could not be saved: {0} "Save Again" downloads it again, without a new request.', err.message)
      : l10n.t('Ideogram made {0} images, but they could not be saved: {1} "Save Again" downloads them again, without a new request.', err.unsaved.count, err.message);
    settingHint = err.settingHint;
    log = { level: 'error', text: `${label}: images not saved: ${err.unsaved.count} (${err.unsaved.local ? 'local' : err.kind}): ${err.message}` };
    actions.push('saveAgain');
    if (settingHint) actions.push('openSettings');
    if (!err.unsaved.local && (err.retryable || RETRYABLE.has(err.kind))) actions.push('retry');
  } else if (err instanceof IdeogramError) {
    kind = err.kind;
    message = headline(err);
    settingHint = err.settingHint;
    log = { level: 'error', text: `${label} failed (${err.kind}${err.status ? ` ${err.status}` : ''}): ${err.message}` };
    if (err.kind === 'missing-key' || err.kind === 'auth') actions.push('setKey');
    if (err.kind === 'network' && !settingHint) settingHint = 'ideogram.proxy';
    if ((err.kind === 'not-found' || err.kind === 'invalid-response') && !settingHint) settingHint = 'ideogram.baseUrl';
    if (settingHint) actions.push('openSettings');
    if (err.retryable || RETRYABLE.has(err.kind)) actions.push('retry');
  } else if (err instanceof UserFacingError) {
    kind = 'user';
    message = err.message;
    settingHint = err.settingHint;
    log = { level: 'warn', text: `${label}: ${err.message}` };
    if (settingHint) actions.push('openSettings');
  } else {
    kind = 'unexpected';
    log = { level: 'unexpected', text: `${label} failed unexpectedly` };
    const text = err instanceof Error ? err.message : String(err);
    message = l10n.t('{0} failed: {1}', label, text);
  }
  if (kind !== 'missing-key') actions.push('showLog');
  const actionOf = new Map(actions.map((action) => [actionLabel(action), action]));
  return { reported: { kind, message: redact(message), actions: [...actionOf.keys()], settingHint }, actionOf, log };
}
