// An append-only collection index (the command line's one pass, src/core/collection/collectionIndex.ts
// `appendOnly`) keeps only the band postings a lookup can read, and finds the same links as an index
// that keeps them all: here one story comes back in forty daily files, then once lightly edited.
// The dumps are written for this test.
import * as assert from 'assert';
import { CollectionIndex } from '../../src/core/collection/collectionIndex';
import { MemoryColdStore } from '../../src/core/collection/coldStore';
import { FileFingerprint, fingerprintOf } from '../../src/core/collection/fingerprint';
import { defaultOptions } from '../../src/core/options/defaults';
import { review } from '../../src/core/review/review';

const STORY = [
  'Harbour dredging to start in spring',
  'The port authority will start dredging the inner harbour in March, deepening the channel by two metres so that the larger ferries can berth at low tide, its chairman told the annual meeting.',
  'The work is expected to take eleven weeks and will close the fish quay on alternate days, which the fishermen\u2019s cooperative said would cost its members a season\u2019s landings.',
  'Spoil from the dredging will be taken by barge to a licensed site twelve miles offshore, a plan the wildlife trust has asked to see before it is approved.',
];
const EDITED = 'The work is now expected to take nine weeks and will close the fish quay on alternate days, which the fishermen\u2019s cooperative said would cost its members most of a season\u2019s landings.';
const PLACES = ['Ashby', 'Brook', 'Carrow', 'Dunmore', 'Eastleigh', 'Fernhill', 'Glenmore', 'Hawick'];
const THINGS = ['library', 'bridge', 'market', 'school', 'surgery', 'station', 'museum', 'park'];

/** Day `d`'s dump: an article of its own, then the story (lightly edited on the last day). */
function day(d: number, last: boolean): string {
  const place = PLACES[d % PLACES.length];
  const thing = THINGS[Math.floor(d / PLACES.length) % THINGS.length];
  const own = [
    `${place} ${thing} plan approved on day ${d}`,
    `Councillors in ${place} approved on day ${d} a plan to rebuild the ${thing}, at a cost of ${d + 2} hundred thousand pounds spread over ${d % 5 + 2} years of the council\u2019s budget.`,
  ];
  const story = last ? STORY.map(p => (p === STORY[2] ? EDITED : p)) : STORY;
  return [...own, '', ...story].join('\n\n') + '\n';
}

function fingerprint(path: string, text: string): FileFingerprint {
  let fp: FileFingerprint | undefined;
  review(text, defaultOptions(), undefined, seen => (fp = fingerprintOf(seen, { path, size: text.length, mtimeMs: 0 })));
  return fp!;
}

describe('collections: an append-only index (the command line\'s one pass)', () => {
  const DAYS = 40;
  const fingerprints = Array.from({ length: DAYS }, (_, d) => fingerprint(`day${String(d).padStart(2, '0')}.txt`, day(d, d === DAYS - 1)));
  const options = { order: 'name' as const, nearDuplicateThreshold: defaultOptions().nearDuplicateThreshold };

  it('finds the links an index keeping every posting finds, and holds fewer postings', () => {
    const full = new CollectionIndex(options);
    const appendOnly = new CollectionIndex({ ...options, appendOnly: true, coldStore: new MemoryColdStore(), warmBudget: 0 });
    for (const fp of fingerprints) {
      full.set(fp);
      appendOnly.set(fp);
      assert.deepStrictEqual(appendOnly.linksFor(fp.path), full.linksFor(fp.path), fp.path);
      appendOnly.retire(fp.path);
    }
    const last = full.linksFor(fingerprints[DAYS - 1].path);
    assert.ok(last.articles.some(a => a.kind === 'variant' && a.original.path === 'day00.txt'), 'the edited story is an updated version of the first day\u2019s');
    assert.deepStrictEqual(appendOnly.stories(), full.stories());
    const bandBytes = (index: CollectionIndex) => (index as unknown as { bands: { bytes: number } }).bands.bytes;
    assert.ok(bandBytes(appendOnly) < bandBytes(full), `${bandBytes(appendOnly)} bytes of band postings, against ${bandBytes(full)}`);
  });

  it('refuses to replace or remove a file', () => {
    const index = new CollectionIndex({ ...options, appendOnly: true });
    index.set(fingerprints[0]);
    assert.throws(() => index.set(fingerprints[0]), /append-only/);
    assert.throws(() => index.delete(fingerprints[0].path), /append-only/);
  });
});
