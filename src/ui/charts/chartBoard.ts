/**
 * Keeps the live charts in step with the run, outside React: it listens to the history, the collapse
 * state and the timeline, and redraws at most once per animation frame, only after something changed.
 * New data is re-decimated; a moved mark alone just redraws.
 */
import type { RunRecorder } from '../history/runRecorder';
import { chartColumns } from './chartData';
import type { ChartMarks } from './chartMarks';
import type { ChartSpec } from './chartSpecs';
import { MetricChart } from './metricChart';

export interface ChartSlot {
  spec: ChartSpec;
  /** Gets `data-points` (the points drawn per series), for tests and curious readers. */
  figure: HTMLElement;
  /** Where uPlot draws; its width follows this element. */
  plot: HTMLElement;
}

export class ChartBoard {
  private readonly charts: { slot: ChartSlot; chart: MetricChart }[];
  private readonly unsubscribers: (() => void)[];
  private readonly resizeObserver: ResizeObserver;
  private frame: number | null = null;
  private drawnVersion = -1;

  constructor(
    private readonly recorder: RunRecorder,
    slots: readonly ChartSlot[],
  ) {
    this.charts = slots.map((slot) => ({ slot, chart: new MetricChart(slot.plot, slot.spec, slot.plot.clientWidth) }));
    const request = () => this.requestDraw();
    this.unsubscribers = [
      recorder.history.subscribe(request),
      recorder.collapse.store.subscribe(request),
      recorder.timeline.store.subscribe(request),
    ];
    this.resizeObserver = new ResizeObserver(() => {
      for (const { slot, chart } of this.charts) chart.setWidth(slot.plot.clientWidth);
    });
    for (const { slot } of this.charts) this.resizeObserver.observe(slot.plot);
    this.requestDraw();
  }

  destroy(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.resizeObserver.disconnect();
    for (const { chart } of this.charts) chart.destroy();
  }

  private requestDraw(): void {
    this.frame ??= requestAnimationFrame(() => {
      this.frame = null;
      this.draw();
    });
  }

  private draw(): void {
    const { history, collapse, timeline } = this.recorder;
    const version = history.getVersion();
    const dataChanged = version !== this.drawnVersion;
    this.drawnVersion = version;
    const dim = history.metrics.latest()?.dim ?? null;
    const { state, step } = collapse.store.getState();
    const collapseMark = state !== 'healthy' && step !== null ? { step, state } : null;
    const { shownStep } = timeline.store.getState();

    for (const { slot, chart } of this.charts) {
      const { reference } = slot.spec;
      const marks: ChartMarks = {
        reference: reference && dim !== null ? { value: reference.value(dim), label: reference.label } : null,
        collapse: collapseMark,
        shownStep,
      };
      if (!dataChanged) {
        chart.setMarks(marks);
        continue;
      }
      const columns = chartColumns(history.metrics, slot.spec.series.map(({ key }) => key));
      chart.setData(columns, marks);
      slot.figure.dataset.points = String(columns[0].length);
    }
  }
}
