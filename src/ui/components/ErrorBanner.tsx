/** A failed run: what happened, and how to go on (Reset in the controls, Restart for a lost worker, or dismiss). */
import { useMessages } from '../language/useMessages';
import { useLab, useLabContext } from '../labContext';
import { dismissError } from '../store';

export function ErrorBanner() {
  const m = useMessages();
  const { store, client } = useLabContext();
  const error = useLab((state) => state.error);
  if (!error) return null;
  if (error.kind === 'crash' || error.kind === 'unresponsive') {
    const step = client.resumableStep;
    return (
      <div className="banner banner-error" role="alert">
        <p>{error.message}</p>
        <p>
          {step === null ? m.errors.restartFresh : m.errors.restartResume({ step })}
        </p>
        <button type="button" className="primary" onClick={() => client.restart()}>
          {m.errors.restart}
        </button>
      </div>
    );
  }
  return (
    <div className="banner banner-error" role="alert">
      <p>
        <strong>{m.errors[error.kind]} </strong>
        {error.message}
      </p>
      <p>{m.errors.pressReset}</p>
      <button type="button" onClick={() => dismissError(store)}>
        {m.errors.dismiss}
      </button>
    </div>
  );
}
