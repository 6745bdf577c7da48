/**
 * The spectrum of the snapshot on the sphere (the latest, or the timeline's), one bar per direction on a log
 * scale with the flat level 1/d dashed: a healthy run's bars sit near the line, a run that lines up
 * (dimensional collapse) has one tall bar and the rest falling away. With overlaid runs, each run's bars take
 * its colour. Re-renders at most 4× a second.
 */
import { useCallback, useId, useSyncExternalStore } from 'react';
import type { ChartRun } from '../charts/chartBoard';
import { spectrumLayout, spectrumSummary } from '../charts/spectrumBars';
import { HISTORY_RENDER_INTERVAL_MS, shownMetricIndex } from '../history/hooks';
import type { RunRecorder } from '../history/runRecorder';
import { useMessages } from '../language/useMessages';
import { createPatchThrottle } from '../patchThrottle';

const WIDTH = 300;
const HEIGHT = 110;
const AXIS = 34;
const BAR_COLOR = '#1f5fa8';

/** The shown snapshot's spectrum and step in a run: the timeline's when scrubbed back, else the latest. */
function shownSpectrum(recorder: RunRecorder): { step: number; spectrum: Float64Array | null } | null {
  const { metrics } = recorder.history;
  const index = shownMetricIndex(recorder);
  const point = index >= 0 ? metrics.at(index) : undefined;
  return point ? { step: point.step, spectrum: metrics.spectrumAt(index) } : null;
}

/** A version that moves (throttled) when any run's history or timeline does. */
export function useRunsVersion(runs: readonly ChartRun[]): number {
  const subscribe = useCallback(
    (notify: () => void) => {
      const throttle = createPatchThrottle<object>(notify, HISTORY_RENDER_INTERVAL_MS);
      const unsubscribers = runs.flatMap(({ recorder }) => [
        recorder.history.subscribe(() => throttle.push({})),
        recorder.timeline.store.subscribe(() => throttle.push({})),
      ]);
      return () => {
        for (const unsubscribe of unsubscribers) unsubscribe();
        throttle.cancel();
      };
    },
    [runs],
  );
  const version = useCallback(
    () => runs.reduce((sum, { recorder }) => sum + recorder.history.getVersion() * 31 + (recorder.timeline.store.getState().shownStep ?? -1), 0),
    [runs],
  );
  return useSyncExternalStore(subscribe, version);
}

export function SpectrumChart({ runs }: { runs: readonly ChartRun[] }) {
  const m = useMessages().spectrum;
  useRunsVersion(runs);
  const summaryId = useId();
  const shown = runs.map(({ recorder }) => shownSpectrum(recorder));
  const spectra = shown.map((s) => s?.spectrum ?? null);
  const layout = spectrumLayout(spectra, WIDTH - AXIS, HEIGHT);
  const summary = runs
    .map(({ legend }, i) => `${legend ? `${legend.tag}: ` : ''}${shown[i] ? m.atStep({ step: shown[i].step }) : ''}${spectrumSummary(spectra[i] ?? null)}`)
    .join(' ');
  return (
    <figure className="chart" data-testid="chart-spectrum" data-top-share={spectra[0]?.[0] ?? ''}>
      <figcaption>
        <span className="chart-title">{m.title}</span>
        <span className="chart-help">{m.help}</span>
      </figcaption>
      <svg className="spectrum-plot" viewBox={`0 0 ${WIDTH} ${HEIGHT + 16}`} role="img" aria-label={m.title} aria-describedby={summaryId}>
        {layout.ticks.map(({ value, y }) => (
          <g key={value} className="spectrum-tick">
            <line x1={AXIS} x2={WIDTH} y1={y} y2={y} />
            <text x={AXIS - 4} y={y + 4} textAnchor="end">
              {value}
            </text>
          </g>
        ))}
        {layout.bars.map((bar) => (
          <rect
            key={`${bar.run}-${bar.direction}`}
            x={AXIS + bar.x}
            y={bar.y}
            width={Math.max(bar.width - 1, 1)}
            height={bar.height}
            fill={runs[bar.run]?.legend?.color ?? BAR_COLOR}
          />
        ))}
        {layout.flatY !== null ? <line className="spectrum-flat" x1={AXIS} x2={WIDTH} y1={layout.flatY} y2={layout.flatY} /> : null}
        <text className="spectrum-axis" x={AXIS} y={HEIGHT + 13}>
          {m.axis}
        </text>
      </svg>
      <p className="visually-hidden" id={summaryId} data-testid="spectrum-summary">
        {summary}
      </p>
    </figure>
  );
}
