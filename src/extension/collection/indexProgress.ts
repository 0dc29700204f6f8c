// What the status bar says while the index is built: files done of total, MB/s, time left.
export class IndexProgress {
  private bytes = 0;

  constructor(
    private readonly totalBytes: number,
    private readonly files: number,
    private readonly started = Date.now(),
  ) {}

  done(bytes: number): void {
    this.bytes += bytes;
  }

  /** "indexing 12/40 files · 3.2 MB/s · 5 s left" (before file `i`, 0-based). */
  message(i: number, now = Date.now()): string {
    const seconds = (now - this.started) / 1000;
    const head = `indexing ${i + 1}/${this.files} files`;
    if (seconds < 0.5 || this.bytes === 0) return head;
    const rate = this.bytes / seconds;
    const left = Math.max(0, (this.totalBytes - this.bytes) / rate);
    return `${head} \u00B7 ${(rate / 1e6).toFixed(1)} MB/s \u00B7 ${left < 60 ? `${Math.ceil(left)} s` : `${Math.ceil(left / 60)} min`} left`;
  }
}
