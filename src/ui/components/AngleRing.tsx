/**
 * Wang & Isola's angle picture beside the sphere: per class, the density of each embedding's angle in two
 * coordinates (the whole embedding when d = 2) drawn around a ring. Even rings = uniform; a spike = collapse.
 */
import { useEffect, useId, useRef } from 'react';
import { useLab, useLabContext, useSphereOptions } from '../labContext';
import { ANGLE_KAPPA } from '../sphere/angleDensity';
import { AngleRingPlot } from '../sphere/angleRingPlot';
import { chooseRingDim, ringDimsFor } from '../sphere/viewOptions';

function DimensionSelect({ which, label, dim, pair }: { which: 0 | 1; label: string; dim: number; pair: readonly [number, number] }) {
  const { sphereOptions } = useLabContext();
  return (
    <select
      aria-label={label}
      value={pair[which]}
      onChange={(event) => sphereOptions.setState({ ringDims: chooseRingDim(pair, which, Number(event.target.value)) })}
    >
      {Array.from({ length: dim }, (_, i) => (
        <option key={i} value={i}>
          x{i + 1}
        </option>
      ))}
    </select>
  );
}

export function AngleRing() {
  const { live, sphereOptions } = useLabContext();
  // The dimension of what is drawn; before the first snapshot, the configured one.
  const dim = useLab((state) => state.snapshotDim ?? state.config.dim);
  const pair = ringDimsFor(useSphereOptions((options) => options.ringDims), dim);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const titleId = useId();

  useEffect(() => {
    const plot = new AngleRingPlot(canvasRef.current!, live, sphereOptions);
    return () => plot.dispose();
  }, [live, sphereOptions]);

  const [first, second] = pair;
  return (
    <section className="angle-ring" aria-labelledby={titleId}>
      <h2 id={titleId}>Angle density</h2>
      {dim === 2 ? (
        <p className="angle-ring-what">d = 2: the angle of each embedding on its circle.</p>
      ) : (
        <p className="angle-ring-what">
          The angle of each embedding in <DimensionSelect which={0} label="First dimension" dim={dim} pair={pair} /> and{' '}
          <DimensionSelect which={1} label="Second dimension" dim={dim} pair={pair} />.
        </p>
      )}
      <canvas
        ref={canvasRef}
        className="angle-ring-canvas"
        role="img"
        aria-label={`Per-class density of the angle of coordinates x${first + 1} and x${second + 1}, drawn around a circle`}
      />
      <p className="angle-ring-note">
        One curve per class: von Mises kernel density (κ = {ANGLE_KAPPA}), radius ∝ √density. Dashed: a uniform spread. Even
        rings = uniform; a spike = collapse.
      </p>
    </section>
  );
}
