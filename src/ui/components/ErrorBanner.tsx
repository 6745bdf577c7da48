/** A failed run: what happened, and how to go on (Reset in the controls, Restart for a lost worker, or dismiss). */
import type { ErrorKind } from '../../worker/protocol';
import { useLab, useLabContext } from '../labContext';
import { dismissError } from '../store';

const titles: Record<ErrorKind, string> = {
  dataset: 'Could not load the dataset.',
  backend: 'The compute backend failed.',
  nan: 'Training diverged: the loss became NaN.',
  internal: 'Training stopped on an internal error.',
};

export function ErrorBanner() {
  const { store, client } = useLabContext();
  const error = useLab((state) => state.error);
  if (!error) return null;
  if (error.kind === 'crash' || error.kind === 'unresponsive') {
    const step = client.resumableStep;
    return (
      <div className="banner banner-error" role="alert">
        <p>{error.message}</p>
        <p>
          {step === null
            ? 'Restart starts a new training worker, from step 0 (no checkpoint was taken yet).'
            : `Restart starts a new training worker and resumes the run from step ${step}, its last checkpoint; the timeline is kept.`}
        </p>
        <button type="button" className="primary" onClick={() => client.restart()}>
          Restart
        </button>
      </div>
    );
  }
  return (
    <div className="banner banner-error" role="alert">
      <p>
        <strong>{titles[error.kind]} </strong>
        {error.message}
      </p>
      <p>
        Press Reset to start again{error.kind === 'nan' ? ', perhaps with a lower learning rate' : ''}.
      </p>
      <button type="button" onClick={() => dismissError(store)}>
        Dismiss error
      </button>
    </div>
  );
}
