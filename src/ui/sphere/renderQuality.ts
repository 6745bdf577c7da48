/**
 * Rendering quality for the WebGL that is actually there. A software rasteriser (SwiftShader, llvmpipe)
 * spends the main thread's frame budget on fill: there, multisampling cost ~70 ms a frame at 2,000
 * points (11 fps → 50 fps without it, measured with npm run bench:ui), so it is switched off and the
 * pixel ratio held at 1. Real GPUs get antialiasing and the screen's pixel ratio.
 */
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software/i;

export function isSoftwareRenderer(rendererName: string): boolean {
  return SOFTWARE_RENDERERS.test(rendererName);
}

/** A throwaway canvas, in a page or a worker. */
function scratchCanvas(): HTMLCanvasElement | OffscreenCanvas {
  return typeof document === 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
}

/** The unmasked WebGL renderer name, from a throwaway context ('' when WebGL or the extension is missing). */
export function webglRendererName(): string {
  const gl = scratchCanvas().getContext('webgl2') ?? scratchCanvas().getContext('webgl');
  if (!gl) return '';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}

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
