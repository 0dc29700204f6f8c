// The command line's cold store: a temporary file that reads back what was written, at any place,
// and leaves nothing behind.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ColdFile } from '../../src/node/coldFile';
import { MemoryColdStore } from '../../src/core/collection/coldStore';

describe('cold store on disk (ColdFile)', () => {
  const blocks = [Uint32Array.from([1, 2, 3]), new Uint32Array(0), Uint32Array.from({ length: 5000 }, (_, i) => (i * 2654435761) >>> 0), Uint32Array.from([0xffffffff])];

  it('reads back any range of what was written, across writes, as the store in memory does', () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'er-cold-'));
    const file = ColdFile.open(parent)!;
    const memory = new MemoryColdStore();
    try {
      const places = blocks.map(b => file.write(b));
      assert.deepEqual(places, blocks.map(b => memory.write(b)));
      // A view into a larger buffer is written as the view, not as its buffer.
      const big = Uint32Array.from([7, 8, 9, 10]);
      const at = file.write(big.subarray(1, 3));
      assert.equal(memory.write(big.subarray(1, 3)), at);
      assert.deepEqual(Array.from(file.read(at, 2)), [8, 9]);
      for (const [from, length] of [[0, 3], [1, 2], [2, 10], [3, 5000], [5002, 2], [0, at + 2]]) {
        assert.deepEqual(file.read(from, length), memory.read(from, length), `${length} words from ${from}`);
      }
      assert.throws(() => file.read(at, 3), /ends before/);
    } finally {
      file.close();
      file.close();
    }
    assert.deepEqual(fs.readdirSync(parent), [], 'nothing is left in the temporary folder');
    fs.rmdirSync(parent);
  });

  it('is not made where no temporary file can be (the index then keeps everything in memory)', () => {
    assert.equal(ColdFile.open(path.join(os.tmpdir(), 'er-no-such-folder', 'deeper')), undefined);
  });
});
