/**
 * Merges a stream of partial updates and applies them at most once per interval: the first patch
 * right away, later ones merged and applied when the interval ends. The worker reports every training
 * step; React only needs a few updates a second.
 */
export interface PatchThrottle<T extends object> {
  push(patch: Partial<T>): void;
  /** Applies what is pending now (for events that must show at once). */
  flush(): void;
  /** Drops what is pending (e.g. numbers from a run that was just reset). */
  cancel(): void;
}

export function createPatchThrottle<T extends object>(apply: (patch: Partial<T>) => void, intervalMs: number): PatchThrottle<T> {
  let pending: Partial<T> | null = null;
  let cooldown: ReturnType<typeof setTimeout> | null = null;

  const endCooldown = (): void => {
    cooldown = null;
    if (pending) applyNow();
  };
  const applyNow = (): void => {
    const patch = pending;
    pending = null;
    if (patch) apply(patch);
    cooldown ??= setTimeout(endCooldown, intervalMs);
  };

  return {
    push(patch) {
      pending = { ...pending, ...patch };
      if (!cooldown) applyNow();
    },
    flush() {
      if (pending) applyNow();
    },
    cancel() {
      pending = null;
    },
  };
}
