// Notifications (and progress notifications) render `[label](command:…)`, `[label](https://…)` and
// `[label](file:…)` as links; a click on a command link runs that command with its arguments. The
// extension never means to show a link in a message, so every message is made plain here before
// VS Code sees it (src/common/vscode/notifications.ts is the only caller). Pure, so it is unit-tested in plain Node.

/** U+2060 WORD JOINER: invisible and never a line break, so the message reads exactly as before. */
const WORD_JOINER = '\u2060';

/**
 * Returns `text` so that a notification shows it as plain text: VS Code's link syntax needs `](`
 * with nothing in between, so a word joiner goes between every `]` and `(`. That holds however
 * the text was put together (server bodies, file names, prompts, setting values, URLs).
 */
export function plainNotificationText(text: string): string {
  return text.replaceAll('](', `]${WORD_JOINER}(`);
}
