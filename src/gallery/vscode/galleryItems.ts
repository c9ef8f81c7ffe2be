// Index entries as the gallery webview receives them: ids and webview URIs for the files, the text
// the grid shows and searches. Secrets cannot be in an entry (sidecars never hold the key), and the
// webview renders every text field as text.
import type * as vscode from 'vscode';
import type { GalleryItem } from '../../common/galleryProtocol';
import { workspaceRelativePath } from '../../common/vscode/workspace';
import type { GalleryEntry } from '../galleryEntry';
import { GallerySources, type GallerySource } from './gallerySources';

/** One entry as a grid item; a missing image gets no `src`, so the webview never loads a broken picture. */
export function toGalleryItem(webview: vscode.Webview, source: GallerySource, entry: GalleryEntry): GalleryItem {
  const image = GallerySources.imageUri(source, entry);
  return {
    id: GallerySources.sidecarUri(source, entry).toString(),
    src: entry.missingImage ? '' : webview.asWebviewUri(image).toString(),
    imageUri: image.toString(),
    label: workspaceRelativePath(image),
    operation: entry.operation,
    prompt: entry.prompt || (entry.returnedPrompt ?? ''),
    negativePrompt: entry.negativePrompt,
    model: entry.model,
    seed: entry.seed,
    createdAt: entry.createdAt,
    width: entry.width,
    height: entry.height,
    missing: entry.missingImage,
    source: entry.sourceImage,
  };
}
