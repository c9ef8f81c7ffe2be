// History across every workspace folder's output folder, newest first. The services page one
// folder; with several folders the first `offset + limit` of each are merged (a handful of
// folders at most, so this stays cheap).
import * as vscode from 'vscode';
import type { HistoryEntry, IdeogramServices } from '../../common/vscode/services';
import { outputFolderUri } from '../../common/vscode/workspace';

/** The output folders of all open workspace folders. */
export function outputFolders(services: IdeogramServices): vscode.Uri[] {
  return (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => {
    try {
      return [outputFolderUri(folder, services.settings(folder.uri).outputFolder)];
    } catch {
      return []; // an invalid outputFolder setting is reported when something is saved
    }
  });
}

/** One page of the merged history. */
export async function readStudioHistory(services: IdeogramServices, query: string, offset: number, limit: number): Promise<{ entries: HistoryEntry[]; total: number }> {
  const folders = outputFolders(services);
  if (folders.length === 1) return services.readHistory(folders[0]!, { offset, limit, query });
  const pages = await Promise.all(folders.map((folder) => services.readHistory(folder, { offset: 0, limit: offset + limit, query })));
  const merged = pages.flatMap((page) => page.entries)
    .sort((a, b) => b.sidecar.created_at.localeCompare(a.sidecar.created_at));
  return { entries: merged.slice(offset, offset + limit), total: pages.reduce((sum, page) => sum + page.total, 0) };
}
