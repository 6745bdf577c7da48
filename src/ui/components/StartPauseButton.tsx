/** The one button that starts and pauses training (in the run controls, and alone in embed mode). */
import { useLab, useLabContext } from '../labContext';

export function StartPauseButton() {
  const { client } = useLabContext();
  const running = useLab((state) => state.running);
  const ready = useLab((state) => state.status === 'ready');
  return (
    <button type="button" className="primary" disabled={!ready} onClick={() => (running ? client.pause() : client.start())}>
      {running ? 'Pause' : 'Start'}
    </button>
  );
}
