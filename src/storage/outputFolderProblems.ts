// What is wrong with an output folder, in one place for both storages (Node fs and workspace.fs):
// found before the paid request, each message names the folder and the setting to change.
import * as l10n from '@vscode/l10n';
import { OUTPUT_FOLDER_SETTING, UserFacingError } from '../common/userFacingError';

/** Why an output folder cannot take files. */
export type OutputFolderProblem =
  | { kind: 'outside'; realPath: string }
  | { kind: 'dangling-link'; realPath: string }
  | { kind: 'file' }
  | { kind: 'parent-is-file'; parent: string }
  | { kind: 'not-writable'; code: string };

/** The error shown for `problem` with the folder `shown` (workspace-relative where known); offers Open Settings. */
export function outputFolderError(shown: string, problem: OutputFolderProblem): UserFacingError {
  const message = (() => {
    switch (problem.kind) {
      case 'outside':
        return l10n.t('The output folder {0} leads outside the workspace folder (to {1}). Nothing was sent. Change {2} or the link.', shown, problem.realPath, OUTPUT_FOLDER_SETTING);
      case 'dangling-link':
        return l10n.t('The output folder {0} is a link to {1}, which does not exist. Nothing was sent. Change {2} or the link.', shown, problem.realPath, OUTPUT_FOLDER_SETTING);
      case 'file':
        return l10n.t('The output folder {0} is a file, not a folder. Nothing was sent. Change {1} or move the file.', shown, OUTPUT_FOLDER_SETTING);
      case 'parent-is-file':
        return l10n.t('The output folder {0} cannot be created: {1} is a file. Nothing was sent. Change {2}.', shown, problem.parent, OUTPUT_FOLDER_SETTING);
      case 'not-writable':
        return l10n.t('The output folder {0} is not writable ({1}). Nothing was sent. Change {2} or the folder\'s permissions.', shown, problem.code, OUTPUT_FOLDER_SETTING);
    }
  })();
  return new UserFacingError(message, OUTPUT_FOLDER_SETTING);
}
