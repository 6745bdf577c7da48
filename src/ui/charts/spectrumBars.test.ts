import { describe, expect, it } from 'vitest';
import { SPECTRUM_FLOOR, spectrumLayout, spectrumSummary, spectrumY } from './spectrumBars';

describe('spectrumY', () => {
  it('puts share 1 at the top, the floor at the bottom, on a log scale', () => {
    expect(spectrumY(1, 90)).toBeCloseTo(0);
    expect(spectrumY(0.1, 90)).toBeCloseTo(30);
    expect(spectrumY(SPECTRUM_FLOOR, 90)).toBeCloseTo(90);
    // A collapsed run's zeros and a NaN sit on the floor instead of leaving the plot.
    expect(spectrumY(0, 90)).toBeCloseTo(90);
    expect(spectrumY(NaN, 90)).toBeCloseTo(90);
  });
});

describe('spectrumLayout', () => {
  it('draws one bar per direction, grouped by run, with the flat level 1/d', () => {
    const layout = spectrumLayout([[0.5, 0.3, 0.2], [0.9, 0.09, 0.01]], 300, 90);
    expect(layout.bars).toHaveLength(6);
    const [first, , , otherFirst] = layout.bars;
    expect(first).toMatchObject({ run: 0, direction: 0, share: 0.5 });
    expect(otherFirst!.x).toBeCloseTo(first!.x + first!.width);
    expect(first!.y + first!.height).toBeCloseTo(90);
    // The run that lines up has a taller first bar and a shorter last one.
    expect(otherFirst!.height).toBeGreaterThan(first!.height);
    expect(layout.bars[5]!.height).toBeLessThan(layout.bars[2]!.height);
    expect(layout.flatY).toBeCloseTo(spectrumY(1 / 3, 90));
    expect(layout.ticks.map(({ value }) => value)).toEqual([1, 0.1, 0.01, 0.001]);
  });

  it('draws nothing before a spectrum is measured', () => {
    expect(spectrumLayout([null], 300, 90)).toMatchObject({ bars: [], flatY: null });
  });
});

describe('spectrumSummary', () => {
  it('gives the largest shares against the flat level, and says when there is nothing to show', () => {
    expect(spectrumSummary([0.86, 0.1, 0.04])).toBe('Largest directions 86%, 10%, 4% of the spectrum; flat would be 33% each of 3.');
    expect(spectrumSummary(null)).toBe('Not measured yet.');
    expect(spectrumSummary([0, 0, 0])).toBe('All points coincide: no direction carries any spread.');
  });
});
