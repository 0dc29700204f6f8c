// Chooses the lines that open articles from the evidence of every line (features.ts), in two steps:
// 1. how much each layout category (a line alone between blank lines, the first line of a block,
//    a line after a separator, a heading…) says in this file, learnt from the file itself by a few
//    rounds of expectation–maximisation (a naive Bayes over the categories, started from the lines'
//    own evidence);
// 2. the best set of article starts by dynamic programming: each start adds its log-odds, articles
//    of one to three lines pay a penalty (a lone line is a heading of the next article, not an
//    article), so one odd line cannot split or merge the file's articles on its own.
import { CATEGORY_COUNT, Category, ENDING_COUNT, Ending, Evidence } from './features';

/** Log-odds that a line opens an article before any evidence (about one line in thirty). */
const PRIOR = -2.5;
/** The prior learnt from a file stays within these bounds (one line in 55 … one line in 5). */
const MIN_PRIOR = -4;
const MAX_PRIOR = -1.5;
/** Lines' worth of the default prior in the learnt one. */
const PRIOR_SMOOTHING = 20;
/** What a category says before the file has been looked at: explicit structure. */
const INITIAL_WEIGHT: Partial<Record<Category, number>> = {
  [Category.AfterSeparator]: 4, [Category.TopHeading]: 4, [Category.TitleHeader]: 3, [Category.SubHeading]: -2,
};
/** What a line's ending says before the file has been looked at. */
const INITIAL_ENDING: Record<Ending, number> = {
  [Ending.None]: 1, [Ending.FullStop]: -1.5, [Ending.QuestionOrExclamation]: -0.8, [Ending.Other]: -3,
  [Ending.Ellipsis]: -0.8,
};
/**
 * Rounds of learning, each with the extra evidence a start needs: the first rounds learn from the
 * surest starts only, so that doubtful lines cannot vouch for themselves.
 */
const MARGINS = [2.5, 1, 0, 0];
/** Lines' worth of the weight believed before the file was read, in each learnt weight. */
const BELIEF_LINES = 1;
/** Lines' worth of the prior share in each estimate. */
const SMOOTHING = 0.5;
const MAX_WEIGHT = 6;
/** Fewest lines with text a file needs for its own weights to be learnt. */
const MIN_LINES_TO_LEARN = 20;
const MIN_WEIGHT = -4;
/**
 * A missing full stop is telling, but it goes with other evidence of a headline already counted
 * (naive Bayes counts correlated evidence twice): its learnt weight is capped.
 */
const MAX_ENDING_WEIGHT = 3;
/** Penalty of an article of one content line (a lone line is the heading of the next article). */
const SHORT_PENALTY = [0, -5];

/** What the layout categories and the line endings say in this file (log-odds each). */
export interface Weights {
  /** Log-odds that a line opens an article before its own evidence: how long articles are in this file. */
  prior: number;
  category: Float64Array;
  ending: Float64Array;
}

/**
 * Learns a weight per value of a categorical feature from the starts decoded so far: how often
 * the value opens an article and how often it does not, smoothed towards the value's share of all
 * lines (a value every line has says nothing).
 */
function learn(values: Uint8Array, count: number, starts: number[], initial: Float64Array, into: Float64Array, max = MAX_WEIGHT): void {
  const n = values.length;
  const all = new Float64Array(count);
  const yes = new Float64Array(count);
  for (let k = 0; k < n; k++) all[values[k]]++;
  for (const k of starts) yes[values[k]]++;
  const yesTotal = starts.length;
  const noTotal = n - yesTotal;
  for (let c = 0; c < count; c++) {
    if (all[c] === 0) continue;
    const share = all[c] / n;
    const w = Math.log((yes[c] + SMOOTHING * share) / (yesTotal + SMOOTHING)) - Math.log((all[c] - yes[c] + SMOOTHING * share) / (noTotal + SMOOTHING));
    // A value few lines have is learnt from little: it keeps much of what was believed before.
    const learnt = (all[c] * w + BELIEF_LINES * initial[c]) / (all[c] + BELIEF_LINES);
    into[c] = Math.max(MIN_WEIGHT, Math.min(max, learnt));
  }
}

/**
 * How the titles of any dump are believed to end before the file is read (shares by `Ending`: none,
 * full stop, question or exclamation mark, other, ellipsis). Our judgement of news headlines in
 * general, not a count from any labelled file: most carry no final mark; a good share of deck and
 * sentence-case headlines (and standfirst-like ones) end with a full stop, about as many as ask a
 * question or exclaim; a colon or comma at the end is rare (it usually opens a list or a quote); a
 * few teasers trail off with an ellipsis.
 */
const TITLE_ENDINGS: Record<Ending, number> = {
  [Ending.None]: 0.68, [Ending.FullStop]: 0.15, [Ending.QuestionOrExclamation]: 0.12, [Ending.Other]: 0.03,
  [Ending.Ellipsis]: 0.02,
};
/**
 * Titles' worth of that belief in the learnt shares: about the articles of a short dump, so that
 * only a file with clearly more titles than that can teach that one ending never opens an article.
 */
const TITLE_ENDING_BELIEF = 8;

