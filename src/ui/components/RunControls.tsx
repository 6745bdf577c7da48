/** Start/Pause, Step and Reset, acting on every run on the page (one, or both of a comparison). */
import { usePage, useRunsState } from '../page/pageControllerContext';
import { resetRuns, stepOnce } from '../page/runCommands';
import { StartPauseButton } from './StartPauseButton';

export function RunControls() {
  const { labs } = usePage();
  const { running, canTrain } = useRunsState(labs);
  return (
    <div className="run-controls" role="group" aria-label="Training">
      <StartPauseButton />
      <button type="button" disabled={!canTrain || running} onClick={() => stepOnce(labs)}>
        Step
      </button>
      <button type="button" onClick={() => resetRuns(labs)}>
        Reset
      </button>
    </div>
  );
}
