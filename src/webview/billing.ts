// What the Studio says about money: how many images a click bills, on the Run button and on a
// card's "Again (same seed)". Each plural is two whole sentences (one / many) because the l10n
// bundle has no plural rules and "image(s)" reads badly in every language.
import * as l10n from '@vscode/l10n';
import type { StudioMode } from '../common/protocol';

/** The Run button's label: the operation and, when the form's count is valid, the images it bills. */
export function runLabel(mode: StudioMode, images: number | undefined): string {
  switch (mode) {
    case 'generate':
      if (images === undefined) return l10n.t('Generate');
      return images === 1 ? l10n.t('Generate 1 image') : l10n.t('Generate {0} images', images);
    case 'remix':
      if (images === undefined) return l10n.t('Remix');
      return images === 1 ? l10n.t('Remix into 1 image') : l10n.t('Remix into {0} images', images);
    case 'upscale':
      if (images === undefined) return l10n.t('Upscale');
      return images === 1 ? l10n.t('Upscale into 1 image') : l10n.t('Upscale into {0} images', images);
    case 'describe':
      return l10n.t('Describe');
  }
}

/** The Run button's label on the Ideogram 3.0 tab: Edit (inpaint) makes one image. */
export function inpaintRunLabel(): string {
  return l10n.t('Edit into 1 image');
}

/** The name of a card's "Again (same seed)" button: it sends a new request, billed like the first. */
export function againLabel(images: number): string {
  return images === 1
    ? l10n.t('Again (same seed): generates 1 new image')
    : l10n.t('Again (same seed): generates {0} new images', images);
}
