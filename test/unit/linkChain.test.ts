// The chain keys under which the on-disk index stores a file's cross-file links (linkChain.ts): a
// file's key changes exactly when it or a file before it changes, or the question does.
import * as assert from 'assert';
import * as fc from 'fast-check';
import { ChainedFile, LinkChain } from '../../src/node/index/linkChain';

function keys(question: string, files: readonly ChainedFile[]): string[] {
  const chain = new LinkChain(question);
  return files.map(f => chain.next(f));
}

const file = fc.record({
  path: fc.string({ minLength: 1, maxLength: 12 }),
  size: fc.nat(),
  mtimeMs: fc.double({ min: 0, max: 2e12, noNaN: true }),
  contentHash: fc.integer(),
  optionsKey: fc.string({ maxLength: 8 }),
});

describe('link chain keys (stored cross-file links)', () => {
  it('gives the same files in the same order the same keys, each file its own', () => {
    const files: ChainedFile[] = [
      { path: 'day1.txt', size: 10, mtimeMs: 1, contentHash: 7, optionsKey: 'o' },
      { path: 'day2.txt', size: 10, mtimeMs: 1, contentHash: 7, optionsKey: 'o' },
    ];
    const first = keys('q', files);
    assert.deepStrictEqual(keys('q', files), first);
    assert.notStrictEqual(first[0], first[1]);
    assert.notDeepStrictEqual(keys('another question', files), first);
  });

  it('changes the key of the changed file and of every file after it, and no other', () => {
    const fields = ['path', 'size', 'mtimeMs', 'contentHash', 'optionsKey'] as const;
    fc.assert(
      fc.property(fc.array(file, { minLength: 1, maxLength: 8 }), fc.nat(), fc.constantFrom(...fields), (files, at, field) => {
        const j = at % files.length;
        const changed = files.slice();
        const f = { ...files[j] };
        if (field === 'path' || field === 'optionsKey') f[field] = `${f[field]}x`;
        else f[field] = f[field] + 1;
        changed[j] = f;
        const before = keys('q', files);
        const after = keys('q', changed);
        for (let k = 0; k < files.length; k++) {
          if (k < j) assert.strictEqual(after[k], before[k], `file ${k} is before the change`);
          else assert.notStrictEqual(after[k], before[k], `file ${k} is at or after the change`);
        }
      }),
    );
  });

  it('changes every key when a file is left out before them', () => {
    const files: ChainedFile[] = ['a', 'b', 'c'].map(p => ({ path: p, size: 1, mtimeMs: 1, contentHash: 1, optionsKey: '' }));
    const all = keys('q', files);
    const without = keys('q', [files[0], files[2]]);
    assert.strictEqual(without[0], all[0]);
    assert.notStrictEqual(without[1], all[2]);
  });
});
