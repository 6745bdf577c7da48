import { describe, expect, it } from 'vitest';
import { wasmThreads } from './wasmSetup';

describe('wasmThreads', () => {
  it('leaves one core for the page, takes what the link asks within the cores, and needs cross-origin isolation', () => {
    expect(wasmThreads(null, true, 8)).toBe(7);
    expect(wasmThreads(null, true, 2)).toBe(1);
    expect(wasmThreads(2, true, 2)).toBe(2);
    expect(wasmThreads(16, true, 8)).toBe(8);
    expect(wasmThreads(4, false, 8)).toBe(1);
  });
});
