#!/usr/bin/env node
// Derives src/core/language/lexicons/emotive.json (the "emotive wording" lexicon) from the sentiment and
// subjectivity lexicons that `natural` ships: Pattern's English adjectives (polarity and
// subjectivity), the SentiWordNet-based ML-Senticon, AFINN-165, and natural's Brill lexicon for
// parts of speech. The big lexicons stay out of the bundle: only this small derived file is read at
// run time. A unit test re-derives it and fails when the committed file is stale.
//   node scripts/emotive-lexicon.js [--check]
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const natural = path.dirname(require.resolve('natural/package.json', { paths: [root] }));
const OUT = path.join(root, 'src/core/language/lexicons/emotive.json');

/** Thresholds of the selection, written into the output so that it documents itself. */
const RULES = {
  minLength: 4,
  negative: 'AFINN <= -3; or AFINN -2 for an adjective or adverb (a verb also needs a negative Senticon or Pattern score); or Pattern polarity <= -0.4 with subjectivity >= 0.6 where no source is positive; or Senticon <= -0.6 backed by another negative source',
  positive: 'AFINN >= 4; or AFINN >= 3 with Pattern polarity >= 0.5 and subjectivity >= 0.7; or Pattern polarity >= 0.8 with subjectivity >= 0.9 backed by a positive AFINN or Senticon score and no negative one',
  partsOfSpeech: 'adjectives, adverbs and verbs (by the first tag of natural\'s Brill lexicon, else Pattern\'s or Senticon\'s part of speech); nouns are left to the curated lexicon',
  excluded: 'words factual in news (lexicons/emotive-exclusions.json, by Porter stem) and words the curated lexicon (lexicons/loaded-terms.json) already covers',
};

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** AFINN-165 is an ES module of `word: score` lines; read it as text (no evaluation). */
function readAfinn() {
  const file = require.resolve('afinn-165/index.js', { paths: [natural, root] });
  const scores = new Map();
  for (const m of fs.readFileSync(file, 'utf8').matchAll(/^\s+'?([^':\n]+?)'?: (-?\d+),?$/gm)) scores.set(m[1], Number(m[2]));
  if (scores.size < 3000) throw new Error(`emotive-lexicon: could not read AFINN-165 (${scores.size} entries)`);
  return scores;
}

function posClass(tag) {
  if (!tag) return undefined;
  if (/^JJ/.test(tag) || tag === 'a') return 'a';
  if (/^RB/.test(tag) || tag === 'r') return 'r';
  if (/^VB/.test(tag) || tag === 'v') return 'v';
  if (/^NN/.test(tag) || tag === 'n') return 'n';
  return 'x';
}

function round(x) {
  return Math.round(x * 100) / 100;
}

