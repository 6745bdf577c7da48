import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config';
import { SnapshotHistory } from '../history/snapshotHistory';
import { fakeSnapshot } from '../../testing/fakeSnapshot';
import { metricRecords, metricsCsv, metricsJson } from './metricsExport';

function history(): SnapshotHistory {
  const recorded = new SnapshotHistory();
  recorded.record(fakeSnapshot(0, { collapseStd: 0.5 }));
  recorded.record(fakeSnapshot(50, { collapseStd: 0.25, knn: 0.75, linear: 0.875 }));
  return recorded;
}

describe('metric history exports', () => {
  it('give one record per snapshot, unmeasured values as null', () => {
    const [first, second] = metricRecords(history().metrics);
    expect(first).toEqual({
      step: 0,
      dim: 3,
      loss: null,
      collapseStd: 0.5,
      stdScaled: 0.5 * Math.sqrt(3),
      alignment: 0.4,
      uniformity: -1.5,
      effectiveRank: 2.6,
      knnZ: null,
      knnH: null,
      linearZ: null,
      linearH: null,
      spectrum: [0.4, 0.35, 0.25],
      pairDistances: Array.from({ length: 40 }, (_, k) => (k === 4 ? 1 : 0)),
    });
    expect(second).toMatchObject({ step: 50, loss: -0.5, knnZ: 0.75, knnH: 0.75, linearZ: 0.875, linearH: 0.875 });
  });

  it('write CSV with a header and a row per snapshot, unmeasured cells empty', () => {
    const lines = metricsCsv(history().metrics).split('\r\n');
    expect(lines[0]).toBe(
      'step,dim,loss,collapse_std,collapse_std_x_sqrt_d,alignment,uniformity,effective_rank,knn_z,knn_h,linear_z,linear_h,spectrum_1,spectrum_2,spectrum_3',
    );
    expect(lines[1]).toMatch(/^0,3,,0\.5,0\.866\d+,0\.4,-1\.5,2\.6,,,,,0\.4,0\.35,0\.25$/);
    expect(lines[2]).toMatch(/^50,3,-0\.5,0\.25,0\.433\d+,0\.4,-1\.5,2\.6,0\.75,0\.75,0\.875,0\.875,0\.4,0\.35,0\.25$/);
    expect(lines).toHaveLength(4); // the last line ends with CRLF too
  });

  it('write JSON with the config and the same records', () => {
    const config = defaultConfig('swav');
    const parsed = JSON.parse(metricsJson(history().metrics, config));
    expect(parsed).toMatchObject({ format: 'hypersphere-metrics', version: 1, config });
    expect(parsed.metrics).toEqual(metricRecords(history().metrics));
  });
});
