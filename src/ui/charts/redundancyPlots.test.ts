import { describe, expect, it } from 'vitest';
import { diagonalScale, divergingColor, heatmapCells, offDiagonalShare, stdBars } from './redundancyPlots';

describe('divergingColor', () => {
  it('is white at 0, red at +limit, blue at −limit, clamped beyond, grey when not a number', () => {
    expect(divergingColor(0, 1)).toBe('rgb(255, 255, 255)');
    expect(divergingColor(1, 1)).toBe('rgb(197, 34, 31)');
    expect(divergingColor(-2, 1)).toBe('rgb(31, 95, 168)');
    expect(divergingColor(NaN, 1)).toBe('rgb(200, 200, 200)');
  });
});

describe('heatmapCells', () => {
  it('lays a row-major matrix out by row and column', () => {
    const cells = heatmapCells([1, 0.5, -0.5, 1], 2, 1);
    expect(cells.map(({ row, column, value }) => [row, column, value])).toEqual([
      [0, 0, 1],
      [0, 1, 0.5],
      [1, 0, -0.5],
      [1, 1, 1],
    ]);
  });
});

describe('matrix summaries', () => {
  it('reads the diagonal scale and the share off the diagonal', () => {
    expect(diagonalScale([4, 1, 1, -9], 2)).toBe(9);
    expect(offDiagonalShare([1, 0, 0, 1], 2)).toBe(0);
    expect(offDiagonalShare([1, 1, 1, 1], 2)).toBe(0.5);
  });
});

describe('stdBars', () => {
  it('draws one bar per dimension, marks those under the hinge, and keeps the hinge in view', () => {
    const { bars, top, hingeY } = stdBars([1.2, 0.3, NaN], 90, 100);
    expect(bars.map(({ underHinge }) => underHinge)).toEqual([false, true, true]);
    expect(top).toBe(1.5);
    expect(hingeY).toBeCloseTo(100 - 100 / 1.5);
    expect(bars[0]!.height).toBeCloseTo((1.2 / 1.5) * 100);
    expect(bars[2]!.height).toBe(0);
  });
});
