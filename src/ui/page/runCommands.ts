/** Start/Pause, Step and Reset over every run on the page (one, or every run of a comparison): for the buttons and the shortcuts. */
import { methodCatalog } from '../../methods/catalog';
import type { Lab } from '../labContext';

export function anyRunning(labs: readonly Lab[]): boolean {
  return labs.some(({ store }) => store.getState().running);
}

/** All runs are ready, none is a replayed report, and at least one has something to train (random init has not). */
export function allCanTrain(labs: readonly Lab[]): boolean {
  const ready = labs.every(({ store }) => {
    const { status, replay } = store.getState();
    return status === 'ready' && replay === null;
  });
  return ready && labs.some(({ store }) => !methodCatalog[store.getState().config.method].untrained);
}

export function startOrPause(labs: readonly Lab[]): void {
  if (!allCanTrain(labs)) return;
  const running = anyRunning(labs);
  for (const { client } of labs) {
    if (running) client.pause();
    else client.start();
  }
}

/** One step of each run, while they are paused. */
export function stepOnce(labs: readonly Lab[]): void {
  if (!allCanTrain(labs) || anyRunning(labs)) return;
  labs.forEach(({ client }) => client.step());
}

/** Always available: it also replaces a worker that failed or crashed, and ends a replayed report. */
export function resetRuns(labs: readonly Lab[]): void {
  labs.forEach(({ client }) => client.reset());
}
