/** A failed run: what happened, and how to go on (Reset in the controls, or dismiss). */
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
  const { store } = useLabContext();
  const error = useLab((state) => state.error);
  if (!error) return null;
  // A crash message already says what happened.
  const title = error.kind === 'crash' ? null : titles[error.kind];
  return (
    <div className="banner banner-error" role="alert">
      <p>
        {title ? <strong>{title} </strong> : null}
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
