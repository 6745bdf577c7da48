import { describe, expect, it } from 'vitest';
import { chooseRingDim, ringDimsFor, toggleClass, writeImageColours, writeShownMask } from './viewOptions';

describe('the class filter', () => {
  it('toggles a class without touching the set it was given', () => {
    const none = new Set<number>();
    const hidden = toggleClass(none, 3);
    expect([...hidden]).toEqual([3]);
    expect(none.size).toBe(0);
    expect([...toggleClass(toggleClass(hidden, 5), 3)]).toEqual([5]);
  });

  it('masks the points of hidden classes and counts the rest', () => {
    const labels = new Uint8Array([0, 1, 2, 1, 0, 9]);
    const out = new Uint8Array(8).fill(7);
    expect(writeShownMask(labels, 5, new Set([1]), out)).toBe(3);
    expect(Array.from(out)).toEqual([1, 0, 1, 0, 1, 7, 7, 7]);
    expect(writeShownMask(labels, 6, new Set(), out)).toBe(6);
  });
});

describe('ringDimsFor', () => {
  it('keeps a valid pair and falls back to the first two coordinates otherwise', () => {
    expect(ringDimsFor([2, 5], 8)).toEqual([2, 5]);
    expect(ringDimsFor([2, 5], 3)).toEqual([0, 1]);
    expect(ringDimsFor([1, 1], 3)).toEqual([0, 1]);
  });
});

describe('chooseRingDim', () => {
  it('sets one coordinate, and swaps the two when given the other one', () => {
    expect(chooseRingDim([0, 1], 0, 4)).toEqual([4, 1]);
    expect(chooseRingDim([0, 1], 1, 4)).toEqual([0, 4]);
    expect(chooseRingDim([0, 1], 0, 1)).toEqual([1, 0]);
    expect(chooseRingDim([2, 5], 1, 2)).toEqual([5, 2]);
  });
});

describe('writeImageColours', () => {
  it("gives each point its image's mean colour at full brightness, and grey images white", () => {
    const area = 4;
    // Image 0: half (200, 0, 100), half black; image 1: all (10, 20, 40). Planes R, G, B.
    const images = Uint8Array.from([200, 200, 0, 0, 0, 0, 0, 0, 100, 100, 0, 0, 10, 10, 10, 10, 20, 20, 20, 20, 40, 40, 40, 40]);
    const out = new Float32Array(6);
    writeImageColours(images, 2, 3, 2, out);
    expect(Array.from(out)).toEqual([1, 0, 0.5, 0.25, 0.5, 1]);
    const grey = new Float32Array(3);
    writeImageColours(Uint8Array.from({ length: area }, () => 60), 2, 1, 1, grey);
    expect(Array.from(grey)).toEqual([1, 1, 1]);
  });
});
