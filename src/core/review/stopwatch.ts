// Milliseconds per stage of a review, summed over the stage's laps. A class with a method, not a
// closure made per call (ARCHITECTURE.md: no inline callbacks in per-file code): the paragraph
// analysis laps its stages for every paragraph.

export class Stopwatch {
  /** Milliseconds per stage, in the order the stages were first timed (or set to 0). */
  readonly times: Record<string, number> = {};
  private last = performance.now();

  /** Starts timing from now (the time since the last lap is not counted). */
  restart(): void {
    this.last = performance.now();
  }

  /** Adds the time since the last lap (or restart) to `stage`. */
  lap(stage: string): void {
    const now = performance.now();
    this.times[stage] = (this.times[stage] ?? 0) + (now - this.last);
    this.last = now;
  }

  /** Lists `stage` (at 0 until it is timed), so that it is reported even when it never runs. */
  zero(stage: string): void {
    this.times[stage] ??= 0;
  }
}
