// Gallery webview entry. Posts `ready` first (the host queues everything until then), then builds
// the page when the host's `init` brings the translation bundle.
import * as l10n from '@vscode/l10n';
import * as z from 'zod';
import { parseGalleryState, type GalleryHostMessage } from '../../common/galleryProtocol';
import '../elements';
import { GalleryApp } from './galleryApp';
import { loadState, post } from './galleryHost';

// The CSP has no 'unsafe-eval': zod's interpreter instead of its compiled fast path (as in the Studio).
z.config({ jitless: true });

let app: GalleryApp | undefined;

window.addEventListener('message', (event: MessageEvent<GalleryHostMessage>) => {
  const message = event.data;
  if (message.type === 'init') {
    if (message.l10n) l10n.config({ contents: message.l10n });
    app ??= new GalleryApp(document.getElementById('app')!, message.pageSize, parseGalleryState(loadState()));
    return;
  }
  app?.handle(message);
});

post({ type: 'ready' });
