/**
 * "What the model sees": example training images, each beside the two augmented views the model is asked
 * to embed alike, and the augmentation strengths. A new strip is asked for when the lab becomes ready,
 * the dataset changes, a strength changes, or on "New examples".
 */
import { useEffect, useId } from 'react';
import { useLab, useLabContext } from '../labContext';
import { GrayImage } from './GrayImage';
import { type NumberKey, NumberSetting } from './NumberSetting';

const EXAMPLE_COUNT = 8;
const IMAGE_DISPLAY_PX = 56;
const augmentationKeys = ['cropMinArea', 'flipProb', 'jitterProb', 'contrast', 'brightness', 'eraseProb', 'noise'] as const satisfies readonly NumberKey[];
const rowNames = ['Image', 'View 1', 'View 2'];

export function AugmentationPreview() {
  const { client } = useLabContext();
  const ready = useLab((state) => state.status === 'ready');
  const dataset = useLab((state) => state.config.dataset);
  // One string, so the selector's result compares equal while nothing changed.
  const strengths = useLab((state) => augmentationKeys.map((key) => state.config[key]).join(' '));
  const preview = useLab((state) => state.preview);
  const titleId = useId();

  useEffect(() => {
    if (ready) client.requestPreview(EXAMPLE_COUNT);
  }, [client, ready, dataset, strengths]);

  const size = preview?.imageSize ?? 0;
  return (
    <section className="augmentation-preview" aria-labelledby={titleId}>
      <div className="augmentation-preview-header">
        <div>
          <h2 id={titleId}>What the model sees</h2>
          <p className="muted">Each training image and two random augmentations of it: the positive pair the model learns to embed alike.</p>
        </div>
        <button type="button" disabled={!ready} onClick={() => client.requestPreview(EXAMPLE_COUNT)}>
          New examples
        </button>
      </div>
      {preview ? (
        // Scrolls sideways on a narrow screen: focusable, so that the arrow keys scroll it too.
        <div className="preview-strip" tabIndex={0} role="region" aria-label="Example strip">
          <div className="preview-row-names" aria-hidden="true">
            {rowNames.map((name) => (
              <span key={name} style={{ height: IMAGE_DISPLAY_PX }}>
                {name}
              </span>
            ))}
          </div>
          <ol className="preview-examples" aria-label="Examples">
            {Array.from({ length: preview.count }, (_, example) => (
              <li key={example}>
                {rowNames.map((name, row) => (
                  <GrayImage
                    key={name}
                    pixels={preview.images}
                    offset={(example * 3 + row) * size * size}
                    size={size}
                    white={1}
                    displaySize={IMAGE_DISPLAY_PX}
                    label={`Example ${example + 1}: ${name.toLowerCase()}`}
                  />
                ))}
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <p className="muted">{ready ? 'Drawing examples…' : 'Examples appear once the data has loaded.'}</p>
      )}
      <details className="augmentation-settings">
        <summary>Augmentations</summary>
        <div className="augmentation-settings-grid">
          {augmentationKeys.map((key) => (
            <NumberSetting key={key} settingKey={key} />
          ))}
        </div>
      </details>
    </section>
  );
}
