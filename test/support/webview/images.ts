// Test images and reading the editor's exported masks back.
import { PNG } from 'pngjs';

/** A deterministic RGB test image: gradients and bands, so a swapped width and height would show. */
export function testImagePng(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      png.data[i] = Math.round((255 * x) / width);
      png.data[i + 1] = Math.round((255 * y) / height);
      png.data[i + 2] = ((x >> 5) + (y >> 5)) % 2 ? 200 : 60;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** A decoded exported mask: its size, and per pixel whether it is black, after checking every pixel is pure black or white. */
export interface DecodedMask {
  width: number;
  height: number;
  /** 1 where the pixel is black. */
  black: Uint8Array;
}

/** Decodes a mask PNG and fails on any pixel that is not opaque pure black or pure white. */
export function decodeMask(bytes: Uint8Array): DecodedMask {
  const png = PNG.sync.read(Buffer.from(bytes), { checkCRC: true });
  const black = new Uint8Array(png.width * png.height);
  for (let i = 0; i < black.length; i++) {
    const [r, g, b, a] = png.data.subarray(i * 4, i * 4 + 4);
    if (a !== 255 || r !== g || g !== b || (r !== 0 && r !== 255)) throw new Error(`pixel ${i % png.width},${Math.floor(i / png.width)} is rgba(${r}, ${g}, ${b}, ${a}), not pure black or white`);
    black[i] = r === 0 ? 1 : 0;
  }
  return { width: png.width, height: png.height, black };
}
