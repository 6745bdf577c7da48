/** What one chart draws: its metrics against step, only where measured, decimated to a fixed budget. */
import type { FigureKey } from '../../metrics/snapshotFigures';
import type { MetricSeries } from '../history/metricSeries';
import { decimationIndices } from './decimate';

/** Points per series on screen: smooth to draw, and more than a small chart has pixels across. */
const MAX_CHART_POINTS = 1000;

/** Steps, then one column per key (uPlot's aligned data layout). */
export type ChartColumns = [steps: Float64Array, ...values: Float64Array[]];

/** Several runs' columns on one step axis: null where a run has no point at that step. */
export type ChartData = [steps: Float64Array, ...values: (Float64Array | (number | null)[])[]];

export function chartColumns(metrics: MetricSeries, keys: readonly FigureKey[], maxPoints = MAX_CHART_POINTS): ChartColumns {
  const steps = metrics.column('step');
  const columns = keys.map((key) => metrics.column(key));
  // Rows where every drawn metric was measured (kNN only every 50 steps; the loss not before step 1).
  const measured: number[] = [];
  for (let row = 0; row < steps.length; row++) {
    if (columns.every((column) => Number.isFinite(column[row]!))) measured.push(row);
  }
  const measuredColumns = columns.map((column) => Float64Array.from(measured, (row) => column[row]!));
  const picked = decimationIndices(measuredColumns, maxPoints);
  return [
    Float64Array.from(picked, (index) => steps[measured[index]!]!),
    ...measuredColumns.map((column) => Float64Array.from(picked, (index) => column[index]!)),
  ];
}

/**
 * Puts several runs' columns on the union of their steps (runs train at their own pace), each run's values
 * null at the steps it lacks, its columns in run order. A lone run is returned as it is.
 */
export function alignRuns(tables: readonly ChartColumns[]): ChartData {
  if (tables.length === 1) return tables[0]!;
  const steps = Float64Array.from(new Set(tables.flatMap(([runSteps]) => [...runSteps]))).sort();
  const columns = tables.flatMap(([runSteps, ...values]) => {
    const rowAt = new Map(Array.from(runSteps, (step, row) => [step, row]));
    return values.map((column) =>
      Array.from(steps, (step) => {
        const row = rowAt.get(step);
        return row === undefined ? null : column[row]!;
      }),
    );
  });
  return [steps, ...columns];
}
