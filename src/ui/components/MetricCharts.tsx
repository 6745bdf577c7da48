/**
 * The live charts, one per metric, for one run or several overlaid. React only lays out the figures; a
 * ChartBoard draws into them with uPlot and keeps them current (and their `data-points`) without
 * re-rendering anything.
 */
import { useEffect, useMemo, useRef } from 'react';
import { ChartBoard, type ChartRun, type ChartSlot } from '../charts/chartBoard';
import { chartSpecs } from '../charts/chartSpecs';
import { chartText } from '../language/tables';
import { useRecorder } from '../history/hooks';
import { useMessages } from '../language/useMessages';
import { PairDistanceChart } from './PairDistanceChart';
import { SpectrumChart } from './SpectrumChart';

/** The charts of the lab's run. */
export function MetricCharts() {
  const recorder = useRecorder();
  const runs = useMemo(() => [{ recorder, legend: null }], [recorder]);
  return <ChartGrid runs={runs} />;
}

/** Which colour is which run, when several share the charts. */
function RunsKey({ runs }: { runs: readonly ChartRun[] }) {
  const m = useMessages();
  const legends = runs.flatMap(({ legend }) => legend ?? []);
  if (legends.length === 0) return null;
  return (
    <ul className="chart-runs" aria-label={m.charts.runsKey}>
      {legends.map(({ tag, label, color }) => (
        <li key={tag}>
          <span className="run-line" style={{ backgroundColor: color }} aria-hidden="true" />
          {tag} · {label}
        </li>
      ))}
    </ul>
  );
}

/** `runs` must keep its identity while the runs stay the same: a new array rebuilds every chart. */
export function ChartGrid({ runs }: { runs: readonly ChartRun[] }) {
  const m = useMessages();
  const grid = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const slots = chartSpecs.flatMap((spec): ChartSlot[] => {
      const figure = grid.current?.querySelector<HTMLElement>(`[data-chart="${spec.id}"]`);
      const plot = figure?.querySelector<HTMLElement>('.chart-plot');
      return figure && plot ? [{ spec, figure, plot }] : [];
    });
    const board = new ChartBoard(runs, slots);
    return () => board.destroy();
  }, [runs]);

  return (
    <section className="charts" aria-labelledby="charts-heading">
      <h2 id="charts-heading">{m.charts.heading({ runs: runs.length })}</h2>
      <RunsKey runs={runs} />
      <div className="chart-grid" ref={grid}>
        {chartSpecs.map((spec) => (
          <figure key={spec.id} className="chart" data-chart={spec.id} data-testid={`chart-${spec.id}`}>
            <figcaption>
              <span className="chart-title">{chartText(spec).title}</span>
              <span className="chart-help">{chartText(spec).help}</span>
            </figcaption>
            <div className="chart-plot" />
          </figure>
        ))}
        <SpectrumChart runs={runs} />
        <PairDistanceChart runs={runs} />
      </div>
    </section>
  );
}
