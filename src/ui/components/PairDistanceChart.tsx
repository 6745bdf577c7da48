/**
 * The alignment histogram of the snapshot on the sphere (the latest, or the timeline's): the shares of the
 * held-out images' positive pairs by ‖f(x) − f(y)‖² over [0, 4], the mean (the alignment) as a dashed line. An
 * aligned encoder piles its pairs near 0; one whose views disagree spreads them toward 2 (orthogonal) and past.
 * With overlaid runs, each run's bars and mean take its colour. Re-renders at most 4× a second.
 */
import { useId } from 'react';
import type { ChartRun } from '../charts/chartBoard';
import { pairDistanceLayout, pairDistanceSummary } from '../charts/pairDistanceBars';
import { shownMetricIndex } from '../history/hooks';
import type { RunRecorder } from '../history/runRecorder';
import { useMessages } from '../language/useMessages';
import { useRunsVersion } from './SpectrumChart';

const WIDTH = 300;
const HEIGHT = 110;
const AXIS = 34;
/** Room above the plot for the top tick's label. */
const TOP = 8;
const BAR_COLOR = '#1f5fa8';

/** The shown snapshot's histogram, mean and step in a run: the timeline's when scrubbed back, else the latest. */
function shownHistogram(recorder: RunRecorder): { step: number; histogram: Float64Array | null; mean: number } | null {
  const { metrics } = recorder.history;
  const index = shownMetricIndex(recorder);
  const point = index >= 0 ? metrics.at(index) : undefined;
  return point ? { step: point.step, histogram: metrics.pairDistancesAt(index), mean: point.alignment } : null;
}

export function PairDistanceChart({ runs }: { runs: readonly ChartRun[] }) {
  const m = useMessages();
  const text = m.pairDistances;
  useRunsVersion(runs);
  const summaryId = useId();
  const shown = runs.map(({ recorder }) => shownHistogram(recorder));
  const histograms = shown.map((s) => s?.histogram ?? null);
  // A mean only where its histogram is drawn (a report from before the histogram has the alignment alone).
  const means = shown.map((s) => (s?.histogram ? s.mean : null));
  const layout = pairDistanceLayout(histograms, means, WIDTH - AXIS, HEIGHT);
  const summary = runs
    .map(({ legend }, i) => `${legend ? `${legend.tag}: ` : ''}${shown[i] ? m.spectrum.atStep({ step: shown[i].step }) : ''}${pairDistanceSummary(histograms[i] ?? null, means[i] ?? null)}`)
    .join(' ');
  return (
    <figure className="chart" data-testid="chart-pair-distances" data-mean={means[0] ?? ''}>
      <figcaption>
        <span className="chart-title">{text.title}</span>
        <span className="chart-help">{text.help}</span>
      </figcaption>
      <svg className="spectrum-plot" viewBox={`0 0 ${WIDTH} ${TOP + HEIGHT + 28}`} role="img" aria-label={text.title} aria-describedby={summaryId}>
        {layout.yTicks.map(({ value, y }) => (
          <g key={value} className="spectrum-tick">
            <line x1={AXIS} x2={WIDTH} y1={TOP + y} y2={TOP + y} />
            <text x={AXIS - 4} y={TOP + y + 4} textAnchor="end">
              {value === 0 ? '0' : `${Math.round(value * 100)}%`}
            </text>
          </g>
        ))}
        {layout.bars.map((bar) => (
          <rect
            key={`${bar.run}-${bar.bin}`}
            x={AXIS + bar.x}
            y={TOP + bar.y}
            width={Math.max(bar.width - 0.5, 0.5)}
            height={bar.height}
            fill={runs[bar.run]?.legend?.color ?? BAR_COLOR}
          />
        ))}
        {layout.means.map(({ run, x }) => (
          <line key={run} className="pair-distance-mean" x1={AXIS + x} x2={AXIS + x} y1={TOP} y2={TOP + HEIGHT} stroke={runs[run]?.legend?.color ?? BAR_COLOR} />
        ))}
        {layout.xTicks.map(({ value, x }) => (
          <text key={value} className="spectrum-axis" x={AXIS + x} y={TOP + HEIGHT + 13} textAnchor={value === 0 ? 'start' : value === 4 ? 'end' : 'middle'}>
            {value}
          </text>
        ))}
        <text className="spectrum-axis" x={AXIS + (WIDTH - AXIS) / 2} y={TOP + HEIGHT + 26} textAnchor="middle">
          {text.axis}
        </text>
      </svg>
      <p className="visually-hidden" id={summaryId} data-testid="pair-distances-summary">
        {summary}
      </p>
    </figure>
  );
}
