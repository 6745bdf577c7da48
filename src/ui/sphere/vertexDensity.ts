/**
 * The density grid (SphereDensity's cells: column = longitude, row 0 at the south pole) read at the
 * vertices of a THREE.SphereGeometry. The shading is then drawn as vertex colours: a software rasteriser
 * (SwiftShader) spent ~8 ms a frame sampling the same grid as a filtered texture on the sphere.
 */

/**
 * Density at vertex (ix, iy) of a sphere with `widthSegments` × `heightSegments` (iy = 0 the north pole,
 * three.js's order), written to `out[iy * (widthSegments + 1) + ix]`. Each vertex takes the mean of the
 * cells around its longitude and polar angle; a pole, where all of a row's vertices meet, takes the mean
 * of the whole row next to it so that it has a single value.
 */
export function densityAtSphereVertices(
  density: Float32Array,
  width: number,
  height: number,
  widthSegments: number,
  heightSegments: number,
  out: Float32Array,
): void {
  const rowMean = (row: number) => {
    let sum = 0;
    for (let column = 0; column < width; column++) sum += density[row * width + column]!;
    return sum / width;
  };
  const northPole = rowMean(height - 1);
  const southPole = rowMean(0);
  for (let iy = 0; iy <= heightSegments; iy++) {
    // Polar angle π·iy/heightSegments in cell rows (row r's centre is at (r + ½)/height of the way north).
    const rowPosition = height * (1 - iy / heightSegments) - 0.5;
    const south = Math.max(0, Math.min(height - 1, Math.floor(rowPosition)));
    const north = Math.min(height - 1, south + 1);
    const northWeight = Math.max(0, Math.min(1, rowPosition - south));
    for (let ix = 0; ix <= widthSegments; ix++) {
      const at = iy * (widthSegments + 1) + ix;
      if (iy === 0) out[at] = northPole;
      else if (iy === heightSegments) out[at] = southPole;
      else {
        // Longitude 2π·ix/widthSegments in cell columns (column c's centre is at (c + ½)/width of a turn).
        const columnPosition = (width * ix) / widthSegments - 0.5;
        const westColumn = Math.floor(columnPosition);
        const eastWeight = columnPosition - westColumn;
        const west = (westColumn + width) % width;
        const east = (west + 1) % width;
        const along = (row: number) => density[row * width + west]! * (1 - eastWeight) + density[row * width + east]! * eastWeight;
        out[at] = along(south) * (1 - northWeight) + along(north) * northWeight;
      }
    }
  }
}
