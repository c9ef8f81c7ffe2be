// Studio webview entry. Posts `ready` first (the host queues everything until then), then builds
// the page when the host's `init` brings the translation bundle and the starting form.
import * as l10n from '@vscode/l10n';
import * as z from 'zod';
import type { FormState, HostMessage } from '../common/protocol';
import { parsePersistedState } from '../common/protocol';
import { DEFAULT_FORM } from '../common/studioForm';
import { StudioApp } from './app';
import './elements';
import { loadState, post } from './host';

// The CSP has no 'unsafe-eval', so zod's compiled fast path (new Function) is not available; the
// interpreter avoids the failed attempt and its CSP violation report.
z.config({ jitless: true });

let app: StudioApp | undefined;

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (message.type === 'init') {
    // Before the page is built: every string of the Studio (and the rules' messages) reads this bundle.
    if (message.l10n) l10n.config({ contents: message.l10n });
    // State saved by this page before it was hidden or reloaded wins over the host's starting form.
    const saved = parsePersistedState(loadState());
    const form: FormState = { ...DEFAULT_FORM, ...message.defaults, ...message.form, ...saved.form };
    app = new StudioApp(document.getElementById('app')!, { form, reference: message.reference });
    return;
  }
  app?.handle(message);
});

post({ type: 'ready' });
