import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/config';
import { lossAtTrivialBound, positivePairCosine } from './trivialBound';

describe('the loss at its trivial bound', () => {
  it('reads each collapsible objective as the mean cosine of positive pairs', () => {
    expect(positivePairCosine(-1, defaultConfig('simsiam'))).toBe(1);
    expect(positivePairCosine(0, defaultConfig('byol'))).toBe(1);
    expect(positivePairCosine(-1 / 0.5, { ...defaultConfig('simclr'), negatives: false, temperature: 0.5 })).toBe(1);
    expect(positivePairCosine(0, { ...defaultConfig('align-uniform'), uniformity: false })).toBe(1);
    expect(positivePairCosine(0, { ...defaultConfig('align-uniform'), lambda: 0 })).toBe(1);
  });

  it('has no trivial bound where collapse does not minimise the loss', () => {
    expect(positivePairCosine(4.9, defaultConfig('simclr'))).toBeNull();
    expect(positivePairCosine(0, defaultConfig('swav'))).toBeNull();
    expect(positivePairCosine(-2, defaultConfig('align-uniform'))).toBeNull();
  });

  it('calls a loss within a cosine of 0.001 of the bound "at" it', () => {
    expect(lossAtTrivialBound(-0.9995, defaultConfig('simsiam'))).toBe(true);
    expect(lossAtTrivialBound(-0.99, defaultConfig('simsiam'))).toBe(false);
    expect(lossAtTrivialBound(0.001, defaultConfig('byol'))).toBe(true);
    expect(lossAtTrivialBound(0.5, defaultConfig('byol'))).toBe(false);
    expect(lossAtTrivialBound(NaN, defaultConfig('simsiam'))).toBe(false);
  });
});
