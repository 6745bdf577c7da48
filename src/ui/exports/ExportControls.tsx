/**
 * The run's exports: the sphere as a PNG, the metric history as CSV or JSON, the shown embeddings as the
 * Embedding Projector's two TSV files, the whole run as a report the lab can replay, and the experiment as
 * a PyTorch script. In a comparison each run has its own, with `tag` (`stopGrad-off`) in the file names.
 */
import { useId, useState } from 'react';
import { OWN_DATASET } from '../../core/config';
import { OWN_ARCHIVE_NAME, ownDatasetArchive } from '../../data/images/ownDatasetArchive';
import { pytorchScript } from '../../pytorch/pytorchScript';
import { useMessages } from '../language/useMessages';
import { useLab, useLabContext } from '../labContext';
import { useOwnImages } from '../ownImages/ownImagesContext';
import { downloadBlob, downloadText } from './download';
import { pytorchScriptName, runFileName } from './exportNames';
import { metricRecords, metricsCsv, metricsJson } from './metricsExport';
import { projectorMetadataTsv, projectorVectorsTsv } from './projectorTsv';
import { runReportText } from '../../train/runReport';

const TSV = 'text/tab-separated-values';
const JSON_TYPE = 'application/json';

export function ExportControls({ runName = null, tag = null }: { runName?: string | null; tag?: string | null }) {
  const m = useMessages();
  const { store, client, live, sphere } = useLabContext();
  // Nothing to export before the first snapshot.
  const empty = useLab((state) => state.snapshotStep === null);
  // A run on the user's own images can take them along, for the PyTorch script (the link and script never hold them).
  const onOwnImages = useLab((state) => state.config.dataset === OWN_DATASET);
  const ownImages = useOwnImages((state) => state.images);
  const [problem, setProblem] = useState<'noWebgl' | 'pngFailed' | null>(null);
  const headingId = useId();
  const { history } = client.recorder;

  /** `step`: the shown snapshot's for pictures of it, the latest recorded for the whole run. */
  const fileName = (what: string, step: number) => runFileName(store.getState().config, step, what, tag);
  const latestStep = () => history.metrics.latest()?.step ?? 0;

  const exportPng = (): void => {
    const { view } = sphere;
    if (!view) {
      setProblem('noWebgl');
      return;
    }
    const name = fileName('sphere.png', live.step);
    void view.toPng().then((blob) => {
      if (blob) downloadBlob(blob, name);
      else setProblem('pngFailed');
    });
  };

  const exportMetrics = (format: 'csv' | 'json'): void => {
    const name = fileName(`metrics.${format}`, latestStep());
    if (format === 'csv') downloadText(metricsCsv(history.metrics), 'text/csv', name);
    else downloadText(metricsJson(history.metrics, store.getState().config), JSON_TYPE, name);
  };

  const exportProjector = (file: 'vectors' | 'metadata'): void => {
    const points = { count: live.count, dim: live.dim, embeddings: live.embeddings, labels: live.labels };
    const name = fileName(`${file}.tsv`, live.step);
    if (file === 'vectors') downloadText(projectorVectorsTsv(points), TSV, name);
    else downloadText(projectorMetadataTsv(points, store.getState().classNames), TSV, name);
  };

  const exportReport = (): void => {
    const { config, backend, classNames, replay } = store.getState();
    // A replayed report keeps the backend it was trained on.
    const report = { config, backend: replay ? replay.backend : backend, classNames, metrics: metricRecords(history.metrics), snapshots: history.kept };
    downloadText(runReportText(report), JSON_TYPE, fileName('run.json', latestStep()));
  };

  // Needs no snapshot: the script is made from the settings alone.
  const exportPytorch = (): void => {
    downloadText(pytorchScript(store.getState().config), 'text/x-python', pytorchScriptName(tag));
  };

  const exportOwnImages = (): void => {
    if (!ownImages) return;
    const archive = ownDatasetArchive(ownImages.data, ownImages.summary.source);
    downloadBlob(new Blob([archive.slice()], { type: 'application/zip' }), OWN_ARCHIVE_NAME);
  };

  return (
    <div className="export-controls" role="group" aria-labelledby={headingId}>
      <h3 id={headingId} className="export-title">
        {m.exports.title({ runName })}
      </h3>
      <div className="export-buttons">
        <button type="button" disabled={empty} onClick={exportPng}>
          {m.exports.spherePng}
        </button>
        <button type="button" disabled={empty} onClick={() => exportMetrics('csv')}>
          {m.exports.metricsCsv}
        </button>
        <button type="button" disabled={empty} onClick={() => exportMetrics('json')}>
          {m.exports.metricsJson}
        </button>
        <button type="button" disabled={empty} onClick={() => exportProjector('vectors')} title={m.exports.projectorVectorsTitle}>
          {m.exports.projectorVectors}
        </button>
        <button type="button" disabled={empty} onClick={() => exportProjector('metadata')} title={m.exports.projectorLabelsTitle}>
          {m.exports.projectorLabels}
        </button>
        <button type="button" disabled={empty} onClick={exportReport} title={m.exports.runReportTitle}>
          {m.exports.runReport}
        </button>
        <button type="button" onClick={exportPytorch} title={m.exports.pytorchTitle}>
          {m.exports.pytorch}
        </button>
        {onOwnImages && ownImages ? (
          <button type="button" onClick={exportOwnImages} title={m.ownImages.exportTitle}>
            {m.ownImages.export}
          </button>
        ) : null}
      </div>
      <p className="panel-note">{m.exports.note}</p>
      <p className="panel-note" role="alert">
        {problem ? m.exports[problem] : ''}
      </p>
    </div>
  );
}
