/**
 * The one button that starts and pauses training, for every run on the page (in the run controls, and alone in
 * embed mode). Its label is the state the worker confirmed; until it confirms a press, the button says it is busy.
 */
import { useMessages } from '../i18n/useMessages';
import { usePage, useRunsState } from '../page/pageControllerContext';

export function StartPauseButton() {
  const m = useMessages();
  const { labs } = usePage();
  const { running, pending, canTrain } = useRunsState(labs);
  const press = (): void => {
    for (const { client } of labs) {
      if (running) client.pause();
      else client.start();
    }
  };
  return (
    <button type="button" className="primary" disabled={!canTrain} aria-busy={pending} data-pending={pending || undefined} onClick={press}>
      {running ? m.run.pause : m.run.start}
    </button>
  );
}
