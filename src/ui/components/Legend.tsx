/** Class names with their point colours; each one a toggle that shows or hides that class's points. */
import { classLabel } from '../language/tables';
import { useMessages } from '../language/useMessages';
import { useLab, useLabContext, useSphereOptions } from '../labContext';
import { classColor } from '../sphere/palette';
import { toggleClass } from '../sphere/viewOptions';

export function Legend() {
  const m = useMessages();
  const { sphereOptions } = useLabContext();
  const classNames = useLab((state) => state.classNames);
  const hiddenClasses = useSphereOptions((options) => options.hiddenClasses);
  if (classNames.length === 0) return null;
  return (
    <div className="legend">
      <ul aria-label={m.legend.classes}>
        {classNames.map((name, label) => (
          <li key={label}>
            <button
              type="button"
              className="legend-class"
              aria-pressed={!hiddenClasses.has(label)}
              title={hiddenClasses.has(label) ? m.legend.show({ name: classLabel(name) }) : m.legend.hide({ name: classLabel(name) })}
              onClick={() => sphereOptions.setState({ hiddenClasses: toggleClass(hiddenClasses, label) })}
            >
              <span className="swatch" style={{ backgroundColor: classColor(label) }} aria-hidden="true" />
              {classLabel(name)}
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="legend-all"
        disabled={hiddenClasses.size === 0}
        onClick={() => sphereOptions.setState({ hiddenClasses: new Set() })}
      >
        {m.legend.all}
      </button>
    </div>
  );
}
