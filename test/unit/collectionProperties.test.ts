// Properties of a collection (issue 14 item 6), checked with fast-check on generated folders: later
// files take whole blocks of earlier ones (an article copied, paragraphs pasted, sometimes with two
// words swapped: an updated version). After a cross-file Remove All (what --fix removes in every
// file), every line of the collection still exists in some file, and a fresh review of the fixed
// collection finds no cross-file copy left (in nearly every case: see the test). The files are reviewed one by one in the
// collection's order and linked through fingerprints only, as the command line does.
import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { defaultOptions } from '../../src/core/options/defaults';
import { applyEdits, removeAllRepeatedPassages } from '../../src/core/review/fixes';
import type { Finding } from '../../src/core/model/types';
import { normalizeForCompare } from '../../src/core/text/text';
import * as assert from 'node:assert/strict';
import { CollectionFile, fixCollection, reviewCollection } from './collectionReview';
import { buildDump, describeText, dumpPlan } from './generators';
import { runParameters } from './properties';
import { CollectionIndex } from '../../src/core/collection/collectionIndex';
import { ColdStore, MemoryColdStore } from '../../src/core/collection/coldStore';
import { FileFingerprint, fingerprintOf } from '../../src/core/collection/fingerprint';
import { compileLexicons } from '../../src/core/language/lexicon';
import { review } from '../../src/core/review/review';

const options = defaultOptions();

/** Blocks between blank lines. */
function blocksOf(text: string): string[] {
  return text.split(/\n[ \t]*\n/).map(b => b.trim()).filter(b => /[\p{L}\p{N}]/u.test(b));
}

/** A block with two adjacent words of its first long line swapped (a light edit), or the block unchanged. */
function swapTwoWords(block: string): string {
  const lines = block.split('\n');
  const k = lines.findIndex(l => l.split(' ').length > 12);
  if (k < 0) return block;
  const words = lines[k].split(' ');
  [words[4], words[5]] = [words[5], words[4]];
  lines[k] = words.join(' ');
  return lines.join('\n');
}

/** How a later file takes from an earlier one: which earlier file, which blocks, where, and whether lightly edited. */
const borrowing = fc.record({
  from: fc.nat(),
  first: fc.nat(),
  count: fc.integer({ min: 1, max: 6 }),
  at: fc.nat(),
  edited: fc.boolean(),
});

const collection = fc.record({
  plans: fc.array(dumpPlan, { minLength: 2, maxLength: 3 }),
  borrowings: fc.array(borrowing, { minLength: 1, maxLength: 4 }),
}).map(({ plans, borrowings }) => {
  const texts = plans.map(buildDump);
  borrowings.forEach((b, n) => {
    // File k (from the second on) takes from a file before it.
    const k = 1 + (n % (texts.length - 1));
    const source = blocksOf(texts[b.from % k]);
    if (source.length === 0) return;
    const first = b.first % source.length;
    let taken = source.slice(first, first + b.count);
    if (b.edited) taken = [swapTwoWords(taken[0]), ...taken.slice(1)];
    const target = texts[k].split(/\n[ \t]*\n/);
    const at = b.at % (target.length + 1);
    texts[k] = [...target.slice(0, at), ...taken, ...target.slice(at)].join('\n\n');
  });
  return texts.map((text, i) => ({ path: `day${i + 1}.txt`, text }));
});

function describeCollection(files: readonly CollectionFile[]): string {
  return files.map(f => `--- ${f.path}\n${describeText(f.text, 1500)}`).join('\n');
}

