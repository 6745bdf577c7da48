/**
 * The timeline under the sphere: a slider over the kept snapshots. Scrubbing back shows that snapshot on
 * the sphere and holds it there while training goes on; Play replays from there, Live (or the slider's
 * end) follows the run again. Arrow keys, Page Up/Down, Home and End move the slider.
 */
import { useStore } from 'zustand';
import { useHistoryVersion, useRecorder } from '../history/hooks';
import { useMessages } from '../language/useMessages';

export function Timeline() {
  const m = useMessages();
  const { history, timeline } = useRecorder();
  useHistoryVersion(); // re-renders (throttled) as snapshots arrive
  const shownStep = useStore(timeline.store, (state) => state.shownStep);
  const playing = useStore(timeline.store, (state) => state.playing);
  const kept = history.kept;
  const live = shownStep === null;
  const index = Math.max(0, timeline.shownIndex());
  const step = kept[index]?.step ?? 0;
  const latestStep = kept.at(-1)?.step ?? 0;
  const canMove = kept.length > 1;
  const position = live ? m.timeline.atLive({ step: latestStep }) : m.timeline.at({ step, latest: latestStep });

  return (
    <div className="timeline" role="group" aria-label={m.timeline.group}>
      <button type="button" disabled={!canMove} onClick={() => (playing ? timeline.pause() : timeline.play())}>
        {playing ? m.timeline.stop : m.timeline.play}
      </button>
      <input
        type="range"
        aria-label={m.timeline.slider}
        aria-valuetext={position}
        min={0}
        max={Math.max(0, kept.length - 1)}
        step={1}
        value={index}
        disabled={!canMove}
        onChange={(event) => timeline.scrubTo(Number(event.target.value))}
      />
      <button type="button" disabled={live} onClick={() => timeline.goLive()}>
        {m.timeline.live}
      </button>
      <span className="timeline-position" data-testid="timeline-position">
        {position}
      </span>
    </div>
  );
}
