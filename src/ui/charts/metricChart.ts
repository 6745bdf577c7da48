/** One small uPlot line chart of a metric against step (for one run, or several overlaid), with its marks drawn on top. */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartData } from './chartData';
import { type ChartMarks, drawMarks, noMarks } from './chartMarks';
import type { ChartSpec } from './chartSpecs';

/** How one of several overlaid runs is told apart: its tag in labels ("A"), its name, its colour. */
export interface RunLegend {
  tag: string;
  label: string;
  color: string;
}

const DASH = [5, 3];

/** A line per run and metric, in the order of alignRuns' columns; a lone run (null) keeps the spec's colours. */
function seriesOf(spec: ChartSpec, runs: readonly (RunLegend | null)[]): uPlot.Series[] {
  return runs.flatMap((run) =>
    spec.series.map(({ label, color, dashed }) => ({
      label: run ? `${label} (${run.tag})` : label,
      stroke: run?.color ?? color,
      width: 1.5,
      ...(dashed ? { dash: DASH } : {}),
      // Overlaid runs have gaps where the other run has a point.
      spanGaps: true,
      points: { show: false },
    })),
  );
}

const CHART_HEIGHT = 130;

const axisStyle = {
  stroke: '#4f5b67',
  font: '11px system-ui, sans-serif',
  grid: { stroke: '#e8ecf0', width: 1 },
  ticks: { show: false },
};

export class MetricChart {
  private readonly plot: uPlot;
  private marks: ChartMarks = noMarks;

  constructor(target: HTMLElement, private readonly spec: ChartSpec, runs: readonly (RunLegend | null)[], width: number) {
    const series = seriesOf(spec, runs);
    const options: uPlot.Options = {
      width,
      height: CHART_HEIGHT,
      legend: { show: false },
      // Hover shows where you are; dragging to zoom would be undone by the next snapshot.
      cursor: { y: false, points: { show: false }, drag: { x: false, y: false, setScale: false } },
      scales: { x: { time: false }, y: { range: (_u, min, max) => this.yRange(min, max) } },
      axes: [
        { ...axisStyle, size: 26 },
        { ...axisStyle, size: 46 },
      ],
      series: [{ label: 'Step' }, ...series],
      hooks: { draw: [(u: uPlot) => drawMarks(u, this.marks)] },
    };
    const empty: ChartData = [new Float64Array(0), ...series.map(() => new Float64Array(0))];
    this.plot = new uPlot(options, empty, target);
  }

  /** New data: rescales and redraws. */
  setData(columns: ChartData, marks: ChartMarks): void {
    this.marks = marks;
    this.plot.setData(columns);
  }

  /** Same data, new marks: redraws from the cached paths. */
  setMarks(marks: ChartMarks): void {
    this.marks = marks;
    this.plot.redraw(false, false);
  }

  setWidth(width: number): void {
    if (width > 0 && width !== this.plot.width) this.plot.setSize({ width, height: CHART_HEIGHT });
  }

  destroy(): void {
    this.plot.destroy();
  }

  /** The data's range, widened to the values that must stay in view and padded a little. */
  private yRange(min: number, max: number): uPlot.Range.MinMax {
    if (this.spec.yRange) return this.spec.yRange;
    const shown = [min, max, ...(this.spec.yIncludes ?? []), ...(this.marks.reference ? [this.marks.reference.value] : [])];
    const finite = shown.filter((value) => Number.isFinite(value));
    if (finite.length === 0) return [0, 1];
    const low = Math.min(...finite);
    const high = Math.max(...finite);
    const pad = high > low ? (high - low) * 0.08 : Math.max(Math.abs(high) * 0.1, 0.1);
    return [low - pad, high + pad];
  }
}
