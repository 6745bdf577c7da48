/**
 * What the sphere view (main thread: camera, input, picking) tells the sphere renderer (three.js scene,
 * drawn in a worker on an OffscreenCanvas where the browser can, else in the page) and what it answers.
 * Both hosts implement SphereRendererApi; over the worker boundary each call is one message.
 */

/** Where the camera is: the view owns the orbit controls and sends the pose whenever it changes. */
export interface CameraPose {
  position: [number, number, number];
  quaternion: [number, number, number, number];
  /** Vertical field of view in degrees. */
  fov: number;
  aspect: number;
}

export interface SceneOptions {
  /** Diameter of a point in CSS pixels. */
  pointSize: number;
  pairLines: boolean;
  density: boolean;
  /** The d = 2 circle, highlighted when the points lie on it. */
  equator: boolean;
}

/** A snapshot placed on the unit sphere (3-D rows), with which points are shown. */
export interface PlacedPoints {
  /** count × 3 unit vectors. */
  placed: Float32Array;
  labels: Uint8Array;
  count: number;
  /** The pairs' two views as unit vectors: pairCount rows of view 1, then pairCount rows of view 2. */
  placedPairs: Float32Array;
  pairCount: number;
  /** 1 for each point whose class is shown. */
  shown: Uint8Array;
  /** count × 3 RGB in [0, 1] when the points are coloured by their images; null: by class. */
  colours: Float32Array | null;
}

export interface SphereRendererApi {
  resize(width: number, height: number, screenPixelRatio: number): void;
  setCamera(pose: CameraPose): void;
  setOptions(options: SceneOptions): void;
  /** A new snapshot: the points ease from where they are drawn when the count is unchanged. */
  showPoints(points: PlacedPoints): void;
  /** The class filter changed: the shown mask for the current points. */
  setShown(shown: Uint8Array): void;
  /** The last frame drawn, as a PNG (null if the browser could not encode it). */
  toPng(): Promise<Blob | null>;
  dispose(): void;
}

/** What a renderer reports, whichever thread it runs on. */
export interface RendererEvents {
  /** WebGL could not be started: the view shows this instead of the sphere. */
  onFailure(message: string): void;
  /** Frames drawn so far, reported at most four times a second while drawing (benchmarks read it). */
  onFramesDrawn(total: number): void;
  /** The WebGL context was lost (true; nothing is drawn) or restored (false; drawing resumes). */
  onContextLost(lost: boolean): void;
}

export type ToRenderer =
  | { type: 'init'; canvas: OffscreenCanvas }
  | { type: 'resize'; width: number; height: number; screenPixelRatio: number }
  | { type: 'camera'; pose: CameraPose }
  | { type: 'options'; options: SceneOptions }
  | { type: 'points'; points: PlacedPoints }
  | { type: 'shown'; shown: Uint8Array }
  | { type: 'png'; id: number };

export type FromRenderer =
  | { type: 'failed'; message: string }
  | { type: 'frames'; total: number }
  | { type: 'context'; lost: boolean }
  | { type: 'png'; id: number; blob: Blob | null };
