/**
 * The figures of the snapshot on the sphere (the latest, or the one the timeline shows), each with what it
 * means in one line. Values are found by their label: every value is a <dd> named by its <dt>
 * (aria-labelledby) and carries a `metric-…` test id. Re-renders at most 4× a second.
 */
import { type ReactNode, useId } from 'react';
import { uniformityBound } from '../../metrics/collapseVerdict';
import { formatFixed } from '../format';
import { useRecorder, useShownFigures } from '../history/hooks';
import { useMessages } from '../language/useMessages';
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
  const m = useMessages().metrics;
  const { metrics } = useRecorder().history;
  const { index, point, shownStep } = useShownFigures(); // re-renders (throttled) as snapshots arrive
  const stepsPerSec = useLab((state) => state.stepsPerSec);
  // Images without class folders share one class: no neighbour can disagree, so there is nothing to score.
  const unlabelled = useLab((state) => state.classNames.length === 1);
  const knn = metrics.at(metrics.lastMeasured('knnZ', index));
  const linear = metrics.at(metrics.lastMeasured('linearZ', index));
  const probeMs = useLab((state) => state.probeMs);
  // What each value compares against depends on the dimension d of the shown snapshot.
  const notes = point && {
    uniformity: m.uniformityNote({ best: uniformityBound(point.dim), dim: point.dim }),
    collapseStd: m.collapseStdNote({ healthy: 1 / Math.sqrt(point.dim), scaled: formatFixed(point.stdScaled, 2) }),
    effectiveRank: m.effectiveRankNote({ dim: point.dim }),
    topShare: m.topShareNote({ flat: 1 / point.dim }),
  };
  const topShare = index >= 0 ? (metrics.spectrumAt(index)?.[0] ?? null) : null;

  return (
    <section className="metrics-panel" aria-labelledby="metrics-heading">
      <h2 id="metrics-heading">
        {m.heading}{' '}
        <span className="metrics-at" data-testid="metrics-step">
          {point ? m.atStep({ step: point.step, timeline: shownStep !== null }) : m.appear}
        </span>
      </h2>
      <dl className="metrics">
        <Metric
          label={m.alignment}
          testId="metric-alignment"
          note={m.alignmentNote}
          help={m.alignmentHelp}
        >
          {formatFixed(point?.alignment ?? null, 3)}
        </Metric>
        <Metric
          label={m.uniformity}
          testId="metric-uniformity"
          note={notes?.uniformity}
          help={m.uniformityHelp}
        >
          {formatFixed(point?.uniformity ?? null, 3)}
        </Metric>
        <Metric
          label={m.collapseStd}
          testId="metric-collapse-std"
          note={notes?.collapseStd}
          help={m.collapseStdHelp}
        >
          {formatFixed(point?.collapseStd ?? null, 3)}
        </Metric>
        <Metric
          label={m.effectiveRank}
          testId="metric-effective-rank"
          note={notes?.effectiveRank}
          help={m.effectiveRankHelp}
        >
          {formatFixed(point?.effectiveRank ?? null, 2)}
        </Metric>
        <Metric
          label={m.topShare}
          testId="metric-top-share"
          note={notes?.topShare}
          help={m.topShareHelp}
        >
          {formatFixed(topShare, 2)}
        </Metric>
        <Metric
          label={m.knn}
          testId="metric-knn"
          note={knn ? m.knnMeasuredAt({ step: knn.step }) : m.knnEvery}
          help={m.knnHelp}
        >
          {unlabelled ? (
            m.knnUnavailable
          ) : knn ? (
            <>
              z <span data-testid="metric-knn-z">{formatFixed(knn.knnZ, 3)}</span> · h{' '}
              <span data-testid="metric-knn-h">{formatFixed(knn.knnH, 3)}</span>
            </>
          ) : (
            '—'
          )}
        </Metric>
        <Metric
          label={m.linear}
          testId="metric-linear"
          note={
            linear ? (
              <>
                {m.knnMeasuredAt({ step: linear.step })}
                {probeMs === null ? null : <> · <span data-testid="metric-linear-ms">{m.linearCost({ ms: formatFixed(probeMs, 0) })}</span></>}
              </>
            ) : (
              m.knnEvery
            )
          }
          help={m.linearHelp}
        >
          {unlabelled ? (
            m.knnUnavailable
          ) : linear ? (
            <>
              z <span data-testid="metric-linear-z">{formatFixed(linear.linearZ, 3)}</span> · h{' '}
              <span data-testid="metric-linear-h">{formatFixed(linear.linearH, 3)}</span>
            </>
          ) : (
            '—'
          )}
        </Metric>
        <Metric label={m.loss} testId="metric-loss" help={m.lossHelp}>
          {formatFixed(point?.loss ?? null, 4)}
        </Metric>
        <Metric label={m.stepsPerSec} testId="metric-steps-per-sec" help={m.stepsPerSecHelp}>
          {formatFixed(stepsPerSec, 1)}
        </Metric>
      </dl>
    </section>
  );
}
