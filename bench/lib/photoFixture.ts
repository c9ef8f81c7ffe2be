// A stand-in for a generated result: 1024×1024, photo-like (smooth colour fields, soft shapes,
// mild sensor noise), so encoders and PNG decoding do realistic work. Flat or striped test
// images compress to nothing and would flatter every library. Deterministic (xorshift).
import { PNG } from 'pngjs';

/** A photo-like RGB PNG of the given size (~1.8 MB at 1024×1024, like the API's PNGs). */
export function photoLikePng(width: number, height: number, seed = 7): Buffer {
  const png = new PNG({ width, height });
  let state = seed >>> 0 || 1;
  const random = (): number => {
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    return state / 4294967296;
  };
  const blobs = Array.from({ length: 12 }, () => ({ x: random() * width, y: random() * height, r: 40 + random() * 200, c: [random() * 255, random() * 255, random() * 255] }));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = [90 + 80 * Math.sin(x / 97 + y / 151), 110 + 70 * Math.sin(y / 83 - x / 211), 140 + 60 * Math.cos((x + y) / 173)];
      for (const blob of blobs) {
        const d = Math.hypot(x - blob.x, y - blob.y);
        if (d < blob.r) {
          const t = (1 - d / blob.r) ** 2;
          for (let k = 0; k < 3; k++) c[k] += (blob.c[k] - c[k]) * t;
        }
      }
      const noise = (random() - 0.5) * 18;
      const i = (y * width + x) * 4;
      for (let k = 0; k < 3; k++) png.data[i + k] = Math.max(0, Math.min(255, c[k] + noise));
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png, { colorType: 2 });
}
