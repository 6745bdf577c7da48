/**
 * The figures of the snapshot on the sphere (the latest, or the one the timeline shows), each with what it
 * means in one line. Values are found by their label: every value is a <dd> named by its <dt>
 * (aria-labelledby) and carries a `metric-…` test id. Re-renders at most 4× a second.
 */
import { type ReactNode, useId } from 'react';
import { uniformityBound } from '../../metrics/collapseVerdict';
import { formatFixed } from '../format';
import { useRecorder, useShownFigures } from '../history/hooks';
import { useLab } from '../labContext';

interface MetricProps {
  label: string;
  testId: string;
  /** The comparison that gives the value its meaning (best possible, healthy, of d). */
  note?: ReactNode;
  help: string;
  children: ReactNode;
}

function Metric({ label, testId, note, help, children }: MetricProps) {
  const id = useId();
  return (
    <div className="metric">
      <dt id={`${id}-label`}>{label}</dt>
      <dd className="metric-value" aria-labelledby={`${id}-label`} aria-describedby={`${id}-help`} data-testid={testId}>
        {children}
      </dd>
      {note ? <dd className="metric-note">{note}</dd> : null}
      <dd className="metric-help" id={`${id}-help`}>
        {help}
      </dd>
    </div>
  );
}

export function MetricsPanel() {
  const { metrics } = useRecorder().history;
  const { index, point, shownStep } = useShownFigures(); // re-renders (throttled) as snapshots arrive
  const stepsPerSec = useLab((state) => state.stepsPerSec);
  // Images without class folders share one class: no neighbour can disagree, so there is nothing to score.
  const unlabelled = useLab((state) => state.classNames.length === 1);
  const knn = metrics.at(metrics.lastMeasured('knnZ', index));
  // What each value compares against depends on the dimension d of the shown snapshot.
  const notes = point && {
    uniformity: `best ${uniformityBound(point.dim).toFixed(2)} for d = ${point.dim}`,
    collapseStd: `healthy ≈ ${(1 / Math.sqrt(point.dim)).toFixed(3)} (1/√d); × √d = ${formatFixed(point.stdScaled, 2)}`,
    effectiveRank: `of d = ${point.dim}`,
    topShare: `flat = 1/d = ${(1 / point.dim).toFixed(2)}`,
  };
  const topShare = index >= 0 ? (metrics.spectrumAt(index)?.[0] ?? null) : null;

  return (
    <section className="metrics-panel" aria-labelledby="metrics-heading">
      <h2 id="metrics-heading">
        Metrics{' '}
        <span className="metrics-at" data-testid="metrics-step">
          {point ? `at step ${point.step}${shownStep === null ? '' : ' (timeline)'}` : 'appear with the first snapshot'}
        </span>
      </h2>
      <dl className="metrics">
        <Metric
          label="Alignment"
          testId="metric-alignment"
          note="0 = both views land on the same point"
          help="How far apart two augmented views of one image land (mean squared distance). Lower is better."
        >
          {formatFixed(point?.alignment ?? null, 3)}
        </Metric>
        <Metric
          label="Uniformity"
          testId="metric-uniformity"
          note={notes?.uniformity}
          help="How evenly all points cover the sphere. Lower is better; 0 means one point."
        >
          {formatFixed(point?.uniformity ?? null, 3)}
        </Metric>
        <Metric
          label="Collapse std"
          testId="metric-collapse-std"
          note={notes?.collapseStd}
          help="Spread of the points along each axis: 1/√d when they cover the sphere, 0 when they sit on one spot."
        >
          {formatFixed(point?.collapseStd ?? null, 3)}
        </Metric>
        <Metric
          label="Effective rank"
          testId="metric-effective-rank"
          note={notes?.effectiveRank}
          help="How many directions the points really use: up to d when spread every way, 1 on a line or a spot."
        >
          {formatFixed(point?.effectiveRank ?? null, 2)}
        </Metric>
        <Metric
          label="Top direction"
          testId="metric-top-share"
          note={notes?.topShare}
          help="The largest direction's share of the spectrum: 1/d when the points spread every way, near 1 when they line up (dimensional collapse)."
        >
          {formatFixed(topShare, 2)}
        </Metric>
        <Metric
          label="kNN accuracy"
          testId="metric-knn"
          note={knn ? `measured at step ${knn.step} (every 50 steps)` : 'measured every 50 steps'}
          help="How often the 20 nearest training images share an image's class, on the output z and the encoder features h."
        >
          {unlabelled ? (
            'not available: no labels'
          ) : knn ? (
            <>
              z <span data-testid="metric-knn-z">{formatFixed(knn.knnZ, 3)}</span> · h{' '}
              <span data-testid="metric-knn-h">{formatFixed(knn.knnH, 3)}</span>
            </>
          ) : (
            '—'
          )}
        </Metric>
        <Metric label="Loss" testId="metric-loss" help="Training loss, averaged over the steps since the previous snapshot.">
          {formatFixed(point?.loss ?? null, 4)}
        </Metric>
        <Metric label="Steps/s" testId="metric-steps-per-sec" help="Training speed right now.">
          {formatFixed(stepsPerSec, 1)}
        </Metric>
      </dl>
    </section>
  );
}
