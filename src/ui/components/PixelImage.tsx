/** A small image (a dataset image or an augmented view), grey or colour, drawn on a canvas, scaled up with crisp pixels. */
import { useEffect, useRef } from 'react';
import type { ImageChannels } from '../../data/datasetFormat';

interface PixelImageProps {
  /** Holds the image at `offset`: `channels` planes (grey, or R, G, B) of size × size values, row by row. */
  pixels: ArrayLike<number>;
  offset: number;
  size: number;
  channels: ImageChannels;
  /** The value drawn as white: 255 for bytes, 1 for values in [0, 1]. */
  white: number;
  /** Drawn width and height in CSS pixels. */
  displaySize: number;
  label: string;
}

export function PixelImage({ pixels, offset, size, channels, white, displaySize, label }: PixelImageProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const context = canvasRef.current?.getContext('2d');
    if (!context || size === 0) return;
    const area = size * size;
    const image = context.createImageData(size, size);
    // A grey image reads its one plane three times.
    const planes = channels === 3 ? [0, area, 2 * area] : [0, 0, 0];
    for (let i = 0; i < area; i++) {
      for (let c = 0; c < 3; c++) image.data[i * 4 + c] = ((pixels[offset + planes[c]! + i] ?? 0) / white) * 255; // the clamped array clips and rounds
      image.data[i * 4 + 3] = 255;
    }
    context.putImageData(image, 0, 0);
  }, [pixels, offset, size, channels, white]);

  return (
    <canvas
      ref={canvasRef}
      className="pixel-image"
      width={size}
      height={size}
      style={{ width: displaySize, height: displaySize }}
      role="img"
      aria-label={label}
    />
  );
}
