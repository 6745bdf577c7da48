/**
 * The experiment settings: the method, the switches that apply to it (its methodSettings), then
 * the shared ones — dataset, output dimension, seed.
 */
import {
  type BooleanKey,
  builtInDatasetNames,
  type ConfigKey,
  configSpec,
  type DatasetName,
  type MethodName,
  methodNames,
  methodSettings,
  OWN_DATASET,
} from '../../core/config';
import { methodSummary, methodTitle } from '../language/tables';
import { messages } from '../../i18n/messages';
import { useMessages } from '../language/useMessages';
import { useLab } from '../labContext';
import { useOwnImages } from '../ownImages/ownImagesContext';
import { unavailableOnOwnImages } from '../ownImages/ownImagesStore';
import { type ChoiceKey, ChoiceSetting } from './ChoiceSetting';
import { NumberSetting, type NumberKey } from './NumberSetting';
import { SettingSwitch } from './SettingSwitch';

const datasetLabels = (): Record<DatasetName, string> => ({
  'fashion-mnist': 'Fashion-MNIST',
  mnist: 'MNIST',
  'shapes-colours': messages().datasets.shapesColours,
  [OWN_DATASET]: messages().ownImages.dataset,
});
const commonDims = [2, 3, 8, 16, 64, 128];

function MethodSetting({ settingKey }: { settingKey: ConfigKey }) {
  const spec = configSpec[settingKey];
  if (spec.kind === 'bool') return <SettingSwitch settingKey={settingKey as BooleanKey} />;
  if (spec.kind === 'enum') return <ChoiceSetting settingKey={settingKey as ChoiceKey} choices={spec.values} />;
  return <NumberSetting settingKey={settingKey as NumberKey} />;
}

export function SettingsPanel() {
  const m = useMessages();
  const method = useLab((state) => state.config.method);
  const dim = useLab((state) => state.config.dim);
  // Settings go to the worker with its init; while it loads there is nothing to change yet.
  const loading = useLab((state) => state.status === 'loading');
  // A dimension from a link (e.g. d = 5) is offered too, so the select can show it.
  const dimChoices = [...new Set([...commonDims, dim])].sort((a, b) => a - b);
  // Your images are a choice once there are some (drop them under "Your images").
  const ownImages = useOwnImages((state) => state.images);
  const hasOwnImages = ownImages !== null;
  // On unlabelled own images, a method that reads labels (Supervised) is shown but cannot be chosen.
  const onOwnImages = useLab((state) => state.config.dataset === OWN_DATASET);
  const unavailableMethod = (name: MethodName) => (onOwnImages ? unavailableOnOwnImages(name, ownImages) : null);
  const datasetChoices: readonly DatasetName[] = hasOwnImages ? [...builtInDatasetNames, OWN_DATASET] : builtInDatasetNames;

  return (
    <fieldset className="settings" disabled={loading}>
      <legend>{m.settings.legend}</legend>
      <ChoiceSetting<MethodName>
        settingKey="method"
        choices={methodNames}
        labelOf={methodTitle}
        help={methodSummary(method)}
        unavailable={unavailableMethod}
      />
      {methodSettings[method].switches.map((key) => (
        <MethodSetting key={`${method}-${key}`} settingKey={key} />
      ))}
      <ChoiceSetting<DatasetName> settingKey="dataset" choices={datasetChoices} labelOf={(name) => datasetLabels()[name]} />
      <SettingSwitch settingKey="greyImages" />
      <ChoiceSetting<number> settingKey="dim" choices={dimChoices} />
      <NumberSetting settingKey="seed" />
      <NumberSetting settingKey="evalEvery" />
      <SettingSwitch settingKey="showTrain" />
      <p className="settings-note">
        {m.settings.note}
      </p>
    </fieldset>
  );
}
