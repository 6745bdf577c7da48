import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/config';
import { LIGHT_EVAL_EVERY, lighterForDevice } from './deviceDefaults';

const desktop = { touch: false, small: false };

describe('lighterForDevice', () => {
  it('snapshots less often on a touch or phone-sized screen, and says so', () => {
    for (const device of [{ touch: true, small: false }, { touch: false, small: true }]) {
      const { config, notice } = lighterForDevice(defaultConfig(), new Set(['v', 'seed']), device);
      expect(config).toEqual({ ...defaultConfig(), evalEvery: LIGHT_EVAL_EVERY });
      expect(notice).toContain(`every ${LIGHT_EVAL_EVERY} steps instead of 10`);
    }
  });

  it("leaves a desktop, and a link's own evalEvery, as they are", () => {
    const phone = { touch: true, small: true };
    expect(lighterForDevice(defaultConfig(), new Set(), desktop)).toEqual({ config: defaultConfig(), notice: null });
    // The link says evalEvery=10 (the default value): the link wins.
    expect(lighterForDevice(defaultConfig(), new Set(['evalEvery']), phone)).toEqual({ config: defaultConfig(), notice: null });
    const linked = { ...defaultConfig(), evalEvery: 5 };
    expect(lighterForDevice(linked, new Set(['evalEvery']), phone)).toEqual({ config: linked, notice: null });
  });
});
