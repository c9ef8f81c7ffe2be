// Turning an operation's failure into text a language model can act on (and that never holds the key).
// Deliberately English and not vscode.l10n: the reader is the model, not the user (the chat shows
// the model's own answer). The client's messages inside come in the UI language, which models read too.
import { formatIssues } from '../common/request/validation';
import { IdeogramError, UnsavedImagesError } from '../common/errors';
import { UserFacingError } from '../common/userFacingError';

/** The error text a tool returns for a failed operation; `redact` removes secrets. */
export function toolErrorText(err: unknown, redact: (text: string) => string): string {
  if (err instanceof UnsavedImagesError) {
    // Said plainly, so the model does not pay for the same images again on its own.
    return redact(`Error: Ideogram made images (${err.unsaved.count}), but they could not be saved: ${err.message} ` +
      'The user was offered to save them again without a new request; do not call the tool again for them unless the user asks.');
  }
  if (err instanceof IdeogramError) {
    switch (err.kind) {
      case 'missing-key':
      case 'auth':
        return 'Error: no valid Ideogram API key is set. Ask the user to run the command "Ideogram: Set API Key", then try again.';
      case 'safety':
        return "Error: Ideogram's safety filter rejected the prompt or image. Change the prompt before trying again.";
      case 'invalid-request':
        return redact(`Error: the request is not valid: ${err.issues?.length ? formatIssues(err.issues) : err.message}`);
      default:
        return redact(`Error (${err.kind}${err.status ? ` ${err.status}` : ''}): ${err.message}`);
    }
  }
  if (err instanceof UserFacingError) return redact(`Error: ${err.message}`);
  return redact(`Error: ${err instanceof Error ? err.message : String(err)}`);
}
