/**
 * "What the model sees": example training images, each beside the two augmented views the model is asked
 * to embed alike, and the augmentation strengths. A new strip is asked for when the lab becomes ready,
 * the dataset or "Train in grey" changes, a strength changes, or on "New examples".
 */
import { useEffect, useId } from 'react';
import { augmentationKeys } from '../../core/config';
import { useMessages } from '../language/useMessages';
import { useLab, useLabContext } from '../labContext';
import { PixelImage } from './PixelImage';
import { NumberSetting } from './NumberSetting';

const EXAMPLE_COUNT = 8;
const IMAGE_DISPLAY_PX = 56;

export function AugmentationPreview() {
  const m = useMessages().augmentation;
  const rowNames = m.rows;
  const { client } = useLabContext();
  const ready = useLab((state) => state.status === 'ready');
  const dataset = useLab((state) => state.config.dataset);
  const greyImages = useLab((state) => state.config.greyImages);
  // One string, so the selector's result compares equal while nothing changed.
  const strengths = useLab((state) => augmentationKeys.map((key) => state.config[key]).join(' '));
  const preview = useLab((state) => state.preview);
  const titleId = useId();

  useEffect(() => {
    if (ready) client.requestPreview(EXAMPLE_COUNT);
  }, [client, ready, dataset, greyImages, strengths]);

  const size = preview?.imageSize ?? 0;
  const channels = preview?.imageChannels ?? 1;
  return (
    <section className="augmentation-preview" aria-labelledby={titleId}>
      <div className="augmentation-preview-header">
        <div>
          <h2 id={titleId}>{m.heading}</h2>
          <p className="muted">{m.note}</p>
        </div>
        <button type="button" disabled={!ready} onClick={() => client.requestPreview(EXAMPLE_COUNT)}>
          {m.newExamples}
        </button>
      </div>
      {preview ? (
        // Scrolls sideways on a narrow screen: focusable, so that the arrow keys scroll it too.
        <div className="preview-strip" tabIndex={0} role="region" aria-label={m.exampleStrip}>
          <div className="preview-row-names" aria-hidden="true">
            {rowNames.map((name) => (
              <span key={name} style={{ height: IMAGE_DISPLAY_PX }}>
                {name}
              </span>
            ))}
          </div>
          <ol className="preview-examples" aria-label={m.examples}>
            {Array.from({ length: preview.count }, (_, example) => (
              <li key={example}>
                {rowNames.map((name, row) => (
                  <PixelImage
                    key={name}
                    pixels={preview.images}
                    offset={(example * 3 + row) * channels * size * size}
                    size={size}
                    channels={channels}
                    white={1}
                    displaySize={IMAGE_DISPLAY_PX}
                    label={m.exampleLabel({ example: example + 1, row: name })}
                  />
                ))}
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <p className="muted">{ready ? m.drawing : m.waiting}</p>
      )}
      <details className="augmentation-settings">
        <summary>{m.settings}</summary>
        <div className="augmentation-settings-grid">
          {augmentationKeys.map((key) => (
            <NumberSetting key={key} settingKey={key} />
          ))}
        </div>
      </details>
    </section>
  );
}
