// The one error src/imageOps throws: bad input bytes and impossible targets get a clear,
// localised message (the UI shows it as text) and a kind the caller can act on.
import * as l10n from '@vscode/l10n';

/** What went wrong: the bytes are not an image we read, they do not decode, or the request is impossible. */
export type ImageOpsErrorKind = 'unsupported-input' | 'undecodable' | 'invalid-target';

/** Error from fitExactly, makeThumbnail or decodeInfo. */
export class ImageOpsError extends Error {
  readonly kind: ImageOpsErrorKind;

  constructor(kind: ImageOpsErrorKind, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ImageOpsError';
    this.kind = kind;
  }
}

/** The input is not PNG, JPEG, WebP or AVIF (by its bytes, whatever its name says). */
export const unsupportedInput = (): ImageOpsError =>
  new ImageOpsError('unsupported-input', l10n.t('The file is not a PNG, JPEG, WebP or AVIF image.'));

/** The input looks like an image but the library cannot decode it (truncated, corrupt). */
export const undecodable = (cause: unknown): ImageOpsError =>
  new ImageOpsError('undecodable', l10n.t('The image could not be decoded: {0}', cause instanceof Error ? cause.message : String(cause)), cause);

/** A pixel size that is not a whole number from 1 to `max`. */
export const invalidSize = (width: number, height: number, max: number): ImageOpsError =>
  new ImageOpsError('invalid-target', l10n.t('Cannot make a {0}×{1} image: width and height must be whole numbers from 1 to {2}.', String(width), String(height), String(max)));

/** A quality that is not a whole number from 1 to 100. */
export const invalidQuality = (quality: number): ImageOpsError =>
  new ImageOpsError('invalid-target', l10n.t('Image quality {0} is not a whole number from 1 to 100.', String(quality)));

/** An output format the library does not write. */
export const invalidFormat = (format: string): ImageOpsError =>
  new ImageOpsError('invalid-target', l10n.t('Cannot write images as "{0}": use PNG, JPEG, WebP or AVIF.', format));
