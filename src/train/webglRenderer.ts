/**
 * Which WebGL renderer this browser has: a real GPU's, or a software rasteriser (SwiftShader, llvmpipe). The sphere
 * asks to set its render quality, backend selection to leave software WebGL out of the measured choice. No tfjs.
 */
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software/i;

export function isSoftwareRenderer(rendererName: string): boolean {
  return SOFTWARE_RENDERERS.test(rendererName);
}

/** A throwaway canvas, in a page or a worker. */
function scratchCanvas(): HTMLCanvasElement | OffscreenCanvas {
  return typeof document === 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
}

/** The unmasked WebGL renderer name, from a throwaway context ('' when WebGL is missing). */
export function webglRendererName(): string {
  const canvas = scratchCanvas();
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | WebGL2RenderingContext | null;
  if (!gl) return '';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}
