/** The tfjs backends by name and what a page asks of them: data only, so the UI can read them without loading tfjs. */
export const backendNames = ['webgpu', 'wasm', 'webgl', 'cpu'] as const;
export type BackendName = (typeof backendNames)[number];

export interface BackendInfo {
  name: BackendName;
  /** Why this backend was chosen, in words for the status line. */
  reason: string;
  /** Threads of the wasm backend's matrix products (absent: one). */
  threads?: number;
  /**
   * A GPU backend on a software adapter (SwiftShader, llvmpipe: only when forced or nothing else starts). Each of
   * its kernels costs milliseconds, so the worker skips the linear probe's thousands of small ones there.
   */
  software?: boolean;
}

/** What a page asks of the backend: `?backend=` forces one (null: the lab chooses), `?threads=` the wasm threads (null: the lab's rule). */
export interface BackendRequest {
  forced: BackendName | null;
  threads: number | null;
}
