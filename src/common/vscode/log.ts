// The "Ideogram" log channel. Everything goes through redact(), so the API key cannot reach the
// log even when it appears inside an error message or a URL from a misconfigured relay.
import * as vscode from 'vscode';
import type { RequestLogEntry } from '../../ideogram';
import { redactText } from '../redact';

/** The extension's log: a LogOutputChannel that redacts known secrets from every line. */
export class IdeogramLog implements vscode.Disposable {
  /** The underlying channel (its file is what "Show Log" opens). */
  readonly channel: vscode.LogOutputChannel;

  constructor(private readonly knownSecrets: () => readonly string[]) {
    this.channel = vscode.window.createOutputChannel('Ideogram', { log: true });
  }

  /** Removes every known secret and header-shaped credential from text. */
  redact(text: string): string {
    return redactText(text, this.knownSecrets());
  }

  /** Logs an informational line. */
  info(message: string): void { this.channel.info(this.redact(message)); }
  /** Logs a warning. */
  warn(message: string): void { this.channel.warn(this.redact(message)); }
  /** Logs an error line (no stack). */
  error(message: string): void { this.channel.error(this.redact(message)); }

  /** Logs an unexpected error with its stack, for support. */
  unexpected(context: string, err: unknown): void {
    const detail = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
    this.channel.error(this.redact(`${context}: ${detail}`));
  }

  /** Logs one HTTP request of the client: method, path, status, timing, sizes. */
  request(entry: RequestLogEntry): void {
    const sizes = [
      entry.requestBytes !== undefined ? `sent ${entry.requestBytes} B` : '',
      entry.responseBytes !== undefined ? `received ${entry.responseBytes} B` : '',
    ].filter(Boolean).join(', ');
    const line = `${entry.method} ${entry.url} → ${entry.status ?? 'no response'} in ${Math.round(entry.ms)} ms` +
      (sizes ? ` (${sizes})` : '') + (entry.attempt > 1 ? ` [attempt ${entry.attempt}]` : '') + (entry.error ? ` — ${entry.error}` : '');
    if (entry.error || (entry.status !== undefined && entry.status >= 400)) this.warn(line);
    else this.info(line);
  }

  /** Reveals the channel. */
  show(): void { this.channel.show(true); }

  dispose(): void { this.channel.dispose(); }
}
