/** Steps per second over the last few steps (a sliding window, so a pause does not drag it down). */
export class StepRateMeter {
  private times: number[] = [];

  constructor(private readonly window = 20) {}

  tick(now = performance.now()): void {
    this.times.push(now);
    if (this.times.length > this.window) this.times.shift();
  }

  perSecond(): number {
    const n = this.times.length;
    if (n < 2) return 0;
    return ((n - 1) * 1000) / (this.times[n - 1]! - this.times[0]!);
  }

  reset(): void {
    this.times = [];
  }
}
