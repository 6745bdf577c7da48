/** Start/Pause, Step and Reset, acting on every run on the page (one, or every run of a comparison). */
import { usePage, useRunsState } from '../page/pageControllerContext';
import { useMessages } from '../language/useMessages';
import { resetRuns, stepOnce } from '../page/runCommands';
import { StartPauseButton } from './StartPauseButton';

export function RunControls() {
  const m = useMessages();
  const { labs } = usePage();
  const { running, canTrain } = useRunsState(labs);
  return (
    <div className="run-controls" role="group" aria-label={m.run.group}>
      <StartPauseButton />
      <button type="button" disabled={!canTrain || running} onClick={() => stepOnce(labs)}>
        {m.run.step}
      </button>
      <button type="button" onClick={() => resetRuns(labs)}>
        {m.run.reset}
      </button>
    </div>
  );
}
