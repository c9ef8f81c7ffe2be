// Turns saved images and history sidecars into the items the webview shows.
import type * as vscode from 'vscode';
import type { HistoryEntry, SavedImage, Sidecar } from '../../common/vscode/services';
import type { ResultItem } from '../../common/protocol';
import { isHttpUrl } from '../../common/provider';
import { isImagePath, uriFromWorkspaceRelativePath } from '../../common/vscode/workspace';
import { toImageRef } from './images';

/** A result the host remembers, so webview actions can only name files the host has shown. */
export interface KnownResult { uri: vscode.Uri; sidecar: Sidecar; size?: { width: number; height: number } }

// source_image was written by workspaceRelativePath, so it names the folder in a multi-root workspace;
// a hosted source is recorded as its link without the query, which may no longer work: not offered.
function sourceRef(webview: vscode.Webview, sidecar: Sidecar): ResultItem['source'] {
  if (!sidecar.source_image || !isImagePath(sidecar.source_image) || isHttpUrl(sidecar.source_image)) return undefined;
  const source = uriFromWorkspaceRelativePath(sidecar.source_image);
  return source && toImageRef(webview, source);
}

/** The webview item for an image and its sidecar. */
export function toResultItem(webview: vscode.Webview, uri: vscode.Uri, sidecar: Sidecar): ResultItem {
  return {
    ...toImageRef(webview, uri),
    operation: sidecar.operation,
    prompt: sidecar.prompt,
    returnedPrompt: sidecar.returned_prompt ?? '',
    negativePrompt: sidecar.negative_prompt,
    model: sidecar.model,
    seed: sidecar.seed,
    resolution: sidecar.upscaled_resolution ?? sidecar.resolution,
    createdAt: sidecar.created_at,
    parameters: sidecar.parameters,
    source: sourceRef(webview, sidecar),
  };
}

/** KnownResult of a freshly saved image. */
export function knownFromSaved(saved: SavedImage): KnownResult {
  return { uri: saved.uri, sidecar: saved.sidecar, size: saved.size };
}

/** KnownResult of a history entry. */
export function knownFromHistory(entry: HistoryEntry): KnownResult {
  const { width, height } = entry.sidecar;
  return { uri: entry.imageUri, sidecar: entry.sidecar, size: width && height ? { width, height } : undefined };
}
