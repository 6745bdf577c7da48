import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPatchThrottle } from './patchThrottle';

interface Figures {
  step: number;
  loss: number;
}

describe('createPatchThrottle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const applied: Partial<Figures>[] = [];
    const throttle = createPatchThrottle<Figures>((patch) => applied.push(patch), 250);
    return { applied, throttle };
  }

  it('applies the first patch at once and merges the rest until the interval ends', () => {
    const { applied, throttle } = setup();
    throttle.push({ step: 1, loss: 0.9 });
    expect(applied).toEqual([{ step: 1, loss: 0.9 }]);
    for (let step = 2; step <= 50; step++) throttle.push({ step });
    throttle.push({ loss: 0.5 });
    expect(applied).toHaveLength(1);
    vi.advanceTimersByTime(250);
    expect(applied).toEqual([{ step: 1, loss: 0.9 }, { step: 50, loss: 0.5 }]);
  });

  it('applies at most once per interval under a steady stream', () => {
    const { applied, throttle } = setup();
    for (let ms = 0; ms < 1000; ms += 10) {
      throttle.push({ step: ms });
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(1000);
    expect(applied.length).toBeLessThanOrEqual(5);
    expect(applied.at(-1)).toEqual({ step: 990 });
  });

  it('applies at once again after a quiet interval', () => {
    const { applied, throttle } = setup();
    throttle.push({ step: 1 });
    vi.advanceTimersByTime(1000);
    throttle.push({ step: 2 });
    expect(applied).toEqual([{ step: 1 }, { step: 2 }]);
  });

  it('flushes pending patches on demand and drops them on cancel', () => {
    const { applied, throttle } = setup();
    throttle.push({ step: 1 });
    throttle.push({ step: 2 });
    throttle.flush();
    expect(applied).toEqual([{ step: 1 }, { step: 2 }]);
    throttle.push({ step: 3 });
    throttle.cancel();
    vi.advanceTimersByTime(1000);
    expect(applied).toEqual([{ step: 1 }, { step: 2 }]);
  });
});
