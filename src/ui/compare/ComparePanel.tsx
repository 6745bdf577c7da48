/**
 * In the one-run page: pick a switch of the current method and open two runs that differ only in it, or add a
 * run beside this one (then give it its own settings).
 */
import { useId, useState } from 'react';
import type { BooleanKey } from '../../core/config';
import { MAX_RUNS } from '../../core/urlCodec';
import { settingLabel } from '../language/tables';
import { useMessages } from '../language/useMessages';
import { useLab } from '../labContext';
import { usePageController } from '../page/pageControllerContext';
import { compareSwitches } from './compareSwitch';

export function ComparePanel() {
  const m = useMessages();
  const pages = usePageController();
  const config = useLab((state) => state.config);
  const [chosen, setChosen] = useState<BooleanKey | null>(null);
  const headingId = useId();
  const selectId = useId();
  const switches = compareSwitches(config);
  // A choice from another method's switches falls back to this method's first.
  const key = chosen !== null && switches.includes(chosen) ? chosen : switches[0];
  return (
    <section className="panel compare-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{m.compare.heading}</h2>
      <p className="panel-note">{m.compare.note({ max: MAX_RUNS })}</p>
      {/* A method with no switch that acts in these settings has none to pick; runs can still be added. */}
      {key === undefined ? null : (
        <div className="compare-pick">
          <label htmlFor={selectId}>{m.compare.pick}</label>
          <select id={selectId} value={key} onChange={(event) => setChosen(event.target.value as BooleanKey)}>
            {switches.map((name) => (
              <option key={name} value={name}>
                {settingLabel(name)}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => pages.openComparison(key)}>
            {m.compare.open}
          </button>
        </div>
      )}
      <button type="button" className="compare-add" onClick={() => pages.addRun()} title={m.compare.addRunTitle({ max: MAX_RUNS })}>
        {m.compare.addRun}
      </button>
    </section>
  );
}
