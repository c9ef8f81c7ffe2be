// The Studio's Ideogram 3.0 Edit (inpaint) run on the host: checks what the (untrusted) webview
// sent, turns the photo upright as the mask was painted over it, and sends image + mask through the
// same ImageService as every other run, so files, sidecars and progress are the usual ones.
import * as vscode from 'vscode';
import { uprightImage } from '../../imageOps';
import { readImageSize } from '../../common/imageSize';
import { sniffImageType } from '../../common/imageType';
import { UserFacingError } from '../../common/userFacingError';
import type { OperationOptions, V3File } from '../../common/vscode/imageService';
import type { IdeogramServices, OperationResult } from '../../common/vscode/services';
import type { WebviewMessage } from '../../common/protocol';
import { acceptImageUri } from './images';

/** The webview's inpaint request. */
export type V3RunMessage = Extract<WebviewMessage, { type: 'v3Run' }>;

/** The workspace files of a 3.0 run the host accepted; undefined when one of them is not a workspace image. */
export function acceptV3Files(message: V3RunMessage): { image: vscode.Uri; style: vscode.Uri[]; character: vscode.Uri[]; characterMask: vscode.Uri[] } | undefined {
  const image = acceptImageUri(message.image);
  const all = (texts: string[]) => texts.map(acceptImageUri);
  const style = all(message.references.style);
  const character = all(message.references.character);
  const characterMask = all(message.references.characterMask);
  const ok = (uris: (vscode.Uri | undefined)[]): uris is vscode.Uri[] => uris.every((uri) => uri !== undefined);
  if (!image || !ok(style) || !ok(character) || !ok(characterMask)) return undefined;
  return { image, style, character, characterMask };
}

/**
 * Runs inpaint: the image as the browser showed it (EXIF orientation applied) and the painted mask,
 * which must be a PNG of exactly that size (black = change). Throws a UserFacingError otherwise.
 */
export async function runStudioInpaint(
  services: IdeogramServices,
  message: V3RunMessage,
  files: NonNullable<ReturnType<typeof acceptV3Files>>,
  opts: OperationOptions,
): Promise<OperationResult> {
  const mask = Uint8Array.from(Buffer.from(message.mask, 'base64'));
  const maskSize = sniffImageType(mask)?.ext === 'png' ? readImageSize(mask) : undefined;
  const upright = await uprightImage(await vscode.workspace.fs.readFile(files.image));
  if (!maskSize || maskSize.width !== upright.width || maskSize.height !== upright.height) {
    throw new UserFacingError(vscode.l10n.t('The mask does not match the image; paint it again.'));
  }
  const name = files.image.path.split('/').pop() ?? 'image';
  const image: V3File = upright.turned ? { data: upright.bytes, name, source: files.image } : files.image;
  return services.images.v3('inpaint', { prompt: message.prompt }, {
    image: [image],
    mask: [{ data: mask, name: 'mask.png' }],
    ...(files.style.length > 0 ? { style_reference_images: files.style } : {}),
    ...(files.character.length > 0 ? { character_reference_images: files.character } : {}),
    ...(files.characterMask.length > 0 ? { character_reference_images_mask: files.characterMask } : {}),
  }, opts);
}
