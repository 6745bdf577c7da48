/** "Export settings" downloads the config as a JSON file; "Import settings" reads one back, with the link's validation. */
import { type ChangeEvent, useState } from 'react';
import { downloadText } from '../exports/download';
import { useMessages } from '../language/useMessages';
import { useLabContext } from '../labContext';
import { addNotices } from '../store';
import { readSettingsFile, settingsFileName, settingsFileText } from './settingsFile';

export function SettingsFileControls() {
  const m = useMessages();
  const { store, client } = useLabContext();
  const [result, setResult] = useState<'imported' | 'notImported' | null>(null);

  const exportSettings = (): void => {
    const { config } = store.getState();
    downloadText(settingsFileText(config), 'application/json', settingsFileName(config));
  };

  const importSettings = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const input = event.target;
    const file = input.files?.[0];
    // Cleared so that choosing the same file again is a new import.
    input.value = '';
    if (!file) return;
    const { config, notices } = await readSettingsFile(file);
    addNotices(store, notices);
    if (config) client.load(config, { start: false });
    setResult(config ? 'imported' : 'notImported');
  };

  return (
    <div className="settings-file">
      <button type="button" onClick={exportSettings}>
        {m.share.exportSettings}
      </button>
      <label className="file-button">
        {m.share.importSettings}
        <input type="file" accept=".json,application/json" className="visually-hidden" onChange={(event) => void importSettings(event)} />
      </label>
      <p className="panel-note" aria-live="polite">
        {result ? m.share[result] : ''}
      </p>
    </div>
  );
}
