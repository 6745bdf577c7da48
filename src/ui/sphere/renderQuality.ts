/**
 * Rendering quality for the WebGL that is actually there. A software rasteriser (SwiftShader, llvmpipe)
 * spends the main thread's frame budget on fill: there, multisampling cost ~70 ms a frame at 2,000
 * points (11 fps → 50 fps without it, measured with npm run bench:ui), so it is switched off and the
 * pixel ratio held at 1. Real GPUs get antialiasing and the screen's pixel ratio.
 */
import { isSoftwareRenderer } from '../../train/webglRenderer';

export interface RenderQuality {
  antialias: boolean;
  /** The device pixel ratio to render at, given the screen's. */
  pixelRatio: (screenRatio: number) => number;
}

export function renderQualityFor(rendererName: string): RenderQuality {
  return isSoftwareRenderer(rendererName)
    ? { antialias: false, pixelRatio: () => 1 }
    : { antialias: true, pixelRatio: (screenRatio) => screenRatio };
}
