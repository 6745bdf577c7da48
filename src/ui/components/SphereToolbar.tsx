/** How the sphere is drawn: the overlays, auto-rotation, point size, and a way back to the first view. */
import { useId } from 'react';
import { densityRampKey } from '../sphere/densityRamp';
import { useLabContext, useSphereOptions } from '../labContext';
import { pointSizeRange, type SphereOptions } from '../sphere/viewOptions';

type SwitchKey = 'pairLines' | 'density' | 'autoRotate';

function ViewSwitch({ optionKey, label, title }: { optionKey: SwitchKey; label: string; title: string }) {
  const id = useId();
  const { sphereOptions } = useLabContext();
  const checked = useSphereOptions((options) => options[optionKey]);
  return (
    <div className="view-switch" title={title}>
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch"
        checked={checked}
        onChange={(event) => sphereOptions.setState({ [optionKey]: event.target.checked } as Partial<SphereOptions>)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

function DensityKey() {
  return (
    <div className="density-key" aria-label={`Density colour scale, from ${densityRampKey.low}× to ${densityRampKey.high}× a uniform spread`} role="img">
      <span className="density-key-bar" style={{ background: densityRampKey.gradient }} />
      <span className="density-key-labels" aria-hidden="true">
        <span>1/{1 / densityRampKey.low}×</span>
        <span style={{ left: `${densityRampKey.uniformAt * 100}%` }}>uniform</span>
        <span>{densityRampKey.high}×</span>
      </span>
    </div>
  );
}

export function SphereToolbar({ onResetView }: { onResetView: () => void }) {
  const sizeId = useId();
  const { sphereOptions } = useLabContext();
  const density = useSphereOptions((options) => options.density);
  const pointSize = useSphereOptions((options) => options.pointSize);
  return (
    <div className="sphere-toolbar" role="group" aria-label="Sphere view">
      <ViewSwitch optionKey="pairLines" label="Pair lines" title="Join each sampled image's two augmented views: short arcs mean good alignment." />
      <ViewSwitch optionKey="density" label="Density" title="Shade the sphere by how densely the points cover it." />
      {density ? <DensityKey /> : null}
      <ViewSwitch optionKey="autoRotate" label="Auto-rotate" title="Turn the sphere slowly." />
      <div className="view-slider">
        <label htmlFor={sizeId}>Point size</label>
        <input
          id={sizeId}
          type="range"
          min={pointSizeRange.min}
          max={pointSizeRange.max}
          step={pointSizeRange.step}
          value={pointSize}
          onChange={(event) => sphereOptions.setState({ pointSize: Number(event.target.value) })}
        />
      </div>
      <button type="button" className="view-reset" onClick={onResetView}>
        Reset view
      </button>
    </div>
  );
}
