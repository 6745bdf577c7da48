/** How the sphere is drawn: the overlays, auto-rotation, point size, and a way back to the first view. */
import { useId } from 'react';
import { densityRampKey } from '../sphere/densityRamp';
import { useMessages } from '../language/useMessages';
import { useLabContext, useSphereOptions } from '../labContext';
import { type PointColouring, pointColourings, pointSizeRange, type SphereOptions } from '../sphere/viewOptions';

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
  const m = useMessages();
  return (
    <div className="density-key" aria-label={m.sphere.densityKey(densityRampKey)} role="img">
      <span className="density-key-bar" style={{ background: densityRampKey.gradient }} />
      <span className="density-key-labels" aria-hidden="true">
        <span>1/{1 / densityRampKey.low}×</span>
        <span style={{ left: `${densityRampKey.uniformAt * 100}%` }}>{m.sphere.uniform}</span>
        <span>{densityRampKey.high}×</span>
      </span>
    </div>
  );
}

export function SphereToolbar({ onResetView }: { onResetView: () => void }) {
  const m = useMessages();
  const sizeId = useId();
  const { sphereOptions } = useLabContext();
  const density = useSphereOptions((options) => options.density);
  const pointSize = useSphereOptions((options) => options.pointSize);
  const colourBy = useSphereOptions((options) => options.colourBy);
  const colourById = useId();
  return (
    <div className="sphere-toolbar" role="group" aria-label={m.sphere.toolbar}>
      <ViewSwitch optionKey="pairLines" label={m.sphere.pairLines} title={m.sphere.pairLinesTitle} />
      <ViewSwitch optionKey="density" label={m.sphere.density} title={m.sphere.densityTitle} />
      {density ? <DensityKey /> : null}
      <ViewSwitch optionKey="autoRotate" label={m.sphere.autoRotate} title={m.sphere.autoRotateTitle} />
      <div className="view-slider">
        <label htmlFor={sizeId}>{m.sphere.pointSize}</label>
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
      <div className="view-slider">
        <label htmlFor={colourById}>{m.sphere.colourBy}</label>
        <select id={colourById} value={colourBy} title={m.sphere.colourByTitle} onChange={(event) => sphereOptions.setState({ colourBy: event.target.value as PointColouring })}>
          {pointColourings.map((colouring) => (
            <option key={colouring} value={colouring}>
              {m.sphere.colourings[colouring]}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="view-reset" onClick={onResetView}>
        {m.sphere.resetView}
      </button>
    </div>
  );
}
