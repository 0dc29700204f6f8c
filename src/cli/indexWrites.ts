// The on-disk index's writes during a run (--index): the first that fails (a full disk, a file
// size limit) is said once and the run goes on without storing more, so that the report stays
// whole and the exit status says something went wrong (2); the index keeps what it held, and a
// later run reviews again what this one could not store.

export class IndexWrites {
  private stopped = false;

  /** `failed` is given the first error, once. */
  constructor(private readonly failed: (error: unknown) => void) {}

  /** Runs `write` unless an earlier write failed. */
  async run(write: () => Promise<void> | void): Promise<void> {
    if (this.stopped) return;
    try {
      await write();
    } catch (e) {
      this.stopped = true;
      this.failed(e);
    }
  }
}
