import { describe, expect, it } from 'vitest';
import { Rng } from './rng';

describe('Rng', () => {
  it('repeats a stream for a seed, and forks independent ones', () => {
    const draws = (rng: Rng) => Array.from({ length: 5 }, () => rng.next());
    expect(draws(new Rng(3))).toEqual(draws(new Rng(3)));
    expect(draws(new Rng(3))).not.toEqual(draws(new Rng(4)));
    expect(draws(new Rng(3).fork('a'))).not.toEqual(draws(new Rng(3).fork('b')));
  });

  it('fills standard normal noise from its quantile table: mean 0, std 1, tails past 4σ, the same for a seed', () => {
    const values = new Float32Array(400_000);
    new Rng(11).fillNormal(values);
    const mean = values.reduce((a, v) => a + v, 0) / values.length;
    const std = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
    expect(Math.abs(mean)).toBeLessThan(0.005);
    expect(std).toBeGreaterThan(0.995);
    expect(std).toBeLessThan(1.005);
    // About 31.7% of a normal lies beyond ±1σ, 4.55% beyond ±2σ.
    expect(values.filter((v) => Math.abs(v) > 1).length / values.length).toBeCloseTo(0.3173, 2);
    expect(values.filter((v) => Math.abs(v) > 2).length / values.length).toBeCloseTo(0.0455, 2);
    expect(values.reduce((a, v) => Math.max(a, v), 0)).toBeGreaterThan(4);
    const again = new Float32Array(400_000);
    new Rng(11).fillNormal(again);
    expect(again).toEqual(values);
  });
});
