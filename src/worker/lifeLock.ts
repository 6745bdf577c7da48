/**
 * A worker's life, told by a Web Lock: the worker holds a lock named after itself until it ends (closed, killed
 * to save memory, crashed), and the page asks for the same lock, which it is granted only then. This sees a dead
 * worker at once however long the worker's own thread is busy, which a missing heartbeat cannot tell from a slow
 * one. Without Web Locks (an insecure page) nothing is held or watched, and the page relies on the heartbeat.
 */

function lockManager(): LockManager | null {
  return (globalThis.navigator as Navigator | undefined)?.locks ?? null;
}

/** In the worker: holds lock `name` for the rest of its life; `held` runs once it does. */
export function holdLifeLock(name: string, held: () => void): void {
  const locks = lockManager();
  if (!name || !locks) return;
  void locks.request(name, () => {
    held();
    return new Promise<never>(() => {});
  });
}

/** In the page: calls `ended` once the holder of lock `name` is gone (the lock, granted then, is let go at once). */
export function watchLifeLock(name: string, ended: () => void): void {
  void lockManager()?.request(name, () => ended());
}
