/** GLSL shared by the points and the pair lines: what lies on the far side of the sphere is drawn darker, as a depth cue. */
export const depthShadeGlsl = /* glsl */ `
  float depthShade(vec4 viewPosition) {
    float centreDepth = (modelViewMatrix * vec4(0.0, 0.0, 0.0, 1.0)).z;
    float nearness = clamp((viewPosition.z - centreDepth) * 0.5 + 0.5, 0.0, 1.0);
    return mix(0.45, 1.0, nearness);
  }
`;
