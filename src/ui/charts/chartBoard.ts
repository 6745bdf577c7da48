/**
 * Keeps the live charts in step with one run, or several overlaid, outside React: it listens to each run's
 * history, collapse state and timeline, and redraws at most once per animation frame, only after something
 * changed. New data is re-decimated; a moved mark alone just redraws.
 */
import { subscribeLocale } from '../../i18n/locale';
import { messages } from '../../i18n/messages';
import { chartText } from '../language/tables';
import type { RunRecorder } from '../history/runRecorder';
import { alignRuns, chartColumns } from './chartData';
import type { ChartMarks } from './chartMarks';
import type { ChartSpec } from './chartSpecs';
import { MetricChart, type RunLegend } from './metricChart';

export interface ChartSlot {
  spec: ChartSpec;
  /** Gets `data-points` (the most points drawn per series), for tests and curious readers. */
  figure: HTMLElement;
  /** Where uPlot draws; its width follows this element. */
  plot: HTMLElement;
}

/** A run on the charts; `legend` tells overlaid runs apart and is null for a lone run. */
export interface ChartRun {
  recorder: RunRecorder;
  legend: RunLegend | null;
}

export class ChartBoard {
  private readonly charts: { slot: ChartSlot; chart: MetricChart }[];
  private readonly unsubscribers: (() => void)[];
  private readonly resizeObserver: ResizeObserver;
  private frame: number | null = null;
  private drawnVersions: number[] = [];

  constructor(
    private readonly runs: readonly ChartRun[],
    slots: readonly ChartSlot[],
  ) {
    const legends = runs.map(({ legend }) => legend);
    this.charts = slots.map((slot) => ({ slot, chart: new MetricChart(slot.plot, slot.spec, legends, slot.plot.clientWidth) }));
    const request = () => this.requestDraw();
    this.unsubscribers = runs.flatMap(({ recorder }) => [
      recorder.history.subscribe(request),
      recorder.collapse.store.subscribe(request),
      recorder.timeline.store.subscribe(request),
    ]);
    // The marks' labels are words: a change of language redraws them.
    this.unsubscribers.push(subscribeLocale(request));
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
    const versions = this.runs.map(({ recorder }) => recorder.history.getVersion());
    const dataChanged = versions.some((version, index) => version !== this.drawnVersions[index]);
    this.drawnVersions = versions;
    // Overlaid runs differ in one switch, never in d.
    const dim = this.runs.map(({ recorder }) => recorder.history.metrics.latest()?.dim).find((d) => d !== undefined) ?? null;
    const collapses = this.runs.flatMap(({ recorder, legend }): ChartMarks['collapses'] => {
      const { state, step } = recorder.collapse.store.getState();
      if (state === 'healthy' || step === null) return [];
      const name = messages().collapse.marks[state];
      return [{ step, state, label: legend ? `${legend.tag} ${name}` : name }];
    });
    const shownSteps = this.runs.flatMap(({ recorder }) => recorder.timeline.store.getState().shownStep ?? []);

    for (const { slot, chart } of this.charts) {
      const { reference } = slot.spec;
      const marks: ChartMarks = {
        reference: reference && dim !== null ? { value: reference.value(dim), label: chartText(slot.spec).reference ?? '' } : null,
        collapses,
        shownSteps,
      };
      if (!dataChanged) {
        chart.setMarks(marks);
        continue;
      }
      const keys = slot.spec.series.map(({ key }) => key);
      const tables = this.runs.map(({ recorder }) => chartColumns(recorder.history.metrics, keys));
      chart.setData(alignRuns(tables), marks);
      slot.figure.dataset.points = String(Math.max(...tables.map(([steps]) => steps.length)));
    }
  }
}
