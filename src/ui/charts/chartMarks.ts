/**
 * What a chart draws over its lines (a uPlot draw hook): the dashed reference value, the step where each
 * run collapsed, and the step each run's timeline shows when scrubbed back.
 */
import uPlot from 'uplot';
import type { CollapseState } from '../../metrics/collapseVerdict';

export interface ChartMarks {
  reference: { value: number; label: string } | null;
  /** One per collapsed run; `label` names the state, and the run when several share the chart. */
  collapses: { step: number; state: Exclude<CollapseState, 'healthy'>; label: string }[];
  /** The steps on the spheres whose timelines are scrubbed back (none while live). */
  shownSteps: number[];
}

export const noMarks: ChartMarks = { reference: null, collapses: [], shownSteps: [] };

const colors = {
  reference: '#5f6b77',
  collapsed: '#c5221f',
  partial: '#b36b00',
  dimensional: '#7b3fa8',
  shown: '#1f5fa8',
};

const FONT_PX = 11;

/** A small label on a light backing, so it stays readable over grid and lines; `y` is its baseline. */
function label(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, align: 'left' | 'right', color: string): void {
  const px = uPlot.pxRatio;
  const width = ctx.measureText(text).width;
  const left = align === 'left' ? x : x - width;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.fillRect(left - 2 * px, y - (FONT_PX - 1) * px, width + 4 * px, (FONT_PX + 3) * px);
  ctx.fillStyle = color;
  ctx.textAlign = align;
  ctx.fillText(text, x, y);
}

function verticalLine(u: uPlot, step: number, color: string, width: number, text: string | null): void {
  const { min, max } = u.scales.x!;
  if (min === undefined || max === undefined || step < min || step > max) return;
  const { ctx, bbox } = u;
  const x = Math.round(u.valToPos(step, 'x', true));
  ctx.strokeStyle = color;
  ctx.lineWidth = width * uPlot.pxRatio;
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.moveTo(x, bbox.top);
  ctx.lineTo(x, bbox.top + bbox.height);
  ctx.stroke();
  if (text) {
    // On the side of the line with more room.
    const right = x < bbox.left + bbox.width / 2;
    label(ctx, text, x + (right ? 4 : -4) * uPlot.pxRatio, bbox.top + 12 * uPlot.pxRatio, right ? 'left' : 'right', color);
  }
}

export function drawMarks(u: uPlot, marks: ChartMarks): void {
  const { ctx, bbox } = u;
  ctx.save();
  ctx.beginPath();
  ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
  ctx.clip();
  ctx.font = `${FONT_PX * uPlot.pxRatio}px system-ui, sans-serif`;
  if (marks.reference) {
    const y = Math.round(u.valToPos(marks.reference.value, 'y', true));
    ctx.strokeStyle = colors.reference;
    ctx.lineWidth = uPlot.pxRatio;
    ctx.setLineDash([5 * uPlot.pxRatio, 4 * uPlot.pxRatio]);
    ctx.beginPath();
    ctx.moveTo(bbox.left, y);
    ctx.lineTo(bbox.left + bbox.width, y);
    ctx.stroke();
    // Above the line, or below it when the line runs along the top.
    const nearTop = y - bbox.top < (FONT_PX + 6) * uPlot.pxRatio;
    const baseline = nearTop ? y + (FONT_PX + 3) * uPlot.pxRatio : y - 4 * uPlot.pxRatio;
    label(ctx, marks.reference.label, bbox.left + bbox.width - 4 * uPlot.pxRatio, baseline, 'right', colors.reference);
  }
  for (const { step, state, label } of marks.collapses) verticalLine(u, step, colors[state], 1.5, label);
  for (const step of marks.shownSteps) verticalLine(u, step, colors.shown, 2, null);
  ctx.restore();
}
