import * as assert from 'node:assert/strict';
import { allocUint32, copyUint32 } from '../../src/core/text/slab';
import { hash32, wordTokens } from '../../src/core/text/text';

describe('slab arrays and one-pass word hashing', () => {
  it('hands out zero-filled arrays that never overlap one another', () => {
    const arrays = Array.from({ length: 5000 }, (_, i) => allocUint32(1 + (i % 97)));
    for (const a of arrays) assert.ok(a.every(x => x === 0));
    arrays.forEach((a, i) => a.fill(i + 1));
    arrays.forEach((a, i) => assert.ok(a.every(x => x === i + 1), `array ${i} was overwritten`));
  });

  it('gives a long array a buffer of its own and copies a range exactly', () => {
    const long = allocUint32(200_000);
    assert.equal(long.length, 200_000);
    assert.equal(long.byteOffset, 0);
    const source = Uint32Array.from([7, 8, 9, 10, 11]);
    const copy = copyUint32(source, 1, 4);
    assert.deepEqual([...copy], [8, 9, 10]);
    source[2] = 0;
    assert.equal(copy[1], 9, 'the copy does not share the source');
  });

  it('lower-cases and hashes ASCII words as the general path does', () => {
    const tokens = wordTokens('Ferry TIMES changed at Dawn; the pier’s crew didn\'t say ÉTÉ 42');
    assert.deepEqual(tokens.map(t => t.norm), ['ferry', 'times', 'changed', 'at', 'dawn', 'the', "pier's", 'crew', "didn't", 'say', 'été', '42']);
    for (const t of tokens) assert.equal(t.hash, hash32(t.norm), t.norm);
  });
});
