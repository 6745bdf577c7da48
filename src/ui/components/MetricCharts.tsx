/**
 * The live charts, one per metric. React only lays out the figures; a ChartBoard draws into them with
 * uPlot and keeps them current (and their `data-points`) without re-rendering anything.
 */
import { useEffect, useRef } from 'react';
import { ChartBoard, type ChartSlot } from '../charts/chartBoard';
import { chartSpecs } from '../charts/chartSpecs';
import { useRecorder } from '../history/hooks';

export function MetricCharts() {
  const recorder = useRecorder();
  const grid = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const slots = chartSpecs.flatMap((spec): ChartSlot[] => {
      const figure = grid.current?.querySelector<HTMLElement>(`[data-chart="${spec.id}"]`);
      const plot = figure?.querySelector<HTMLElement>('.chart-plot');
      return figure && plot ? [{ spec, figure, plot }] : [];
    });
    const board = new ChartBoard(recorder, slots);
    return () => board.destroy();
  }, [recorder]);

  return (
    <section className="charts" aria-labelledby="charts-heading">
      <h2 id="charts-heading">Over the run</h2>
      <div className="chart-grid" ref={grid}>
        {chartSpecs.map((spec) => (
          <figure key={spec.id} className="chart" data-chart={spec.id} data-testid={`chart-${spec.id}`}>
            <figcaption>
              <span className="chart-title">{spec.title}</span>
              <span className="chart-help">{spec.help}</span>
            </figcaption>
            <div className="chart-plot" />
          </figure>
        ))}
      </div>
    </section>
  );
}
