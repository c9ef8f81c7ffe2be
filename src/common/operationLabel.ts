// Operation names inside the client's messages ("The generate request …") are words the user
// reads, so they are translated like the rest of the sentence.
import * as l10n from '@vscode/l10n';

/** The operation's name for a message, in the UI language ('generate' in English). */
export function operationLabel(op: string): string {
  switch (op) {
    case 'generate': return l10n.t('generate');
    case 'remix': return l10n.t('remix');
    case 'upscale': return l10n.t('upscale');
    case 'describe': return l10n.t('describe');
    case 'inpaint': return l10n.t('inpaint');
    case 'reframe': return l10n.t('reframe');
    case 'replace-background': return l10n.t('replace background');
    case 'generate-transparent': return l10n.t('generate transparent');
    case 'remove-background': return l10n.t('remove background');
    default: return op;
  }
}

/** "the <operation> request" as the subject of a transport message ("The {0} was cancelled."). */
export function requestLabel(op: string): string {
  return l10n.t('{0} request', operationLabel(op));
}
