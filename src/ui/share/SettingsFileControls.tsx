/** "Export settings" downloads the config as a JSON file; "Import settings" reads one back, with the link's validation. */
import { type ChangeEvent, useState } from 'react';
import { useLabContext } from '../labContext';
import { addNotices } from '../store';
import { readSettingsFile, settingsFileName, settingsFileText } from './settingsFile';

/** Long enough for the browser to start the download before the object URL goes. */
const REVOKE_AFTER_MS = 10_000;

function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

export function SettingsFileControls() {
  const { store, client } = useLabContext();
  const [result, setResult] = useState('');

  const exportSettings = (): void => {
    const { config } = store.getState();
    download(settingsFileText(config), settingsFileName(config));
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
    setResult(config ? 'Settings imported; the run restarted from step 0.' : 'Nothing was imported (see the notice above).');
  };

  return (
    <div className="settings-file">
      <button type="button" onClick={exportSettings}>
        Export settings
      </button>
      <label className="file-button">
        Import settings
        <input type="file" accept=".json,application/json" className="visually-hidden" onChange={(event) => void importSettings(event)} />
      </label>
      <p className="panel-note" aria-live="polite">
        {result}
      </p>
    </div>
  );
}
