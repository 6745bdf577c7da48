/**
 * The spectrum chart's geometry: one bar per direction (sorted shares of the centred, normalised
 * embeddings' singular values), on a log scale from SPECTRUM_FLOOR to 1, grouped when runs are overlaid,
 * with the flat level 1/d marked. Pure, so the picture is tested without a browser.
 */
import { messages } from '../../i18n/messages';

/** The log axis's bottom: shares under it (including the exact zeros of a collapsed run) sit on it. */
export const SPECTRUM_FLOOR = 1e-3;

interface SpectrumBar {
  run: number;
  direction: number;
  share: number;
  x: number;
  width: number;
  /** From the top; height reaches the floor line. */
  y: number;
  height: number;
}

export interface SpectrumLayout {
  bars: SpectrumBar[];
  /** The y of the flat level 1/d; null when no run has a spectrum. */
  flatY: number | null;
  /** The log axis's ticks (1, 0.1, 0.01, 0.001) and their y. */
  ticks: { value: number; y: number }[];
}

/** y of a share on the log axis, in a plot `height` high (0 at the top = share 1). */
export function spectrumY(share: number, height: number): number {
  const clamped = Math.min(1, Math.max(SPECTRUM_FLOOR, Number.isFinite(share) ? share : SPECTRUM_FLOOR));
  return (Math.log10(clamped) / Math.log10(SPECTRUM_FLOOR)) * height;
}

/** Bars for each run's spectrum (null = not measured yet) across `width` × `height`. */
export function spectrumLayout(spectra: readonly (readonly number[] | Float64Array | null)[], width: number, height: number): SpectrumLayout {
  const dim = Math.max(0, ...spectra.map((s) => s?.length ?? 0));
  const ticks = [1, 0.1, 0.01, 0.001].map((value) => ({ value, y: spectrumY(value, height) }));
  if (dim === 0) return { bars: [], flatY: null, ticks };
  const slot = width / dim;
  const groupWidth = slot * 0.8;
  const barWidth = groupWidth / spectra.length;
  const bars = spectra.flatMap((spectrum, run) =>
    Array.from(spectrum ?? [], (share, direction) => {
      const y = spectrumY(share, height);
      return { run, direction, share, x: direction * slot + (slot - groupWidth) / 2 + run * barWidth, width: barWidth, y, height: height - y };
    }),
  );
  return { bars, flatY: spectrumY(1 / dim, height), ticks };
}

/** The chart in words, for its accessible name's description: the top share against the flat level. */
export function spectrumSummary(spectrum: readonly number[] | Float64Array | null): string {
  const m = messages().spectrum;
  if (!spectrum || spectrum.length === 0) return m.notYet;
  const top = spectrum[0]!;
  if (!Number.isFinite(top)) return m.notFinite;
  if (top === 0) return m.coincide;
  return m.summary({ shares: Array.from(spectrum.slice(0, 3)), dim: spectrum.length });
}
