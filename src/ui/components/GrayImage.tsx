/** A small greyscale image (a dataset image or an augmented view) drawn on a canvas, scaled up with crisp pixels. */
import { useEffect, useRef } from 'react';

interface GrayImageProps {
  /** Holds the image at `offset`: size × size values, row by row. */
  pixels: ArrayLike<number>;
  offset: number;
  size: number;
  /** The value drawn as white: 255 for bytes, 1 for values in [0, 1]. */
  white: number;
  /** Drawn width and height in CSS pixels. */
  displaySize: number;
  label: string;
}

export function GrayImage({ pixels, offset, size, white, displaySize, label }: GrayImageProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const context = canvasRef.current?.getContext('2d');
    if (!context || size === 0) return;
    const image = context.createImageData(size, size);
    for (let i = 0; i < size * size; i++) {
      const grey = ((pixels[offset + i] ?? 0) / white) * 255; // the clamped array clips and rounds
      image.data[i * 4] = grey;
      image.data[i * 4 + 1] = grey;
      image.data[i * 4 + 2] = grey;
      image.data[i * 4 + 3] = 255;
    }
    context.putImageData(image, 0, 0);
  }, [pixels, offset, size, white]);

  return (
    <canvas
      ref={canvasRef}
      className="gray-image"
      width={size}
      height={size}
      style={{ width: displaySize, height: displaySize }}
      role="img"
      aria-label={label}
    />
  );
}
