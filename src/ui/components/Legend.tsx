/** Class names with their point colours. */
import { useLab } from '../labContext';
import { classColor } from '../sphere/palette';

export function Legend() {
  const classNames = useLab((state) => state.classNames);
  if (classNames.length === 0) return null;
  return (
    <ul className="legend" aria-label="Classes">
      {classNames.map((name, label) => (
        <li key={label}>
          <span className="swatch" style={{ backgroundColor: classColor(label) }} aria-hidden="true" />
          {name}
        </li>
      ))}
    </ul>
  );
}
