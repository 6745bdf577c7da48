import { describe, expect, it } from 'vitest';
import { chooseRingDim, ringDimsFor, toggleClass, writeShownMask } from './viewOptions';

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
