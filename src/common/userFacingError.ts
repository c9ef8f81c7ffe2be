// The extension's own expected errors, without `vscode`, so pure code (the save pipeline and its
// storages) can raise them; the error boundary (errors.ts) shows them with their setting.

/** An expected, user-facing problem raised by the extension itself (not the API). */
export class UserFacingError extends Error {
  constructor(message: string, readonly settingHint?: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}

/** The setting that says where results are saved (named in every message about that folder). */
export const OUTPUT_FOLDER_SETTING = 'ideogram.outputFolder';
