/** Start/Pause, Step and Reset, acting on every run on the page (one, or both of a comparison). */
import { usePage, useRunsState } from '../page/pageControllerContext';
import { useMessages } from '../i18n/useMessages';
import { StartPauseButton } from './StartPauseButton';

export function RunControls() {
  const m = useMessages();
  const { labs } = usePage();
  const { running, canTrain } = useRunsState(labs);
  return (
    <div className="run-controls" role="group" aria-label={m.run.group}>
      <StartPauseButton />
      <button type="button" disabled={!canTrain || running} onClick={() => labs.forEach(({ client }) => client.step())}>
        {m.run.step}
      </button>
      {/* Always available: it also replaces a worker that failed or crashed, and ends a replayed report. */}
      <button type="button" onClick={() => labs.forEach(({ client }) => client.reset())}>
        {m.run.reset}
      </button>
    </div>
  );
}
