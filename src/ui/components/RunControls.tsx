/** Start/Pause, Step and Reset. */
import { useLab, useLabContext } from '../labContext';
import { StartPauseButton } from './StartPauseButton';

export function RunControls() {
  const { client } = useLabContext();
  const running = useLab((state) => state.running);
  const ready = useLab((state) => state.status === 'ready');
  return (
    <div className="run-controls" role="group" aria-label="Training">
      <StartPauseButton />
      <button type="button" disabled={!ready || running} onClick={() => client.step()}>
        Step
      </button>
      {/* Always available: it also replaces a worker that failed or crashed. */}
      <button type="button" onClick={() => client.reset()}>
        Reset
      </button>
    </div>
  );
}
