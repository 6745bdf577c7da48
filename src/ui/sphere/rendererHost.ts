/**
 * Starts the sphere renderer for a canvas: in a worker on an OffscreenCanvas where the browser can draw
 * WebGL there, else in the page. Either way the caller gets a SphereRendererApi.
 */
import type { CameraPose, FromRenderer, PlacedPoints, RendererEvents, SceneOptions, SphereRendererApi, ToRenderer } from './rendererProtocol';
import { SphereRenderer } from './sphereRenderer';

/** Whether this browser can hand a canvas to a worker and draw WebGL on it there. */
function canDrawInWorker(canvas: HTMLCanvasElement): boolean {
  if (typeof OffscreenCanvas === 'undefined' || typeof canvas.transferControlToOffscreen !== 'function') return false;
  try {
    const probe = new OffscreenCanvas(1, 1).getContext('webgl2');
    // Browsers cap live WebGL contexts: give the probe's back at once.
    probe?.getExtension('WEBGL_lose_context')?.loseContext();
    return probe !== null;
  } catch {
    return false;
  }
}

/** The renderer in the sphere worker: each call is one message; the point arrays are moved, not copied. */
class WorkerSphereRenderer implements SphereRendererApi {
  private readonly worker: Worker;
  private readonly pngRequests = new Map<number, (blob: Blob | null) => void>();
  private nextPngId = 0;
  private disposed = false;

  constructor(canvas: HTMLCanvasElement, events: RendererEvents) {
    this.worker = new Worker(new URL('./sphere.worker.ts', import.meta.url), { type: 'module', name: 'sphere' });
    this.worker.onmessage = (event: MessageEvent<FromRenderer>) => {
      const message = event.data;
      if (message.type === 'failed') events.onFailure(message.message);
      else if (message.type === 'frames') events.onFramesDrawn(message.total);
      else if (message.type === 'context') events.onContextLost(message.lost);
      else {
        this.pngRequests.get(message.id)?.(message.blob);
        this.pngRequests.delete(message.id);
      }
    };
    this.worker.onerror = (event) => events.onFailure(event.message || 'the drawing worker stopped');
    const offscreen = canvas.transferControlToOffscreen();
    this.post({ type: 'init', canvas: offscreen }, [offscreen]);
  }

  resize(width: number, height: number, screenPixelRatio: number): void {
    this.post({ type: 'resize', width, height, screenPixelRatio });
  }

  setCamera(pose: CameraPose): void {
    this.post({ type: 'camera', pose });
  }

  setOptions(options: SceneOptions): void {
    this.post({ type: 'options', options });
  }

  showPoints(points: PlacedPoints): void {
    this.post({ type: 'points', points }, [points.placed.buffer, points.labels.buffer, points.placedPairs.buffer, points.shown.buffer]);
  }

  setShown(shown: Uint8Array): void {
    this.post({ type: 'shown', shown }, [shown.buffer]);
  }

  toPng(): Promise<Blob | null> {
    if (this.disposed) return Promise.resolve(null);
    const id = this.nextPngId++;
    return new Promise((resolve) => {
      this.pngRequests.set(id, resolve);
      this.post({ type: 'png', id });
    });
  }

  /** Ends the worker, and with it its WebGL context. */
  dispose(): void {
    this.disposed = true;
    this.worker.terminate();
    for (const resolve of this.pngRequests.values()) resolve(null);
    this.pngRequests.clear();
  }

  private post(message: ToRenderer, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }
}

/**
 * A renderer for `canvas`. The arrays given to showPoints and setShown pass to the renderer: the caller
 * must not touch them afterwards. Throws when WebGL is unavailable in the page; a worker reports that
 * through `events.onFailure` instead.
 */
export function startSphereRenderer(canvas: HTMLCanvasElement, events: RendererEvents): SphereRendererApi {
  return canDrawInWorker(canvas) ? new WorkerSphereRenderer(canvas, events) : new SphereRenderer(canvas, events);
}
