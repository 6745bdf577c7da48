import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../core/config';
import { createLiveSnapshot } from '../liveSnapshot';
import { RunRecorder } from './runRecorder';
import { fakeSnapshot } from '../../testing/fakeSnapshot';
import { REPLAY_INTERVAL_MS } from './timeline';

const config = defaultConfig('simsiam');

function recorderWithSteps(...steps: number[]) {
  const live = createLiveSnapshot();
  const recorder = new RunRecorder(live);
  for (const step of steps) recorder.record(fakeSnapshot(step), config);
  return { live, recorder };
}

describe('RunRecorder and its timeline', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows every new snapshot while live', () => {
    const { live } = recorderWithSteps(0, 10, 20);
    expect(live.step).toBe(20);
    expect(live.embeddings[0]).toBe(20);
  });

  it('holds a scrubbed-back snapshot while new ones arrive, until Live', () => {
    const { live, recorder } = recorderWithSteps(0, 10, 20);
    recorder.timeline.scrubTo(1);
    expect(live.step).toBe(10);
    recorder.record(fakeSnapshot(30), config);
    expect(live.step).toBe(10);
    expect(recorder.timeline.store.getState().shownStep).toBe(10);
    recorder.timeline.goLive();
    expect(live.step).toBe(30);
    expect(recorder.timeline.isLive()).toBe(true);
  });

  it('goes live when scrubbed to the end', () => {
    const { live, recorder } = recorderWithSteps(0, 10, 20);
    recorder.timeline.scrubTo(0);
    recorder.record(fakeSnapshot(30), config);
    recorder.timeline.scrubTo(3);
    expect(recorder.timeline.isLive()).toBe(true);
    expect(live.step).toBe(30);
  });

  it('replays from the scrubbed point a few snapshots a second, then goes live', () => {
    const { live, recorder } = recorderWithSteps(0, 10, 20, 30);
    recorder.timeline.scrubTo(1);
    recorder.timeline.play();
    expect(recorder.timeline.store.getState().playing).toBe(true);
    vi.advanceTimersByTime(REPLAY_INTERVAL_MS);
    expect(live.step).toBe(20);
    vi.advanceTimersByTime(REPLAY_INTERVAL_MS);
    expect(live.step).toBe(30);
    expect(recorder.timeline.isLive()).toBe(true);
    expect(recorder.timeline.store.getState().playing).toBe(false);
  });

  it('replays from the first snapshot when live', () => {
    const { live, recorder } = recorderWithSteps(0, 10, 20);
    recorder.timeline.play();
    expect(live.step).toBe(0);
    recorder.timeline.pause();
    vi.advanceTimersByTime(10 * REPLAY_INTERVAL_MS);
    expect(live.step).toBe(0);
  });

  it('clears history, collapse state and the scrubbed position for a new run', () => {
    const live = createLiveSnapshot();
    const recorder = new RunRecorder(live);
    recorder.record(fakeSnapshot(0), config);
    recorder.record(fakeSnapshot(10, { collapseStd: 0.01, uniformity: -0.001 }), config);
    expect(recorder.collapse.store.getState()).toMatchObject({ state: 'collapsed', step: 10 });
    recorder.timeline.scrubTo(0);
    recorder.clear();
    expect(recorder.history.metrics.length).toBe(0);
    expect(recorder.collapse.store.getState()).toMatchObject({ state: 'healthy', step: null });
    expect(recorder.timeline.isLive()).toBe(true);
  });
});

describe('RunRecorder.restore', () => {
  it('replaces the run with a saved one: figures, kept snapshots, collapse verdict and the latest on the sphere', () => {
    const { live, recorder } = recorderWithSteps(0, 10);
    const saved = recorderWithSteps(0, 10, 20, 30).recorder.history;
    const collapsed = { ...saved.metrics.at(3)!, stdScaled: 0.01, uniformity: -0.001 };
    const points = [saved.metrics.at(0)!, saved.metrics.at(1)!, saved.metrics.at(2)!, collapsed];
    recorder.timeline.scrubTo(0);
    recorder.restore(points, [saved.kept[0]!, saved.kept[3]!], config);
    expect(recorder.history.metrics.length).toBe(4);
    expect(recorder.history.kept.map((s) => s.step)).toEqual([0, 30]);
    expect(recorder.collapse.store.getState()).toMatchObject({ state: 'collapsed', step: 30 });
    expect(recorder.timeline.isLive()).toBe(true);
    expect(live.step).toBe(30);
    recorder.timeline.scrubTo(0);
    expect(live.step).toBe(0);
  });
});
