/** How the two runs of a comparison are told apart everywhere: tag, words and colour. */
import type { BooleanKey, ExperimentConfig } from '../../core/config';
import type { RunLegend } from '../charts/metricChart';
import { switchStateLabel } from './compareSwitch';

/** Blue and orange stay apart for the common colour-vision deficiencies. */
const RUN_COLORS = ['#1f5fa8', '#d95f02'] as const;
const RUN_TAGS = ['A', 'B'] as const;

export function runLegends(key: BooleanKey, configs: readonly [ExperimentConfig, ExperimentConfig]): [RunLegend, RunLegend] {
  const legend = (index: 0 | 1): RunLegend => ({ tag: RUN_TAGS[index], label: switchStateLabel(key, configs[index][key]), color: RUN_COLORS[index] });
  return [legend(0), legend(1)];
}

/** The file-name tag of a run: `stopGrad-off`. */
export function runFileTag(key: BooleanKey, config: ExperimentConfig): string {
  return `${key}-${config[key] ? 'on' : 'off'}`;
}
