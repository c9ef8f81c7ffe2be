// Small copies of the images a tool made, for the language model to look at: an agent that sees
// what it generated can judge it and iterate. Only where the running VS Code has
// LanguageModelDataPart.image (feature-detected: older versions get the text alone).
import * as vscode from 'vscode';
import { makeThumbnail } from '../../imageOps';
import type { SavedImage } from '../../common/vscode/imageService';

/** The longer side of the copy, in pixels: enough to judge an image, small for the chat's context. */
export const TOOL_IMAGE_MAX_SIDE = 384;

/** A part of a tool result; a data part is one at run time, though these typings predate it. */
type ToolResultPart = ConstructorParameters<typeof vscode.LanguageModelToolResult>[0][number];
type ImagePartFactory = (data: Uint8Array, mime: string) => ToolResultPart;

// Not in the @types/vscode this extension builds against (its engine allows older VS Code), so
// read from the running API object rather than typed.
function imagePartFactory(): ImagePartFactory | undefined {
  const dataPart = (vscode as unknown as { LanguageModelDataPart?: { image?: unknown } }).LanguageModelDataPart;
  return typeof dataPart?.image === 'function' ? (dataPart.image as ImagePartFactory).bind(dataPart) : undefined;
}

/**
 * One image part per saved image (WebP, longer side at most TOOL_IMAGE_MAX_SIDE, alpha kept), or
 * none when VS Code cannot carry images in tool results. An image that cannot be read or shrunk is
 * left out with a warning: the saved files and the text result are what count.
 */
export async function smallImageParts(saved: readonly SavedImage[], warn: (message: string) => void): Promise<ToolResultPart[]> {
  const image = imagePartFactory();
  if (!image) return [];
  const parts: ToolResultPart[] = [];
  for (const item of saved) {
    try {
      const thumbnail = await makeThumbnail(await vscode.workspace.fs.readFile(item.uri), TOOL_IMAGE_MAX_SIDE);
      parts.push(image(thumbnail.bytes, thumbnail.mime));
    } catch (err) {
      warn(`No small copy of ${item.relativePath} for the language model: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return parts;
}
