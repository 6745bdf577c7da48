/**
 * The sphere's drawing thread: a SphereRenderer on the OffscreenCanvas the page handed over. On a
 * software rasteriser (no GPU) each frame costs tens of milliseconds; here that wait no longer blocks
 * the page, whose charts, controls and scrolling keep their own frame rate. The page ends it with
 * terminate(), which also frees its WebGL context.
 */
/// <reference lib="webworker" />
import type { FromRenderer, ToRenderer } from './rendererProtocol';
import { SphereRenderer } from './sphereRenderer';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let renderer: SphereRenderer | null = null;

function send(message: FromRenderer): void {
  scope.postMessage(message);
}

scope.onmessage = (event: MessageEvent<ToRenderer>) => {
  const message = event.data;
  if (message.type === 'init') {
    try {
      renderer = new SphereRenderer(message.canvas, {
        onFailure: (text) => send({ type: 'failed', message: text }),
        onFramesDrawn: (total) => send({ type: 'frames', total }),
        onContextLost: (lost) => send({ type: 'context', lost }),
      });
    } catch (err) {
      send({ type: 'failed', message: (err as Error).message });
    }
    return;
  }
  if (!renderer) {
    if (message.type === 'png') send({ type: 'png', id: message.id, blob: null });
    return;
  }
  switch (message.type) {
    case 'resize':
      renderer.resize(message.width, message.height, message.screenPixelRatio);
      break;
    case 'camera':
      renderer.setCamera(message.pose);
      break;
    case 'options':
      renderer.setOptions(message.options);
      break;
    case 'points':
      renderer.showPoints(message.points);
      break;
    case 'shown':
      renderer.setShown(message.shown);
      break;
    case 'png': {
      const { id } = message;
      void renderer.toPng().then((blob) => send({ type: 'png', id, blob }));
      break;
    }
  }
};
