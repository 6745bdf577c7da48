/**
 * A lighter default for phones and tablets, whose processors train several times slower: a snapshot (the
 * sphere, the figures, the charts) every LIGHT_EVAL_EVERY steps instead of every 10, which leaves more of the
 * processor to training. Training itself is the same. It applies only where the link leaves `evalEvery`
 * unset — a link's explicit settings win — and the page says so in a notice.
 */
import { messages } from '../i18n/messages';
import { defaultConfig, type ExperimentConfig } from '../core/config';

export const LIGHT_EVAL_EVERY = 25;

export interface DeviceTraits {
  /** The main pointer is a finger (a touch screen). */
  touch: boolean;
  /** A phone-sized screen. */
  small: boolean;
}

export function readDeviceTraits(): DeviceTraits {
  return { touch: window.matchMedia('(pointer: coarse)').matches, small: window.matchMedia('(max-width: 600px)').matches };
}

export function lighterForDevice(
  config: ExperimentConfig,
  linked: ReadonlySet<string>,
  device: DeviceTraits,
): { config: ExperimentConfig; notice: string | null } {
  const usual = defaultConfig(config.method).evalEvery;
  if (!(device.touch || device.small) || linked.has('evalEvery') || config.evalEvery !== usual) return { config, notice: null };
  return {
    config: { ...config, evalEvery: LIGHT_EVAL_EVERY },
    notice: messages().a11y.lighter({ light: LIGHT_EVAL_EVERY, usual }),
  };
}
