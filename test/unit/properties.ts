// The properties the engine must keep for any dump and any editing session, as fast-check
// properties: run briefly by the unit suite (properties.test.ts) and at length by `npm run fuzz`
// (bench/fuzz.ts). Generators are in generators.ts, the checks in invariants.ts.
import * as fc from 'fast-check';
import { defaultOptions } from '../../src/core/options/defaults';
import { applyEdits, removeAllRepeatedPassages } from '../../src/core/review/fixes';
import { Reviewer } from '../../src/core/review/review';
import { ReviewOptions } from '../../src/core/model/types';
import { applyEdit, buildDump, describeText, dumpPlan, editingSession } from './generators';
import { checkFixes, checkIncremental, checkRemoveAll, freshReview, uncapped } from './invariants';

/** How much the properties have checked so far (the fuzz run reports it). */
export const checked = { dumps: 0, edits: 0, removeAlls: 0 };

/** fast-check's parameters: a fixed number of runs, or a replay of a reported failure. */
export function runParameters(numRuns: number): fc.Parameters<unknown> {
  const seed = process.env.FC_SEED;
  return seed !== undefined ? { seed: Number(seed), path: process.env.FC_PATH, numRuns, endOnFailure: true } : { numRuns };
}

/** The options of a run: the defaults, with a small display cap or shorter sentences now and then. */
/** Terms a user might add: with punctuation (matched as literal text) and plain words. */
const USER_TERMS = [
  { term: 'U.S.', suggestions: ['US'] },
  { term: '9/11', suggestions: ['the 2001 attacks'] },
  { term: 'x|y', suggestions: ['z'] },
  { term: 'council said', suggestions: ['the council stated'] },
];

/**
 * The options of a run: the defaults, with now and then a small display cap, shorter sentences,
 * the user's own terms, a silenced term or near duplicates switched off.
 */
export const optionsArb: fc.Arbitrary<ReviewOptions> = fc.record({
  cap: fc.constantFrom(500, 500, 3),
  minWords: fc.constantFrom(8, 8, 4),
  terms: fc.boolean(),
  ignored: fc.boolean(),
  near: fc.constantFrom(true, true, true, false),
}).map(({ cap, minWords, terms, ignored, near }) => {
  const o = defaultOptions();
  o.maxFindingsPerRule = cap;
  o.minWords = minWords;
  if (terms) o.terms = USER_TERMS.map(t => ({ ...t, suggestions: [...t.suggestions] }));
  if (ignored) o.ignoredTerms = ['regime'];
  o.rules['near-duplicate'].enabled = near;
  return o;
});

/** Says which text broke a check, then rethrows (fast-check adds the seed). */
function explain<T>(what: string, text: string, check: () => T): T {
  try {
    return check();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new Error(`${what}: ${message}\ntext: ${describeText(text)}`);
  }
}

/** What each property says (the unit tests' titles: `npx mocha -g` finds them by these). */
export const TITLES = {
  incremental: 'the incremental review equals a fresh review after every edit',
  removeAll: 'remove all leaves no repeat, keeps one copy of every line and paragraph, changes nothing else',
  fixes: 'every fix changes only its range',
};

/** The properties. */
export const properties = {
  /**
   * After every edit, the incremental review equals a fresh review; then Remove All applied on the
   * incremental review (as the editor does) and reviewed again, incrementally.
   */
  incremental: fc.property(editingSession, optionsArb, ({ plan, edits }, options) => {
    let text = buildDump(plan);
    checked.dumps++;
    const reviewer = new Reviewer(options);
    let last = reviewer.review(text);
    explain('first review', text, () => checkIncremental(last, text, options));
    edits.forEach((e, i) => {
      const before = text;
      text = applyEdit(text, e);
      checked.edits++;
      last = reviewer.review(text);
      explain(`after edit ${i + 1} ${JSON.stringify(e)} of ${describeText(before, 600)}`, text, () => checkIncremental(last, text, options));
    });
    const before = text;
    text = applyEdits(text, removeAllRepeatedPassages(last));
    checked.removeAlls++;
    explain(`after Remove All on ${describeText(before, 600)}`, text, () => checkIncremental(reviewer.review(text), text, options));
  }),
  /** Remove All once: every repeat goes, only repeats go, one copy of everything stays. */
  removeAll: fc.property(dumpPlan, optionsArb, (plan, options) => {
    const text = buildDump(plan);
    checked.dumps++;
    explain('remove all', text, () => checkRemoveAll(text, freshReview(text, options), freshReview(text, uncapped(options))));
  }),
  /** Every fix of every finding changes only its range. */
  fixes: fc.property(dumpPlan, optionsArb, (plan, options) => {
    const text = buildDump(plan);
    checked.dumps++;
    explain('fixes', text, () => checkFixes(text, freshReview(text, uncapped(options))));
  }),
};

