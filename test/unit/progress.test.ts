import * as assert from 'assert';
import { ProgressLine, formatDuration, progressText, terminalProgress } from '../../src/cli/progress';

describe('cli: progress line', () => {
  it('says files done of total, throughput and time left', () => {
    const text = progressText({ filesDone: 10, filesTotal: 40, bytesDone: 2e6, bytesTotal: 8e6, elapsedMs: 1000 });
    assert.strictEqual(text, '10/40 files \u00B7 2.0 MB/s \u00B7 3s left');
    assert.strictEqual(progressText({ filesDone: 0, filesTotal: 3, bytesDone: 0, bytesTotal: 10, elapsedMs: 0 }), '0/3 files');
    assert.strictEqual(progressText({ filesDone: 3, filesTotal: 3, bytesDone: 10, bytesTotal: 10, elapsedMs: 10 }), '3/3 files \u00B7 0.0 MB/s');
  });

  it('formats durations in seconds, minutes and hours', () => {
    assert.strictEqual(formatDuration(42_000), '42s');
    assert.strictEqual(formatDuration(65_000), '1m 05s');
    assert.strictEqual(formatDuration(3_720_000), '1h 02m');
  });

  it('redraws in place, at most once per interval, always for the last file, and clears at the end', () => {
    const out: string[] = [];
    const line = new ProgressLine({ write: t => out.push(t), columns: 80 }, 100);
    const at = (done: number, ms: number) => line.update({ filesDone: done, filesTotal: 3, bytesDone: done, bytesTotal: 3, elapsedMs: ms });
    at(1, 0);
    at(2, 50); // within the interval: not drawn
    at(3, 60); // the last file: drawn
    line.done();
    assert.strictEqual(out.length, 3);
    assert.ok(out[0].startsWith('\r1/3 files') && out[0].endsWith('\x1b[K'));
    assert.ok(out[1].startsWith('\r3/3 files'));
    assert.strictEqual(out[2], '\r\x1b[K');
  });

  it('never draws a line wider than the terminal', () => {
    const out: string[] = [];
    const line = new ProgressLine({ write: t => out.push(t), columns: 12 });
    line.update({ filesDone: 1, filesTotal: 500, bytesDone: 1e6, bytesTotal: 1e8, elapsedMs: 1000 });
    assert.strictEqual(out[0], '\r1/500 files\x1b[K');
  });

  it('draws nothing when standard error is not a terminal, or with --quiet', () => {
    const written: string[] = [];
    const fake = { isTTY: false, columns: 80, write: (t: string) => written.push(t) } as unknown as NodeJS.WriteStream;
    assert.strictEqual(terminalProgress(fake, false), undefined);
    const tty = { isTTY: true, columns: 80, write: (t: string) => written.push(t) } as unknown as NodeJS.WriteStream;
    assert.strictEqual(terminalProgress(tty, true), undefined);
    const line = terminalProgress(tty, false);
    assert.ok(line);
    line.update({ filesDone: 1, filesTotal: 1, bytesDone: 1, bytesTotal: 1, elapsedMs: 1 });
    assert.strictEqual(written.length, 1);
  });
});
