// The only way the extension shows a notification or a progress notification. VS Code renders
// markdown-style links in both, and messages carry text the extension did not write (server error
// bodies, file and folder names, prompts, setting values, URLs): each message goes through
// plainNotificationText so such text can never become a link that runs a command. A lint rule
// (eslint.config.mjs) forbids vscode.window.show…Message and notification progress elsewhere.
import * as vscode from 'vscode';
import { plainNotificationText } from '../plainText';

type Severity = 'showErrorMessage' | 'showWarningMessage' | 'showInformationMessage';
type Rest<T extends string> = [options: vscode.MessageOptions, ...items: T[]] | T[];

function show<T extends string>(severity: Severity, message: string, rest: Rest<T>): Thenable<T | undefined> {
  const [first, ...others] = rest;
  const native = (...args: unknown[]): Thenable<T | undefined> =>
    (vscode.window[severity] as (...args: unknown[]) => Thenable<T | undefined>).apply(vscode.window, args);
  if (typeof first === 'object' && first !== null) {
    const options = first.detail === undefined ? first : { ...first, detail: plainNotificationText(first.detail) };
    return native(plainNotificationText(message), options, ...others);
  }
  return native(plainNotificationText(message), ...rest);
}

/** showErrorMessage, with the message shown as plain text. */
export function showError<T extends string>(message: string, ...rest: Rest<T>): Thenable<T | undefined> {
  return show('showErrorMessage', message, rest);
}

/** showWarningMessage, with the message (and a modal's detail) shown as plain text. */
export function showWarning<T extends string>(message: string, ...rest: Rest<T>): Thenable<T | undefined> {
  return show('showWarningMessage', message, rest);
}

/** showInformationMessage, with the message shown as plain text. */
export function showInformation<T extends string>(message: string, ...rest: Rest<T>): Thenable<T | undefined> {
  return show('showInformationMessage', message, rest);
}

/** What a notification-progress task may report: a message (shown as plain text). */
export interface ProgressReporter { report(message: string): void }

/** withProgress in a notification; the title and every reported message are shown as plain text. */
export function withNotificationProgress<R>(
  options: { title: string; cancellable?: boolean },
  task: (progress: ProgressReporter, token: vscode.CancellationToken) => Thenable<R>,
): Thenable<R> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: plainNotificationText(options.title), cancellable: options.cancellable ?? false },
    (progress, token) => task({ report: (message) => progress.report({ message: plainNotificationText(message) }) }, token),
  );
}
