// What each 3.0 editing operation does to its input, simply enough that a test can check it pixel
// by pixel: remix tints, inpaint fills the masked region with one colour, reframe places the input
// in the middle of a new canvas, replace-background keeps the centre and repaints the rest,
// remove-background keeps the centre and makes the rest transparent.
import { blankRaster, blit, containRect, coverCrop, inForeground, type Raster, type Rgb } from './raster';

/**
 * remix: the input cropped to the output's shape ("Input images are cropped to the chosen aspect
 * ratio before being remixed"), scaled, then mixed with a tint: image_weight % input, the rest tint.
 */
export function remixPicture(input: Raster, width: number, height: number, imageWeight: number, tint: Rgb): Raster {
  const out = coverCrop(input, width, height);
  const w = imageWeight / 100;
  const d = out.data;
  for (let i = 0; i < d.length; i += 4) {
    d[i] = Math.round(d[i] * w + tint[0] * (1 - w));
    d[i + 1] = Math.round(d[i + 1] * w + tint[1] * (1 - w));
    d[i + 2] = Math.round(d[i + 2] * w + tint[2] * (1 - w));
  }
  return out;
}

/** inpaint/edit: a copy of the input whose pixels marked in `edit` (1 = edit) are one opaque colour. */
export function inpaintPicture(input: Raster, edit: Uint8Array, fill: Rgb): Raster {
  const out: Raster = { width: input.width, height: input.height, data: Uint8Array.from(input.data) };
  for (let p = 0; p < edit.length; p++) {
    if (!edit[p]) continue;
    out.data.set([fill[0], fill[1], fill[2], 255], p * 4);
  }
  return out;
}

/** reframe: the new canvas (`background`, already at the target size) with the input scaled to fit, centred. */
export function reframePicture(input: Raster, background: Raster): Raster {
  blit(input, [0, 0, input.width, input.height], background, containRect(input, background.width, background.height));
  return background;
}

/** replace-background: the input's foreground (the centred ellipse) on `background` (same size as the input). */
export function replaceBackgroundPicture(input: Raster, background: Raster): Raster {
  copyForeground(input, background);
  return background;
}

/** remove-background: the input's foreground on a fully transparent canvas. */
export function removeBackgroundPicture(input: Raster): Raster {
  return copyForeground(input, blankRaster(input.width, input.height));
}

function copyForeground(input: Raster, out: Raster): Raster {
  const { width, height } = input;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!inForeground(x, y, width, height)) continue;
      const i = (y * width + x) * 4;
      out.data.set(input.data.subarray(i, i + 4), i);
    }
  }
  return out;
}
