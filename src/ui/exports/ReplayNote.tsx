/** Says that the lab shows a saved report, not a live run, and how to train anew. */
import { useLab } from '../labContext';

export function ReplayNote() {
  const replay = useLab((state) => state.replay);
  if (!replay) return null;
  return (
    <div className="banner banner-replay" role="status" data-testid="replay-note">
      <p>
        <strong>Replaying a saved report — press Reset to train anew.</strong>{' '}
        {replay.backend ? `It was trained on ${replay.backend.name}. ` : ''}The timeline moves between its first and latest
        snapshots; the charts show every recorded figure.
      </p>
    </div>
  );
}
