/**
 * A decoded picture (RGBA bytes, any size) as the model's input: the centre square cropped, resampled by area
 * averaging (every source pixel counts in proportion to how much of an output pixel it covers, so downscaling
 * never aliases), converted to grey (Rec. 601 luma, as most image tools) or kept in colour. Transparent pixels
 * are laid over black, the lab's background (0 = black, as in Fashion-MNIST). Pure, so it is tested on typed
 * arrays; the browser only decodes the file.
 */

import { type ImageChannels, LUMA } from '../datasetFormat';

export interface ImageFormat {
  /** Width and height of the square model input. */
  side: number;
  /** 1: grey bytes; 3: a plane of red, then green, then blue bytes (the .hsd layout). */
  channels: ImageChannels;
}

/** How the user's images are decoded: 28×28, in colour (an all-grey import is kept as one channel, ownDataset.ts). */
export const modelImageFormat: ImageFormat = { side: 28, channels: 3 };

/** The largest centred square of a width × height picture. */
export function centreSquare(width: number, height: number): { x: number; y: number; side: number } {
  const side = Math.min(width, height);
  return { x: Math.floor((width - side) / 2), y: Math.floor((height - side) / 2), side };
}

/** For each output index, the source pixels it covers and by how much (weights sum to 1). */
function coverage(sourceLength: number, outputLength: number): { first: number; weights: number[] }[] {
  const scale = sourceLength / outputLength;
  return Array.from({ length: outputLength }, (_, o) => {
    const start = o * scale;
    const end = start + scale;
    const first = Math.floor(start);
    const weights: number[] = [];
    for (let s = first; s < end && s < sourceLength; s++) weights.push((Math.min(end, s + 1) - Math.max(start, s)) / scale);
    return { first, weights };
  });
}

/** `rgba`: width × height × 4 bytes, row by row. Returns format.channels planes of format.side² bytes. */
export function modelPixels(rgba: ArrayLike<number>, width: number, height: number, format: ImageFormat = modelImageFormat): Uint8Array {
  if (width < 1 || height < 1 || rgba.length < width * height * 4) throw new RangeError(`${width}×${height} RGBA needs ${width * height * 4} bytes, got ${rgba.length}.`);
  const { x, y, side } = centreSquare(width, height);
  const { side: out, channels } = format;
  const spans = coverage(side, out);
  // Area averaging is separable: rows are resampled first, into a side × out × channels buffer.
  const pixelValue = (index: number, channel: number): number => {
    const alpha = rgba[index + 3]! / 255;
    if (channels === 3) return rgba[index + channel]! * alpha;
    return (LUMA[0] * rgba[index]! + LUMA[1] * rgba[index + 1]! + LUMA[2] * rgba[index + 2]!) * alpha;
  };
  const rows = new Float32Array(side * out * channels);
  for (let r = 0; r < side; r++) {
    const rowStart = ((y + r) * width + x) * 4;
    spans.forEach(({ first, weights }, o) => {
      for (let c = 0; c < channels; c++) {
        let sum = 0;
        weights.forEach((w, k) => (sum += w * pixelValue(rowStart + (first + k) * 4, c)));
        rows[(r * out + o) * channels + c] = sum;
      }
    });
  }
  const result = new Uint8Array(out * out * channels);
  spans.forEach(({ first, weights }, o) => {
    for (let col = 0; col < out; col++) {
      for (let c = 0; c < channels; c++) {
        let sum = 0;
        weights.forEach((w, k) => (sum += w * rows[((first + k) * out + col) * channels + c]!));
        result[c * out * out + o * out + col] = Math.min(255, Math.max(0, Math.round(sum)));
      }
    }
  });
  return result;
}
