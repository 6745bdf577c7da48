import { describe, expect, it } from 'vitest';
import { centreSquare, modelPixels } from './modelPixels';

/** An RGBA image whose pixel (x, y) is `colour(x, y)` ([r, g, b, a]). */
function rgba(width: number, height: number, colour: (x: number, y: number) => number[]): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out.set(colour(x, y), (y * width + x) * 4);
  return out;
}

describe('centreSquare', () => {
  it('crops the long side evenly', () => {
    expect(centreSquare(300, 200)).toEqual({ x: 50, y: 0, side: 200 });
    expect(centreSquare(3, 8)).toEqual({ x: 0, y: 2, side: 3 });
  });
});

describe('modelPixels', () => {
  it('averages whole blocks when the side divides evenly', () => {
    // 4 × 4 → 2 × 2: each output is the mean of a 2 × 2 block.
    const values = [0, 40, 100, 100, 80, 120, 100, 100, 255, 255, 0, 0, 255, 255, 0, 10];
    const image = rgba(4, 4, (x, y) => [values[y * 4 + x]!, values[y * 4 + x]!, values[y * 4 + x]!, 255]);
    expect([...modelPixels(image, 4, 4, { side: 2, channels: 1 })]).toEqual([60, 100, 255, 3]);
  });

  it('crops the centre square of a wide picture before resampling', () => {
    // 6 × 2: black, white, white, white, white, black columns; the centre 2 × 2 is all white.
    const image = rgba(6, 2, (x) => (x === 0 || x === 5 ? [0, 0, 0, 255] : [255, 255, 255, 255]));
    expect([...modelPixels(image, 6, 2, { side: 1, channels: 1 })]).toEqual([255]);
    // 5 × 1 → centre pixel (x = 2).
    const strip = rgba(5, 1, (x) => [x * 50, x * 50, x * 50, 255]);
    expect([...modelPixels(strip, 5, 1, { side: 1, channels: 1 })]).toEqual([100]);
  });

  it('weighs partly covered pixels by their share (3 → 2)', () => {
    const image = rgba(3, 3, (x) => [[0, 90, 180][x]!, [0, 90, 180][x]!, [0, 90, 180][x]!, 255]);
    // Output column 0 covers source columns 0 (1) and 1 (½): (0 + 45) / 1.5 = 30; column 1: (45 + 180) / 1.5 = 150.
    expect([...modelPixels(image, 3, 3, { side: 2, channels: 1 })]).toEqual([30, 150, 30, 150]);
  });

  it('converts colour to luma and lays transparency over black', () => {
    const red = rgba(1, 1, () => [255, 0, 0, 255]);
    const green = rgba(1, 1, () => [0, 255, 0, 255]);
    const halfWhite = rgba(1, 1, () => [255, 255, 255, 128]);
    expect(modelPixels(red, 1, 1, { side: 1, channels: 1 })[0]).toBe(76);
    expect(modelPixels(green, 1, 1, { side: 1, channels: 1 })[0]).toBe(150);
    expect(modelPixels(halfWhite, 1, 1, { side: 1, channels: 1 })[0]).toBe(128);
  });

  it('keeps the colour channels when asked for three, as planes R, G, B', () => {
    const image = rgba(2, 2, (x, y) => [x * 200, y * 100, 50, 255]);
    expect([...modelPixels(image, 2, 2, { side: 1, channels: 3 })]).toEqual([100, 50, 50]);
    expect([...modelPixels(image, 2, 2, { side: 2, channels: 3 })]).toEqual([0, 200, 0, 200, 0, 0, 100, 100, 50, 50, 50, 50]);
  });

  it('upscales a small picture to the model side', () => {
    const image = rgba(2, 2, (x) => [x * 255, x * 255, x * 255, 255]);
    const out = modelPixels(image, 2, 2, { side: 28, channels: 1 });
    expect(out).toHaveLength(28 * 28);
    expect([out[0], out[13], out[14], out[27]]).toEqual([0, 0, 255, 255]);
  });

  it('refuses a buffer that does not hold the stated size', () => {
    expect(() => modelPixels(new Uint8ClampedArray(10), 2, 2)).toThrow(RangeError);
  });
});
