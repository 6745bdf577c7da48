/** In the one-run page: pick a switch of the current method and open two runs that differ only in it. */
import { useId, useState } from 'react';
import { type BooleanKey, configSpec } from '../../core/config';
import { useLab } from '../labContext';
import { usePageController } from '../page/pageControllerContext';
import { compareSwitches } from './compareSwitch';

export function ComparePanel() {
  const pages = usePageController();
  const config = useLab((state) => state.config);
  const [chosen, setChosen] = useState<BooleanKey | null>(null);
  const headingId = useId();
  const selectId = useId();
  const switches = compareSwitches(config);
  // A choice from another method's switches falls back to this method's first.
  const key = chosen !== null && switches.includes(chosen) ? chosen : switches[0];
  if (key === undefined) return null;
  return (
    <section className="panel compare-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Compare</h2>
      <p className="panel-note">Train two runs side by side, with these settings and seed, one with a switch on and one with it off.</p>
      <div className="compare-pick">
        <label htmlFor={selectId}>Switch to compare</label>
        <select id={selectId} value={key} onChange={(event) => setChosen(event.target.value as BooleanKey)}>
          {switches.map((name) => (
            <option key={name} value={name}>
              {configSpec[name].label}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => pages.openComparison(key)}>
          Open comparison
        </button>
      </div>
    </section>
  );
}
