/**
 * The live figures of the run. Each figure has a stable test id; the store updates them a few times a second,
 * too often for a live region: screen readers hear them through the LiveAnnouncer instead.
 */
import { formatCollapseStd, formatFixed } from '../format';
import { useLab } from '../labContext';

const MEGABYTE = 1024 * 1024;

export function StatusLine() {
  const status = useLab((state) => state.status);
  const backend = useLab((state) => state.backend);
  const step = useLab((state) => state.step);
  const stepsPerSec = useLab((state) => state.stepsPerSec);
  const loss = useLab((state) => state.loss);
  const collapseStd = useLab((state) => state.collapseStd);
  const snapshotDim = useLab((state) => state.snapshotDim);
  const snapshotMs = useLab((state) => state.snapshotMs);
  const runNote = useLab((state) => state.runNote);
  const memory = useLab((state) => state.workerMemory);
  const collapse = formatCollapseStd(collapseStd, snapshotDim);

  return (
    <div className="status">
      <dl className="figures">
        <div className="figure figure-backend">
          <dt>Backend</dt>
          <dd>
            <span data-testid="backend">{backend?.name ?? (status === 'loading' ? 'starting…' : '—')}</span>
            {backend ? (
              <span className="backend-reason">
                {' '}
                — {backend.reason}
                {(backend.threads ?? 1) > 1 ? ` · ${backend.threads} threads` : ''}
              </span>
            ) : null}
          </dd>
        </div>
        <div className="figure">
          <dt>Step</dt>
          <dd data-testid="step">{step}</dd>
        </div>
        <div className="figure">
          <dt>Steps/s</dt>
          <dd data-testid="steps-per-sec">{formatFixed(stepsPerSec, 1)}</dd>
        </div>
        <div className="figure" title="Time to embed the 2,000 evaluation images and read them back from the backend">
          <dt>Snapshot ms</dt>
          <dd data-testid="snapshot-ms">{formatFixed(snapshotMs, 0)}</dd>
        </div>
        <div className="figure" title="What the training worker holds: tensors and their size, and the wasm heap (which only grows)">
          <dt>Memory</dt>
          <dd data-testid="worker-memory">
            {memory ? (
              <>
                <span data-testid="worker-tensor-mb">{formatFixed(memory.tensorBytes / MEGABYTE, 0)}</span> MB in {memory.tensors} tensors
                {memory.wasmHeapBytes !== null ? `, heap ${formatFixed(memory.wasmHeapBytes / MEGABYTE, 0)} MB` : ''}
              </>
            ) : (
              '—'
            )}
          </dd>
        </div>
        <div className="figure">
          <dt>Loss</dt>
          <dd data-testid="loss">{formatFixed(loss, 4)}</dd>
        </div>
        <div className="figure">
          <dt>Collapse std</dt>
          <dd data-testid="collapse-std">
            {collapse.raw} (×√d <span data-testid="collapse-std-scaled">{collapse.scaled}</span>)
          </dd>
        </div>
      </dl>
      <p className="status-note">
        {status === 'loading' ? 'Loading the data and building the model… ' : null}
        {runNote ? <span data-testid="run-note">{runNote} </span> : null}
        <span className="muted">
          Collapse std is the spread of the embeddings per dimension: about 1/√d (×√d ≈ 1) when they cover the sphere, 0 when they
          have collapsed to a point.
        </span>
      </p>
    </div>
  );
}
