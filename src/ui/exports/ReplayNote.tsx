/** Says that the lab shows a saved report, not a live run, and how to train anew. */
import { useMessages } from '../language/useMessages';
import { useLab } from '../labContext';

export function ReplayNote() {
  const m = useMessages();
  const replay = useLab((state) => state.replay);
  if (!replay) return null;
  return (
    <div className="banner banner-replay" role="status" data-testid="replay-note">
      <p>
        <strong>{m.exports.replayHeadline}</strong> {replay.backend ? m.exports.replayBackend({ backend: replay.backend.name }) : ''}
        {m.exports.replayRest}
      </p>
    </div>
  );
}
