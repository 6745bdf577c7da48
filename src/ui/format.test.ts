import { describe, expect, it } from 'vitest';
import { formatCollapseStd, formatFixed } from './format';

describe('formatFixed', () => {
  it('rounds finite numbers and marks the rest as not measured', () => {
    expect(formatFixed(0.12345, 3)).toBe('0.123');
    expect(formatFixed(NaN, 3)).toBe('—');
    expect(formatFixed(Infinity, 1)).toBe('—');
  });
});

describe('formatCollapseStd', () => {
  it('gives the raw value and the value × √d', () => {
    expect(formatCollapseStd(0.52, 3)).toEqual({ raw: '0.520', scaled: '0.901' });
    expect(formatCollapseStd(0.125, 64)).toEqual({ raw: '0.125', scaled: '1.000' });
  });

  it('has no scaled value without a snapshot', () => {
    expect(formatCollapseStd(NaN, null)).toEqual({ raw: '—', scaled: '—' });
  });
});
