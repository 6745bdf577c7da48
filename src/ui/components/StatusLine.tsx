/**
 * The live figures of the run. Each figure has a stable test id; the store updates them a few times a second,
 * too often for a live region: screen readers hear them through the LiveAnnouncer instead.
 */
import { methodCatalog } from '../../methods/catalog';
import { startupPhases } from '../../train/startupPhases';
import { formatCollapseStd, formatFixed } from '../format';
import { useMessages } from '../language/useMessages';
import { useLab } from '../labContext';

const MEGABYTE = 1024 * 1024;

export function StatusLine() {
  const m = useMessages();
  const status = useLab((state) => state.status);
  const backend = useLab((state) => state.backend);
  const step = useLab((state) => state.step);
  const stepsPerSec = useLab((state) => state.stepsPerSec);
  const loss = useLab((state) => state.loss);
  const collapseStd = useLab((state) => state.collapseStd);
  const snapshotDim = useLab((state) => state.snapshotDim);
  const snapshotMs = useLab((state) => state.snapshotMs);
  const runNote = useLab((state) => state.runNote);
  const untrained = useLab((state) => methodCatalog[state.config.method].untrained === true);
  const memory = useLab((state) => state.workerMemory);
  const phases = useLab((state) => state.phases);
  const collapse = formatCollapseStd(collapseStd, snapshotDim);
  // The phase begun last is the one the worker is in (the data downloads beside the backend's start).
  const phase = phases.active.at(-1);
  const times = startupPhases
    .filter((name) => phases.times[name] !== undefined)
    .map((name) => `${m.status.phaseName[name]} ${formatFixed(phases.times[name]! / 1000, 1)} s`)
    .join(' · ');

  return (
    <div className="status">
      <dl className="figures">
        <div className="figure figure-backend" title={times ? m.status.startupTimes({ times }) : undefined}>
          <dt>{m.status.backend}</dt>
          <dd>
            <span data-testid="backend">{backend?.name ?? (status === 'loading' ? m.status.starting : '—')}</span>
            {backend ? (
              <span className="backend-reason">
                {' '}
                — {backend.reason}
                {(backend.threads ?? 1) > 1 ? m.status.threads({ threads: backend.threads! }) : ''}
              </span>
            ) : null}
          </dd>
        </div>
        <div className="figure">
          <dt>{m.status.step}</dt>
          <dd data-testid="step">{step}</dd>
        </div>
        <div className="figure">
          <dt>{m.status.stepsPerSec}</dt>
          <dd data-testid="steps-per-sec">{formatFixed(stepsPerSec, 1)}</dd>
        </div>
        <div className="figure" title={m.status.snapshotMsTitle}>
          <dt>{m.status.snapshotMs}</dt>
          <dd data-testid="snapshot-ms">{formatFixed(snapshotMs, 0)}</dd>
        </div>
        <div className="figure" title={m.status.memoryTitle}>
          <dt>{m.status.memory}</dt>
          <dd data-testid="worker-memory">
            {memory ? (
              <>
                <span data-testid="worker-tensor-mb">{formatFixed(memory.tensorBytes / MEGABYTE, 0)}</span>
                {m.status.tensors({ tensors: memory.tensors })}
                {memory.wasmHeapBytes !== null ? m.status.heap({ megabytes: formatFixed(memory.wasmHeapBytes / MEGABYTE, 0) }) : ''}
                {memory.evaluationHeapBytes !== null ? m.status.evaluationHeap({ megabytes: formatFixed(memory.evaluationHeapBytes / MEGABYTE, 0) }) : ''}
              </>
            ) : (
              '—'
            )}
          </dd>
        </div>
        <div className="figure">
          <dt>{m.status.loss}</dt>
          <dd data-testid="loss">{formatFixed(loss, 4)}</dd>
        </div>
        <div className="figure">
          <dt>{m.status.collapseStd}</dt>
          <dd data-testid="collapse-std">
            {collapse.raw} (×√d <span data-testid="collapse-std-scaled">{collapse.scaled}</span>)
          </dd>
        </div>
      </dl>
      <p className="status-note">
        {phase ? <span data-testid="phase">{m.status.phase[phase]}</span> : status === 'loading' ? m.status.loading : null}
        {runNote ? <span data-testid="run-note">{runNote} </span> : null}
        {untrained ? <span data-testid="untrained-note">{m.run.untrained} </span> : null}
        <span className="muted">
          {m.status.collapseNote}
        </span>
      </p>
    </div>
  );
}
