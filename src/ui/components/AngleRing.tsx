/**
 * Wang & Isola's angle picture beside the sphere (their Figure 1): the angle of each embedding in two coordinates
 * (the whole embedding when d = 2), the points and the density of all of them around a ring, and per class the
 * density of its angles in a strip. Even = uniform; a spike = collapse.
 */
import { useEffect, useId, useRef } from 'react';
import { useMessages } from '../language/useMessages';
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
  const m = useMessages();
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
      <h2 id={titleId}>{m.angleRing.heading}</h2>
      {dim === 2 ? (
        <p className="angle-ring-what">{m.angleRing.circle}</p>
      ) : (
        <p className="angle-ring-what">
          {m.angleRing.before}
          <DimensionSelect which={0} label={m.angleRing.first} dim={dim} pair={pair} />
          {m.angleRing.between}
          <DimensionSelect which={1} label={m.angleRing.second} dim={dim} pair={pair} />
          {m.angleRing.after}
        </p>
      )}
      <canvas
        ref={canvasRef}
        className="angle-ring-canvas"
        role="img"
        aria-label={m.angleRing.canvas({ first: first + 1, second: second + 1 })}
      />
      <p className="angle-ring-note">
        {m.angleRing.note({ kappa: ANGLE_KAPPA })}
      </p>
    </section>
  );
}
