/**
 * Redundancy reduction's own pictures, for the methods that ask for them (MethodInfo.redundancyViews): the
 * two views' cross-correlation matrix (Barlow Twins drives it to the identity), each dimension's std against
 * VICReg's hinge at 1, and the covariance matrix (VICReg drives its off-diagonal to 0). They show the snapshot
 * on the sphere: the latest, or the one the timeline shows. Re-renders at most 4× a second.
 */
import { useStore } from 'zustand';
import type { RedundancyView } from '../../methods/method';
import { methodCatalog } from '../../methods/catalog';
import type { RedundancyFigures } from '../../metrics/redundancy';
import { diagonalScale, heatmapCells, offDiagonalShare, STD_HINGE, stdBars } from '../charts/redundancyPlots';
import { useHistoryVersion, useRecorder } from '../history/hooks';
import { messages } from '../../i18n/messages';
import { useMessages } from '../language/useMessages';
import { useLab } from '../labContext';

const SIDE = 160;
const BAR_WIDTH = 300;
const BAR_HEIGHT = 100;

function Heatmap({ matrix, size, limit, label, scale }: { matrix: number[]; size: number; limit: number; label: string; scale: string }) {
  const cell = SIDE / size;
  return (
    <>
      <svg className="heatmap" viewBox={`0 0 ${SIDE} ${SIDE}`} role="img" aria-label={label}>
        {heatmapCells(matrix, size, limit).map(({ row, column, color }) => (
          <rect key={row * size + column} x={column * cell} y={row * cell} width={cell} height={cell} fill={color} />
        ))}
      </svg>
      <p className="heatmap-scale" aria-hidden="true">
        <span className="heatmap-swatch heatmap-negative" /> −{scale} <span className="heatmap-swatch heatmap-zero" /> 0{' '}
        <span className="heatmap-swatch heatmap-positive" /> +{scale}
      </p>
    </>
  );
}

function blockNote(figures: RedundancyFigures, dim: number): string {
  return figures.size < dim ? messages().redundancy.block({ size: figures.size, dim }) : '';
}

function CrossCorrelation({ figures, dim }: { figures: RedundancyFigures; dim: number }) {
  const { crossCorrelation, size } = figures;
  const diagonal = Array.from({ length: size }, (_, i) => crossCorrelation[i * size + i]!);
  const meanDiagonal = diagonal.reduce((sum, value) => sum + value, 0) / size;
  const off = offDiagonalShare(crossCorrelation, size);
  const m = messages().redundancy;
  return (
    <figure className="redundancy-view" data-testid="view-cross-correlation" data-off-diagonal-share={off}>
      <figcaption>
        <span className="chart-title">{m.crossTitle}</span>
        <span className="chart-help">{m.crossHelp({ block: blockNote(figures, dim) })}</span>
      </figcaption>
      <Heatmap matrix={crossCorrelation} size={size} limit={1} label={m.crossLabel} scale="1" />
      <p className="redundancy-figures" data-testid="cross-correlation-figures">
        {m.crossFigures({ diagonal: meanDiagonal, off })}
      </p>
    </figure>
  );
}

function DimensionStd({ figures }: { figures: RedundancyFigures }) {
  const { bars, hingeY } = stdBars(figures.std, BAR_WIDTH, BAR_HEIGHT);
  const under = bars.filter(({ underHinge }) => underHinge).length;
  const m = messages().redundancy;
  return (
    <figure className="redundancy-view" data-testid="view-dimension-std" data-under-hinge={under}>
      <figcaption>
        <span className="chart-title">{m.stdTitle}</span>
        <span className="chart-help">{m.stdHelp({ hinge: STD_HINGE })}</span>
      </figcaption>
      <svg className="std-bars" viewBox={`0 0 ${BAR_WIDTH} ${BAR_HEIGHT}`} role="img" aria-label={m.stdTitle}>
        {bars.map((bar) => (
          <rect key={bar.dimension} className={bar.underHinge ? 'std-bar std-bar-under' : 'std-bar'} x={bar.x} y={bar.y} width={bar.width} height={bar.height} />
        ))}
        <line className="std-hinge" x1={0} x2={BAR_WIDTH} y1={hingeY} y2={hingeY} />
      </svg>
      <p className="redundancy-figures">
        {under === 0 ? m.stdAllAbove : m.stdUnder({ under, dims: bars.length })}
      </p>
    </figure>
  );
}

function Covariance({ figures, dim }: { figures: RedundancyFigures; dim: number }) {
  const { covariance, size } = figures;
  const off = offDiagonalShare(covariance, size);
  const m = messages().redundancy;
  // Coloured against the largest variance, so the diagonal is full red and an off-diagonal entry reads as a share of it.
  const limit = diagonalScale(covariance, size);
  return (
    <figure className="redundancy-view" data-testid="view-covariance" data-off-diagonal-share={off}>
      <figcaption>
        <span className="chart-title">{m.covTitle}</span>
        <span className="chart-help">{m.covHelp({ block: blockNote(figures, dim) })}</span>
      </figcaption>
      <Heatmap matrix={covariance} size={size} limit={limit} label={m.covLabel} scale={limit.toPrecision(2)} />
      <p className="redundancy-figures">{m.covFigures({ off })}</p>
    </figure>
  );
}

const viewComponents: Record<RedundancyView, (props: { figures: RedundancyFigures; dim: number }) => React.JSX.Element> = {
  crossCorrelation: CrossCorrelation,
  dimensionStd: DimensionStd,
  covariance: Covariance,
};

export function RedundancyViews() {
  const m = useMessages().redundancy;
  const { history, timeline } = useRecorder();
  useHistoryVersion();
  useStore(timeline.store, (state) => state.shownStep);
  const views = useLab((state) => methodCatalog[state.config.method].redundancyViews);
  if (!views) return null;
  const shown = history.kept[timeline.shownIndex()];
  const figures = shown?.redundancy ?? null;
  return (
    <section className="redundancy" aria-labelledby="redundancy-heading" data-testid="redundancy-views">
      <h2 id="redundancy-heading">
        {m.heading}
        {shown ? <span className="metrics-at">{m.atStep({ step: shown.step })}</span> : null}
      </h2>
      {figures && shown ? (
        <div className="redundancy-grid">
          {views.map((view) => {
            const View = viewComponents[view];
            return <View key={view} figures={figures} dim={shown.dim} />;
          })}
        </div>
      ) : (
        <p className="redundancy-figures">{m.appears}</p>
      )}
    </section>
  );
}