/**
 * The weight of each ending, learnt from the starts decoded so far: the share of starts with that
 * ending against the share of other lines. The share among starts is smoothed towards the belief
 * (`TITLE_ENDINGS`) by a few titles' worth, so that an ending no decoded start has yet shown (a
 * question headline in a file of statements) costs what the belief says rather than forbidding it:
 * the starts come from the weights, and a weight learnt from nothing would confirm itself.
 */
function learnEnding(values: Uint8Array, starts: number[], into: Float64Array): void {
  const n = values.length;
  const all = new Float64Array(ENDING_COUNT);
  const yes = new Float64Array(ENDING_COUNT);
  for (let k = 0; k < n; k++) all[values[k]]++;
  for (const k of starts) yes[values[k]]++;
  const yesTotal = starts.length;
  const noTotal = n - yesTotal;
  for (let e = 0; e < ENDING_COUNT; e++) {
    if (all[e] === 0) continue;
    const share = all[e] / n;
    const w = Math.log((yes[e] + TITLE_ENDING_BELIEF * TITLE_ENDINGS[e as Ending]) / (yesTotal + TITLE_ENDING_BELIEF)) -
      Math.log((all[e] - yes[e] + SMOOTHING * share) / (noTotal + SMOOTHING));
    into[e] = Math.max(MIN_WEIGHT, Math.min(MAX_ENDING_WEIGHT, w));
  }
}

/**
 * Weights learnt from the file by hard expectation–maximisation: decode the article starts with
 * the current weights, re-estimate the weights from them, a few rounds.
 */
export function learnWeights(ev: Evidence): Weights {
  const weights: Weights = {
    prior: PRIOR,
    category: new Float64Array(CATEGORY_COUNT), ending: new Float64Array(ENDING_COUNT),
  };
  for (const [c, w] of Object.entries(INITIAL_WEIGHT)) weights.category[Number(c)] = w as number;
  for (const [c, w] of Object.entries(INITIAL_ENDING)) weights.ending[Number(c)] = w;
  const initialCategory = weights.category.slice();
  const n = ev.score.length;
  // Too few lines to learn from: what the categories say before looking stands.
  if (n < MIN_LINES_TO_LEARN) return weights;
  for (const margin of MARGINS) {
    const starts = decodeStarts(ev, weights, margin);
    if (starts.length < 2 || starts.length >= n) continue;
    learn(ev.category, CATEGORY_COUNT, starts, initialCategory, weights.category);
    learnEnding(ev.ending, starts, weights.ending);
    // The rate of starts only from the rounds without a margin (the surest starts are too few).
    if (margin > 0) continue;
    const rate = (starts.length + PRIOR_SMOOTHING / (1 + Math.exp(-PRIOR))) / (n + PRIOR_SMOOTHING);
    weights.prior = Math.max(MIN_PRIOR, Math.min(MAX_PRIOR, Math.log(rate / (1 - rate))));
  }
  return weights;
}

/** Indexes (into ev.content) of the lines that open articles; the first content line always does. */
export function decodeStarts(ev: Evidence, weights: Weights, margin = 0): number[] {
  const n = ev.score.length;
  if (n === 0) return [];
  const base = new Float64Array(n);
  for (let k = 0; k < n; k++) base[k] = weights.prior - margin + ev.score[k] + weights.category[ev.category[k]] + weights.ending[ev.ending[k]];
  // Lines with the same text share the stronger evidence: a copied article's headline is as much a
  // headline as the original's (whose context may be clearer).
  for (let k = n - 1; k >= 0; k--) if (ev.twin[k] >= 0) base[k] = Math.max(base[k], base[ev.twin[k]]);
  for (let k = 0; k < n; k++) if (ev.twin[k] >= 0) base[ev.twin[k]] = Math.max(base[k], base[ev.twin[k]]);
  const gain = (k: number) => base[k];
  // Only lines with positive log-odds can pay for a start.
  const cand: number[] = [0];
  for (let k = 1; k < n; k++) if (gain(k) > 0) cand.push(k);
  const short = SHORT_PENALTY.length;
  const best = new Float64Array(cand.length);
  const back = new Int32Array(cand.length).fill(-1);
  // Best score among candidates at least `short` lines before, as a running maximum.
  let farBest = -Infinity;
  let farArg = -1;
  let farNext = 0;
  for (let c = 0; c < cand.length; c++) {
    const k = cand[c];
    while (farNext < c && cand[farNext] <= k - short) {
      if (best[farNext] > farBest) { farBest = best[farNext]; farArg = farNext; }
      farNext++;
    }
    if (c === 0) { best[0] = 0; continue; }
    let b = farBest;
    let arg = farArg;
    for (let d = farNext; d < c; d++) {
      const v = best[d] + SHORT_PENALTY[k - cand[d]];
      if (v > b) { b = v; arg = d; }
    }
    best[c] = b + gain(k);
    back[c] = arg;
  }
  // The last article too must not be short.
  let end = -1;
  let endScore = -Infinity;
  for (let c = 0; c < cand.length; c++) {
    const len = n - cand[c];
    const v = best[c] + (len < short ? SHORT_PENALTY[len] : 0);
    if (v > endScore) { endScore = v; end = c; }
  }
  const starts: number[] = [];
  for (let c = end; c >= 0; c = back[c]) starts.push(cand[c]);
  return starts.reverse();
}
