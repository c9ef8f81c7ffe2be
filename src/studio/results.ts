// Turns saved images and history sidecars into the items the webview shows.
import * as vscode from 'vscode';
import type { HistoryEntry, SavedImage, Sidecar } from '../services';
import type { ResultItem } from '../shared/protocol';
import { isImagePath, toImageRef } from './images';

/** A result the host remembers, so webview actions can only name files the host has shown. */
export interface KnownResult { uri: vscode.Uri; sidecar: Sidecar; size?: { width: number; height: number } }

function sourceRef(webview: vscode.Webview, image: vscode.Uri, sidecar: Sidecar): ResultItem['source'] {
  if (!sidecar.source_image || !isImagePath(sidecar.source_image)) return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(image);
  if (!folder) return undefined;
  const segments = sidecar.source_image.split('/').filter((s) => s !== '' && s !== '..' && s !== '.');
  return toImageRef(webview, vscode.Uri.joinPath(folder.uri, ...segments));
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
    source: sourceRef(webview, uri, sidecar),
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
