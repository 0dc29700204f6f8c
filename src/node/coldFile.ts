// The cross-file index's cold store on disk (core/collection/coldStore.ts): an unnamed temporary
// file, written at its end and read at any place. The file is removed as soon as it is open where
// the system allows it (POSIX), so that nothing is left behind even when the process is killed;
// elsewhere it is removed by `close` or when the process exits.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ColdStore } from '../core/collection/coldStore';
import { allocUint32 } from '../core/text/slab';

const WORD = 4;

export class ColdFile implements ColdStore {
  private fd: number;
  private size = 0;
  private readonly dir: string;
  private readonly file: string;
  private readonly cleanUp = () => this.close();

  /** A store in a new temporary file, or undefined where none can be made (the index then keeps all in memory). */
  static open(parent = os.tmpdir()): ColdFile | undefined {
    try {
      return new ColdFile(parent);
    } catch {
      return undefined;
    }
  }

  private constructor(parent: string) {
    this.dir = fs.mkdtempSync(path.join(parent, 'editorial-review-'));
    this.file = path.join(this.dir, 'fingerprints.bin');
    try {
      this.fd = fs.openSync(this.file, 'w+', 0o600);
    } catch (e) {
      fs.rmSync(this.dir, { recursive: true, force: true });
      throw e;
    }
    try {
      fs.unlinkSync(this.file);
      fs.rmdirSync(this.dir);
    } catch {
      process.once('exit', this.cleanUp);
    }
  }

  write(data: Uint32Array): number {
    const at = this.size;
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    let done = 0;
    while (done < bytes.length) done += fs.writeSync(this.fd, bytes, done, bytes.length - done, at * WORD + done);
    this.size += data.length;
    return at;
  }

  read(at: number, length: number): Uint32Array {
    // A view into a shared block: a typed array of its own costs more than the read (an index
    // reads millions of short ones back).
    const out = allocUint32(length);
    const bytes = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    let done = 0;
    while (done < bytes.length) {
      const n = fs.readSync(this.fd, bytes, done, bytes.length - done, at * WORD + done);
      if (n === 0) throw new Error(`the index's temporary file ends before word ${at + length}`);
      done += n;
    }
    return out;
  }

  /** Closes the file (and removes it where it was not removed already). */
  close(): void {
    if (this.fd < 0) return;
    fs.closeSync(this.fd);
    this.fd = -1;
    process.removeListener('exit', this.cleanUp);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
