/**
 * Decoding in the browser, off the main thread: createImageBitmap decodes (PNG, JPEG, WebP, GIF's first frame,
 * honouring EXIF orientation), a large photo is first scaled down by the browser so that its short side is a
 * few times the model's, and an OffscreenCanvas hands the pixels to modelPixels for the exact crop and resample.
 */
import { messages } from '../../i18n/messages';
import { type ImageFormat, modelPixels } from './modelPixels';

/** Large pictures are scaled by the browser to this multiple of the model side before the exact area resample. */
const PRESCALE_FACTOR = 4;

/** False where this worker cannot decode images itself (no OffscreenCanvas or createImageBitmap). */
export function canDecodeInWorker(): boolean {
  return typeof OffscreenCanvas !== 'undefined' && typeof createImageBitmap === 'function';
}

export function browserDecoder(format: ImageFormat): (bytes: Uint8Array) => Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(1, 1);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error(messages().ownImages.noCanvas);
  return async (bytes) => {
    let bitmap = await createImageBitmap(new Blob([bytes.slice()]));
    const shortSide = Math.min(bitmap.width, bitmap.height);
    const target = format.side * PRESCALE_FACTOR;
    if (shortSide > target) {
      const scale = target / shortSide;
      const full = bitmap;
      bitmap = await createImageBitmap(full, {
        resizeWidth: Math.max(1, Math.round(full.width * scale)),
        resizeHeight: Math.max(1, Math.round(full.height * scale)),
        resizeQuality: 'high',
      });
      full.close();
    }
    // Drawn and read with no await in between: one canvas serves the concurrent decodes.
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    context.clearRect(0, 0, bitmap.width, bitmap.height);
    context.drawImage(bitmap, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    bitmap.close();
    return modelPixels(data, width, height, format);
  };
}
