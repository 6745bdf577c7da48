/** The experiment settings shown in the page: the collapse switches, dataset, output dimension, seed. */
import { configSpec, type DatasetName, datasetNames } from '../../core/config';
import { useLab, useLabContext } from '../labContext';
import { SeedField } from './SeedField';
import { SettingField } from './SettingField';
import { SettingSwitch } from './SettingSwitch';

const datasetLabels: Record<DatasetName, string> = { 'fashion-mnist': 'Fashion-MNIST', mnist: 'MNIST' };
const commonDims = [2, 3, 8, 16, 64, 128];

export function SettingsPanel() {
  const { client } = useLabContext();
  const dataset = useLab((state) => state.config.dataset);
  const dim = useLab((state) => state.config.dim);
  // Settings go to the worker with its init; while it loads there is nothing to change yet.
  const loading = useLab((state) => state.status === 'loading');
  // A dimension from a link (e.g. d = 5) is offered too, so the select can show it.
  const dimChoices = [...new Set([...commonDims, dim])].sort((a, b) => a - b);

  return (
    <fieldset className="settings" disabled={loading}>
      <legend>Settings</legend>
      <SettingSwitch settingKey="stopGrad" label="Stop-gradient" />
      <SettingSwitch settingKey="predictor" label="Predictor" />
      <SettingField label="Dataset" help={configSpec.dataset.help}>
        {({ inputId, helpId }) => (
          <select
            id={inputId}
            value={dataset}
            aria-describedby={helpId}
            onChange={(event) => client.setConfig({ dataset: event.target.value as DatasetName })}
          >
            {datasetNames.map((name) => (
              <option key={name} value={name}>
                {datasetLabels[name]}
              </option>
            ))}
          </select>
        )}
      </SettingField>
      <SettingField label="Output dimension" help={configSpec.dim.help}>
        {({ inputId, helpId }) => (
          <select
            id={inputId}
            value={String(dim)}
            aria-describedby={helpId}
            onChange={(event) => client.setConfig({ dim: Number(event.target.value) })}
          >
            {dimChoices.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        )}
      </SettingField>
      <SeedField />
      <p className="settings-note">The switches act on the running model. Dataset, output dimension and seed restart the run from step 0.</p>
    </fieldset>
  );
}