function derive() {
  const sentiment = path.join(natural, 'lib/natural/sentiment/English');
  const pattern = readJson(path.join(sentiment, 'pattern-sentiment-en.json'));
  const senticon = readJson(path.join(sentiment, 'senticon_en.json'));
  const brill = readJson(path.join(natural, 'lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json'));
  const afinn = readAfinn();
  const { stem } = require(path.join(natural, 'lib/natural/stemmers/porter_stemmer'));

  const exclusions = readJson(path.join(root, 'src/core/language/lexicons/emotive-exclusions.json'));
  const excludedStems = new Set(exclusions.groups.flatMap(g => g.words).map(w => stem(w)));
  const curated = readJson(path.join(root, 'src/core/language/lexicons/loaded-terms.json'));
  const curatedWords = new Set();
  for (const e of curated.entries) {
    const tokens = e.term.split(/[\s-]+/);
    if (tokens.length === 1) for (const w of tokens[0].split('|')) curatedWords.add(w.toLowerCase());
  }

  const words = new Set([...Object.keys(pattern), ...Object.keys(senticon), ...afinn.keys()]);
  const entries = [];
  const add = (word, pos, evidence) => {
    if (!/^[a-z]+$/.test(word) || word.length < RULES.minLength) return false;
    if (excludedStems.has(stem(word)) || curatedWords.has(word)) return false;
    entries.push({ word, pos, ...evidence });
    return true;
  };
  for (const word of words) {
    if (!/^[a-z]+$/.test(word)) continue;
    const p = pattern[word];
    const s = senticon[word];
    const a = afinn.get(word);
    const pos = posClass(brill[word]?.[0]) ?? posClass(p?.pos) ?? posClass(s?.pos);
    if (pos !== 'a' && pos !== 'r' && pos !== 'v') continue;
    const pPol = p ? Number(p.polarity) : 0;
    const pSub = p ? Number(p.subjectivity) : 0;
    const sPol = s && posClass(s.pos) === pos ? Number(s.pol) : 0;
    // Pattern's file keeps one sense per word, so its score counts only where no other source
    // disagrees; verbs need stronger evidence than modifiers (many name an act, not a judgement).
    const otherNeg = (a !== undefined && a < 0) || sPol < 0;
    const otherPos = (a !== undefined && a > 0) || sPol > 0;
    const aNeg = a !== undefined && (a <= -3 || (a === -2 && (pos !== 'v' || sPol < 0 || pPol < 0)));
    const pNeg = pPol <= -0.4 && pSub >= 0.6 && !otherPos;
    const sNeg = sPol <= -0.6 && otherNeg;
    const aPos = a !== undefined && a >= 4;
    const pPos = pPol >= 0.8 && pSub >= 0.9 && otherPos && !otherNeg;
    const bothPos = a !== undefined && a >= 3 && pPol >= 0.5 && pSub >= 0.7;
    const negative = aNeg || pNeg || sNeg;
    const positive = !negative && (aPos || pPos || bothPos);
    if (!negative && !positive) continue;
    const evidence = { polarity: negative ? -1 : 1 };
    if (a !== undefined) evidence.afinn = a;
    if (p && pSub >= 0.5) evidence.pattern = [round(pPol), round(pSub)];
    if (sPol !== 0) evidence.senticon = round(sPol);
    if (!add(word, pos, evidence)) continue;
    // The adverb of an emotive adjective ("shameless" -> "shamelessly") when the Brill lexicon knows it.
    if (pos === 'a') {
      for (const adverb of [`${word}ly`, `${word.replace(/y$/, 'i')}ly`, `${word.replace(/le$/, 'l')}y`, `${word}ally`]) {
        if (adverb !== word && posClass(brill[adverb]?.[0]) === 'r' && !words.has(adverb)) {
          add(adverb, 'r', { ...evidence, from: word });
          break;
        }
      }
    }
  }
  entries.sort((x, y) => (x.word < y.word ? -1 : x.word > y.word ? 1 : 0));
  const unique = entries.filter((e, i) => i === 0 || entries[i - 1].word !== e.word);
  return {
    $schema: './emotive.schema.json',
    generated: 'by scripts/emotive-lexicon.js from natural\'s lexicons; do not edit by hand (edit emotive-exclusions.json or the script)',
    sources: {
      afinn: 'AFINN-165 valence, -5..5 (Finn Årup Nielsen)',
      pattern: 'Pattern English adjectives: [polarity -1..1, subjectivity 0..1] (CLiPS)',
      senticon: 'ML-Senticon polarity -1..1, SentiWordNet-based (Cruz et al.)',
    },
    rules: RULES,
    entries: unique,
  };
}

function serialise(lexicon) {
  // One entry a line keeps the file reviewable and its diffs small.
  const head = JSON.stringify({ ...lexicon, entries: [] }, null, 2).replace(/"entries": \[\]\n}$/, '"entries": [\n');
  return `${head}${lexicon.entries.map(e => `    ${JSON.stringify(e)}`).join(',\n')}\n  ]\n}\n`;
}

module.exports = { derive, serialise, OUT };

if (require.main === module) {
  const text = serialise(derive());
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
    if (current !== text) {
      console.error('emotive-lexicon: src/core/language/lexicons/emotive.json is stale; run node scripts/emotive-lexicon.js');
      process.exit(1);
    }
  } else {
    fs.writeFileSync(OUT, text);
    console.log(`emotive-lexicon: ${JSON.parse(text).entries.length} entries written to ${path.relative(root, OUT)}`);
  }
}
