// Registers the Gallery: the webview view in the Ideogram activity-bar container. The results
// indexes and their watchers start when the view is first shown, not at activation.
import * as vscode from 'vscode';
import type { IdeogramServices } from '../../common/vscode/services';
import { GallerySources } from './gallerySources';
import { GALLERY_VIEW_ID, GalleryViewProvider } from './galleryView';

export { GALLERY_VIEW_ID } from './galleryView';

/** Registers the Gallery view; everything is owned by `context.subscriptions`. */
export function registerGallery(context: vscode.ExtensionContext, services: IdeogramServices): void {
  let sources: GallerySources | undefined;
  // The index files live in the extension's workspace storage (never in the workspace); a window
  // without a workspace has no output folder, so the global storage only keeps the code simple.
  const storage = context.storageUri ?? context.globalStorageUri;
  const lazySources = (): GallerySources => (sources ??= new GallerySources(services, storage.fsPath));
  const provider = new GalleryViewProvider(context, services, lazySources);
  context.subscriptions.push(
    vscode.window.registerWebviewViewProvider(GALLERY_VIEW_ID, provider),
    provider,
    { dispose: () => sources?.dispose() },
  );
}
