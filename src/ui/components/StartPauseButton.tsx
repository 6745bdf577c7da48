/**
 * The one button that starts and pauses training, for every run on the page (in the run controls, and alone in
 * embed mode). Its label is the state the worker confirmed; until it confirms a press, the button says it is busy.
 */
import { useMessages } from '../language/useMessages';
import { usePage, useRunsState } from '../page/pageControllerContext';
import { startOrPause } from '../page/runCommands';

export function StartPauseButton() {
  const m = useMessages();
  const { labs } = usePage();
  const { running, pending, canTrain } = useRunsState(labs);
  return (
    <button type="button" className="primary" disabled={!canTrain} aria-busy={pending} data-pending={pending || undefined} onClick={() => startOrPause(labs)}>
      {running ? m.run.pause : m.run.start}
    </button>
  );
}