const sentencesOf = (line: string) => line.split(/(?<=[.!?]["\u201D]?)\s+/).filter(x => /[\p{L}\p{N}]/u.test(x));

/**
 * The share of generated collections allowed to show a repeated passage after Remove All (fix-all
 * until a fresh review finds nothing more, at most `MAX_FIX_ROUNDS` rounds: `settleFixAll`, as
 * --fix does). Measured on 1,000 generated collections: one round leaves a cross-file copy in
 * 10.1 %; the settled fix leaves a repeated passage in 0.3 %. What one round misses comes from
 * judgements Remove All itself changes: how a file is cut into articles (a copy read with the text
 * after it as one updated version becomes an exact copy and a new article; a hard-wrapped
 * paragraph's first line becomes a headline), and which article is an updated version of which
 * (when an earlier article's copy of a paragraph goes, an in-file version that shared it stands
 * alone and shows it as a repeat): the next round removes those. With 300 runs the bound is about
 * three standard deviations above the measured share.
 */
const MAX_UNCONVERGED = 0.02;

const crossFileCopy = (f: Finding) => f.rule === 'repeated-passage' && (f.related ?? []).some(rel => rel.path !== undefined);

const linesOf = (text: string) => text.split(/\r?\n/).map(l => normalizeForCompare(l)).filter(l => /[\p{L}\p{N}]/u.test(l));

/** Throws when a line of the collection exists in no file after the fix (a line may lose a repeated sentence: each of its sentences survives). */
function assertEveryLineSurvives(files: readonly CollectionFile[], fixed: readonly CollectionFile[]): void {
  const left = new Set(fixed.flatMap(f => linesOf(f.text)));
  const leftText = fixed.map(f => normalizeForCompare(f.text)).join('\n');
  for (const f of files) {
    for (const line of linesOf(f.text)) {
      if (!left.has(line) && !sentencesOf(line).every(x => leftText.includes(x))) {
        throw new Error(`the only copy of ${JSON.stringify(line)} (${f.path}) is gone\n${describeCollection(files)}`);
      }
    }
  }
}

describe('collections: properties (fast-check)', () => {
  it('one round of a cross-file Remove All keeps every line of the collection in some file', () => {
    fc.assert(fc.property(collection, files => {
      const reviews = reviewCollection(files, options);
      assertEveryLineSurvives(files, files.map((f, i) => ({ path: f.path, text: applyEdits(f.text, removeAllRepeatedPassages(reviews[i])) })));
    }), runParameters(40));
  });

  it('Remove All until nothing more is found (--fix) keeps every line of the collection in some file', () => {
    fc.assert(fc.property(collection, files => assertEveryLineSurvives(files, fixCollection(files, options))), runParameters(40));
  });

  it('after Remove All (--fix), a fresh review of nearly every generated collection finds no repeated passage left', () => {
    // Not every one yet (issue 14 item 6): see MAX_UNCONVERGED; the share left is printed and bounded.
    let collections = 0;
    let oneRound = 0;
    let settled = 0;
    fc.assert(fc.property(collection, files => {
      collections++;
      const reviews = reviewCollection(files, options);
      const once = files.map((f, i) => ({ path: f.path, text: applyEdits(f.text, removeAllRepeatedPassages(reviews[i])) }));
      if (reviewCollection(once, options).some(r => r.findings.some(crossFileCopy))) oneRound++;
      if (reviewCollection(fixCollection(files, options), options).some(r => r.findings.some(f => f.rule === 'repeated-passage'))) settled++;
    }), runParameters(300));
    console.log(`      after one round ${oneRound} of ${collections} generated collections show a cross-file copy; after Remove All until nothing more is found, ${settled} show any repeated passage`);
    if (settled > collections * MAX_UNCONVERGED) throw new Error(`${settled} of ${collections} collections still show a repeated passage after Remove All`);
  });
  it('files retired to the cold store once linked (the command line\'s one pass, at once or beyond a budget) change no link, no story and no re-link, even when the store cannot be written', () => {
    let readBack = 0;
    let failed = 0;
    // Now and then a store that cannot be written after a few writes (a full disk).
    const failAfter = fc.option(fc.nat({ max: 6 }), { freq: 3 });
    fc.assert(fc.property(collection, fc.constantFrom(0, 0, 40000), failAfter, (files, warmBudget, writesBeforeFailure) => {
      const lexicons = compileLexicons(options);
      const fingerprints = files.map(f => {
        let fp: FileFingerprint | undefined;
        review(f.text, options, lexicons, seen => (fp = fingerprintOf(seen, { path: f.path, size: f.text.length, mtimeMs: 0 })));
        return fp!;
      });
      const indexOf = (coldStore?: ColdStore) => new CollectionIndex({ order: 'name', nearDuplicateThreshold: options.nearDuplicateThreshold, coldStore, warmBudget });
      const warm = indexOf();
      const store = new MemoryColdStore();
      const reads = store.read.bind(store);
      store.read = (at, length) => (readBack++, reads(at, length));
      const writes = store.write.bind(store);
      let written = 0;
      store.write = data => {
        if (writesBeforeFailure !== null && written >= writesBeforeFailure) throw new Error('no space left on device');
        written++;
        return writes(data);
      };
      const cold = indexOf(store);
      for (const fp of fingerprints) {
        warm.set(fp);
        cold.set(fp);
        assert.deepEqual(cold.linksFor(fp.path), warm.linksFor(fp.path));
        cold.retire(fp.path);
      }
      if (cold.coldStoreError !== undefined) failed++;
      assert.deepEqual(cold.stories(), warm.stories());
      for (const fp of fingerprints) assert.deepEqual(cold.linksFor(fp.path), warm.linksFor(fp.path));
      // A retired file given back (as linksAsIf does) is indexed whole again.
      const last = fingerprints[fingerprints.length - 1];
      cold.set(cold.get(fingerprints[0].path)!);
      warm.set(fingerprints[0]);
      assert.deepEqual(cold.linksFor(last.path), warm.linksFor(last.path));
      // (Each index is given the same files in the same order: with crowded band keys, which
      // postings a lookup reads first depends on the order files were added.)
      cold.retire(fingerprints[0].path);
      cold.set(cold.get(last.path)!);
      warm.set(last);
      assert.deepEqual(cold.linksFor(last.path), warm.linksFor(last.path));
    }), runParameters(40));
    assert.ok(readBack > 0, 'no generated collection read anything back from the cold store');
    assert.ok(failed > 0, 'no generated collection met a cold store that cannot be written');
  });

  it('an updated version is never removed by a cross-file Remove All', () => {
    fc.assert(fc.property(collection, files => {
      const reviews = reviewCollection(files, options);
      reviews.forEach((r, i) => {
        const removals = removeAllRepeatedPassages(r).map(e => e.range);
        for (const f of r.findings) {
          const data = f.data as { kind?: string } | undefined;
          if (f.rule !== 'near-duplicate' || data?.kind !== 'article') continue;
          const taken = removals.some(x => x.start <= f.range.start && f.range.end <= x.end);
          if (taken) throw new Error(`${files[i].path}: Remove All removes the updated version at ${f.range.start}: ${f.message}`);
        }
      });
    }), runParameters(40));
  });
});

describe('collections: --fix until nothing more is found', () => {
  /** The command line on a folder (exit code, JSON report when asked). */
  const cli = (dir: string, args: string[]) => {
    let stdout = '';
    const code = run(args, { cwd: dir, stdout: t => (stdout += t), stderr: () => undefined });
    return { code, stdout };
  };

  it('leaves no repeated passage in a generated collection where one round of Remove All does, and keeps every line', () => {
    // The first of a fixed sample of generated collections that one round does not settle.
    const files = fc.sample(collection, { seed: 14, numRuns: 300 }).find(fs0 => {
      const reviews = reviewCollection(fs0, options);
      const once = fs0.map((f, i) => ({ path: f.path, text: applyEdits(f.text, removeAllRepeatedPassages(reviews[i])) }));
      return reviewCollection(once, options).some(r => r.findings.some(f => f.rule === 'repeated-passage'));
    });
    assert.ok(files, 'a sample of 300 generated collections holds one that one round of Remove All does not settle');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'er-settle-'));
    try {
      for (const f of files) fs.writeFileSync(path.join(dir, f.path), f.text);
      cli(dir, ['--fix', '--quiet', '.']);
      const fixed = files.map(f => ({ path: f.path, text: fs.readFileSync(path.join(dir, f.path), 'utf8') }));
      assertEveryLineSurvives(files, fixed);
      const report = JSON.parse(cli(dir, ['--format', 'json', '.']).stdout) as { files: { path: string; findings: Finding[] }[] };
      const left = report.files.flatMap(f => f.findings.filter(x => x.rule === 'repeated-passage').map(x => `${f.path}: ${x.message}`));
      assert.deepStrictEqual(left, []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
