import { describe, expect, it } from 'vitest';
import { parseHideList } from './pageMode';

describe('parseHideList', () => {
  it('takes config keys and panel names, trimmed, and skips empty entries', () => {
    const notices: string[] = [];
    expect([...parseHideList(' seed, method ,,settings,status', notices)]).toEqual(['seed', 'method', 'settings', 'status']);
    expect(notices).toEqual([]);
  });

  it('names at most three unknown entries in one notice', () => {
    const notices: string[] = [];
    const hidden = parseHideList('a,b,c,d,e,seed', notices);
    expect([...hidden]).toEqual(['seed']);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^hide: "a", "b", "c" and 2 more ignored/);
  });

  it('handles a very long list', () => {
    const notices: string[] = [];
    parseHideList('x,'.repeat(2000), notices);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.length).toBeLessThan(200);
  });
});
