/** The card for the point under the pointer: its image, its class, and its nearest neighbours on the sphere. */
import { useLayoutEffect, useRef } from 'react';
import { classLabel } from '../language/tables';
import { useMessages } from '../language/useMessages';
import { useLab, useLabContext } from '../labContext';
import { placeBeside } from '../sphere/cardPlacement';
import { classColor } from '../sphere/palette';
import type { PointHover } from '../sphere/SphereView';
import { PixelImage } from './PixelImage';

/** Gap between the pointer and the card, in CSS pixels. */
const POINTER_GAP = 14;

function angleDegrees(cosine: number): string {
  return `${((Math.acos(Math.min(1, Math.max(-1, cosine))) * 180) / Math.PI).toFixed(1)}°`;
}

export function PointCard({ id, hover }: { id: string; hover: PointHover }) {
  const m = useMessages();
  const { live } = useLabContext();
  const classNames = useLab((state) => state.classNames);
  const cardRef = useRef<HTMLDivElement>(null);
  const { index, neighbours } = hover;
  const { imageSize: size, imageChannels: channels } = live;
  const values = channels * size * size;
  const imageCount = size > 0 ? live.images.length / values : 0;
  const labelOf = (point: number) => live.labels[point] ?? 0;
  const name = (point: number) => classNames[labelOf(point)];
  const className = (point: number) => {
    const known = name(point);
    return known === undefined ? m.pointCard.unknownClass : classLabel(known);
  };

  // Placed once its size is known, before it is painted.
  useLayoutEffect(() => {
    const card = cardRef.current;
    if (!card) return;
    const { left, top } = placeBeside(hover.x, hover.y, card.offsetWidth, card.offsetHeight, hover.viewWidth, hover.viewHeight, POINTER_GAP);
    card.style.left = `${left}px`;
    card.style.top = `${top}px`;
  }, [hover]);

  const image = (point: number, displaySize: number) =>
    point < imageCount ? (
      <PixelImage
        pixels={live.images}
        offset={point * values}
        size={size}
        channels={channels}
        white={255}
        displaySize={displaySize}
        label={m.pointCard.imageLabel({ className: className(point), index: point + 1 })}
      />
    ) : (
      <span className="pixel-image" style={{ width: displaySize, height: displaySize }} />
    );

  return (
    <div id={id} ref={cardRef} role="tooltip" className="point-card">
      <div className="point-card-main">
        {image(index, 72)}
        <div>
          <p className="point-card-class">
            <span className="swatch" style={{ backgroundColor: classColor(labelOf(index)) }} aria-hidden="true" />
            {className(index)}
          </p>
          <p className="point-card-index">{m.pointCard.image({ index: index + 1 })}</p>
        </div>
      </div>
      {neighbours.length > 0 ? (
        <>
          <p className="point-card-caption">{m.pointCard.nearest}</p>
          <ol className="point-card-neighbours">
            {neighbours.map((neighbour) => (
              <li key={neighbour.index} style={{ borderTopColor: classColor(labelOf(neighbour.index)) }}>
                {image(neighbour.index, 40)}
                <span className="neighbour-class">{className(neighbour.index)}</span>
                <span className="neighbour-angle">{angleDegrees(neighbour.cosine)}</span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}
