// The editor's stored collection index (src/core/collection/fingerprintCodec.ts): fingerprints
// survive the compact binary form exactly, a damaged or foreign file is refused, and the Articles
// view's marks ("also in …") come from the stories found across files.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CollectionIndex } from '../../src/core/collection/collectionIndex';
import { FileFingerprint, fingerprintOf } from '../../src/core/collection/fingerprint';
import { defaultOptions } from '../../src/core/options/defaults';
import { review } from '../../src/core/review/review';
import { decodeIndex, encodeIndex } from '../../src/core/collection/fingerprintCodec';
import { alsoInText, marksOf } from '../../src/extension/collection/storyMarks';
import { IndexProgress } from '../../src/extension/collection/indexProgress';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'collection');

function fingerprint(name: string, mtimeMs: number): FileFingerprint {
  const text = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  let fp: FileFingerprint | undefined;
  review(text, defaultOptions(), undefined, seen => (fp = fingerprintOf(seen, { path: `collection/${name}`, size: Buffer.byteLength(text), mtimeMs })));
  assert.ok(fp);
  return fp;
}

describe('editor collection: the stored index', () => {
  const day01 = fingerprint('day01-wire.txt', 1000.5);
  const day02 = fingerprint('day02-desk.txt', 2000);

  it('gives back every fingerprint as it was, typed arrays included', () => {
    const bytes = encodeIndex({ key: 'options-1', fingerprints: [day01, day02] });
    const back = decodeIndex(bytes);
    assert.ok(back);
    assert.strictEqual(back.key, 'options-1');
    assert.deepStrictEqual(back.fingerprints, [day01, day02]);
    assert.ok(back.fingerprints[1].paragraphs.hash instanceof Float64Array);
    // The links computed from the stored fingerprints are those of the originals.
    const links = (fps: FileFingerprint[]) => {
      const index = new CollectionIndex({ order: 'name', nearDuplicateThreshold: defaultOptions().nearDuplicateThreshold });
      for (const fp of fps) index.set(fp);
      return index.linksFor('collection/day02-desk.txt');
    };
    const fresh = links([day01, day02]);
    assert.ok(fresh.articles.length >= 2, 'the fixture has a copy and an updated version');
    assert.deepStrictEqual(links(back.fingerprints), fresh);
  });

  it('reads the columns from a buffer at any offset (a Buffer from a pool)', () => {
    const bytes = encodeIndex({ key: 'k', fingerprints: [day02] });
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    assert.deepStrictEqual(decodeIndex(shifted.subarray(3))?.fingerprints, [day02]);
  });

  it('refuses bytes that are no stored index, or cut short', () => {
    const bytes = encodeIndex({ key: 'k', fingerprints: [day01] });
    assert.strictEqual(decodeIndex(new TextEncoder().encode('{"not": "an index"}')), undefined);
    assert.strictEqual(decodeIndex(bytes.subarray(0, bytes.length - 16)), undefined);
    assert.strictEqual(decodeIndex(bytes.subarray(0, 8)), undefined);
  });

  it('leaves out a fingerprint of another version (it is computed again)', () => {
    const old = { ...day01, version: day01.version - 1 };
    assert.deepStrictEqual(decodeIndex(encodeIndex({ key: 'k', fingerprints: [old, day02] }))?.fingerprints, [day02]);
  });
});

describe('editor collection: marks and progress', () => {
  it('marks every occurrence of a story with the others, never with itself', () => {
    const marks = marksOf([
      {
        title: 'A story',
        occurrences: [
          { path: 'a/day01.txt', index: 1, title: 'A story', kind: 'original', startLine: 1 },
          { path: 'a/day02.txt', index: 2, title: 'A story', kind: 'exact', startLine: 6 },
          { path: 'a/day03.txt', index: 4, title: 'A story, updated', kind: 'variant', startLine: 30 },
        ],
      },
    ]);
    const first = marks.get('a/day01.txt')?.get(1) ?? [];
    assert.deepStrictEqual(first.map(m => [m.path, m.index, m.kind]), [['a/day02.txt', 2, 'exact'], ['a/day03.txt', 4, 'variant']]);
    assert.strictEqual(alsoInText(first), 'also in day02.txt #2 and 1 more');
    assert.deepStrictEqual(marks.get('a/day03.txt')?.get(4)?.map(m => m.path), ['a/day01.txt', 'a/day02.txt']);
    assert.strictEqual(marks.get('a/day02.txt')?.get(1), undefined);
  });

  it('says files done of total, the rate and the time left', () => {
    const start = 1_000_000;
    const p = new IndexProgress(10_000_000, 4, start);
    assert.strictEqual(p.message(0, start), 'indexing 1/4 files');
    p.done(2_000_000);
    assert.strictEqual(p.message(1, start + 2000), 'indexing 2/4 files \u00B7 1.0 MB/s \u00B7 8 s left');
  });
});

describe('editor collection: links of another text of a file (Remove All in rounds)', () => {
  const fingerprintOfText = (name: string, text: string) => {
    let fp: FileFingerprint | undefined;
    review(text, defaultOptions(), undefined, seen => (fp = fingerprintOf(seen, { path: `collection/${name}`, size: Buffer.byteLength(text), mtimeMs: 1 })));
    assert.ok(fp);
    return fp;
  };

  it('gives the links the other text would have and leaves the index as it was', () => {
    const text01 = fs.readFileSync(path.join(FIXTURES, 'day01-wire.txt'), 'utf8');
    const text02 = fs.readFileSync(path.join(FIXTURES, 'day02-desk.txt'), 'utf8');
    const index = new CollectionIndex({ order: 'name', nearDuplicateThreshold: defaultOptions().nearDuplicateThreshold });
    index.set(fingerprintOfText('day01-wire.txt', text01));
    const day02 = fingerprintOfText('day02-desk.txt', text02);
    index.set(day02);
    const before = JSON.stringify(index.linksFor(day02.path));
    assert.ok(index.linksFor(day02.path).articles.length > 0, 'day02 holds a copy of an article of day01');
    // The same file with nothing of day01 in it: no links, and the index still holds day02 as it is.
    const unrelated = fingerprintOfText('day02-desk.txt', 'Weather\n\nIt rained on Tuesday in the north of the country, the weather service said.\n');
    const asIf = index.linksAsIf(unrelated);
    assert.deepStrictEqual([asIf.articles.length, asIf.paragraphs.length], [0, 0]);
    assert.strictEqual(index.get(day02.path), day02);
    assert.strictEqual(JSON.stringify(index.linksFor(day02.path)), before);
  });
});
