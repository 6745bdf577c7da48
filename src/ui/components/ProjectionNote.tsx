/** Says how the embedding dimension d maps onto the drawn sphere. */
import { useMessages } from '../language/useMessages';
import { useLab } from '../labContext';

export function ProjectionNote() {
  const m = useMessages();
  // The dimension of what is drawn; before the first snapshot, the configured one.
  const dim = useLab((state) => state.snapshotDim ?? state.config.dim);
  const text = dim === 2 ? m.projection.circle : dim === 3 ? m.projection.sphere : m.projection.projected({ dim });
  return (
    <p className="projection-note" data-testid="projection-note">
      {text}
    </p>
  );
}
