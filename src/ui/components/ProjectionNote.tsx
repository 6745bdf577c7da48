/** Says how the embedding dimension d maps onto the drawn sphere. */
import { useLab } from '../labContext';

export function ProjectionNote() {
  // The dimension of what is drawn; before the first snapshot, the configured one.
  const dim = useLab((state) => state.snapshotDim ?? state.config.dim);
  const text =
    dim === 2
      ? 'd = 2: the embeddings lie on a circle, drawn on the equator.'
      : dim === 3
        ? 'd = 3: the embeddings lie on this sphere, drawn as they are.'
        : `Random 3-D projection of the ${dim}-dimensional embedding (not PCA), each point put back on the sphere.`;
  return (
    <p className="projection-note" data-testid="projection-note">
      {text}
    </p>
  );
}
