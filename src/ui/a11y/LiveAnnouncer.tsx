/**
 * Two regions that only screen readers hear (see announcements.ts for what they say and when): the run's
 * figures, politely and sparingly, and a collapse verdict, assertively and once per run. They are always in
 * the page, empty at first, so that screen readers watch them before anything is said.
 */
import { useEffect, useState } from 'react';
import { useLabContext } from '../labContext';
import { CollapseAnnouncer, FiguresAnnouncer } from './announcements';

/** `runName` names the run in a comparison ("Run A"), where two runs speak. */
export function LiveAnnouncer({ runName }: { runName?: string }) {
  const { store, client } = useLabContext();
  const { history, collapse } = client.recorder;
  const [figures, setFigures] = useState('');
  const [alert, setAlert] = useState('');
  const prefix = runName ? `${runName}: ` : '';

  useEffect(() => {
    const announcer = new FiguresAnnouncer();
    const read = (): void => {
      const { running, step } = store.getState();
      const text = announcer.next({ running, step, figures: history.metrics.latest() ?? null }, performance.now());
      if (text !== null) setFigures(prefix + text);
    };
    read();
    const stops = [store.subscribe(read), history.subscribe(read)];
    return () => stops.forEach((stop) => stop());
  }, [store, history, prefix]);

  useEffect(() => {
    const announcer = new CollapseAnnouncer();
    const read = (): void => {
      const text = announcer.next(collapse.store.getState(), history.metrics.latest()?.step ?? null);
      if (text !== null) setAlert(text === '' ? '' : prefix + text);
    };
    read();
    return collapse.store.subscribe(read);
  }, [collapse, history, prefix]);

  return (
    <>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="figures-announcement">
        {figures}
      </div>
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true" data-testid="collapse-announcement">
        {alert}
      </div>
    </>
  );
}
