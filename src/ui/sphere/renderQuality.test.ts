import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer } from '../../train/webglRenderer';
import { renderQualityFor } from './renderQuality';

describe('renderQualityFor', () => {
  it.each([
    'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
    'llvmpipe (LLVM 15.0.6, 256 bits)',
  ])('turns multisampling off and holds the pixel ratio at 1 on software GL: %s', (name) => {
    expect(isSoftwareRenderer(name)).toBe(true);
    expect(renderQualityFor(name).antialias).toBe(false);
    expect(renderQualityFor(name).pixelRatio(2)).toBe(1);
  });

  it('keeps antialiasing and the screen pixel ratio on a real GPU', () => {
    const quality = renderQualityFor('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)');
    expect(quality.antialias).toBe(true);
    expect(quality.pixelRatio(2)).toBe(2);
  });
});
