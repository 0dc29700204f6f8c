import * as assert from 'node:assert/strict';
import { PhraseMatcher } from '../../src/core/language/phrases';
import { hash32, wordTokens } from '../../src/core/text/text';
import { WordFilter } from '../../src/core/text/wordFilter';

describe('word filter and matching by word hash', () => {
  it('gives each token the hash of its normalised word', () => {
    for (const t of wordTokens('The Mayor’s office, déjà vu, 北京 and CAPS')) assert.equal(t.hash, hash32(t.norm));
  });

  it('never rules out a word it holds, and rules out most others', () => {
    const filter = new WordFilter();
    const held = Array.from({ length: 2000 }, (_, i) => `held${i}`);
    for (const w of held) filter.add(w);
    for (const w of held) assert.ok(filter.mayHave(hash32(w)), w);
    const others = Array.from({ length: 2000 }, (_, i) => `other${i}`).filter(w => filter.mayHave(hash32(w)));
    assert.ok(others.length < 100, `${others.length} false positives`);
  });

  it('matches phrases by word, by possessive and by stem, in Latin and other scripts', () => {
    const m = new PhraseMatcher<string>();
    m.add('regime', 'word');
    m.add('crack down', 'forms', { forms: true });
    m.add('москва', 'cyrillic', { forms: true });
    const text = "The regime's men cracked down in Москва; a Regime again.";
    const found = m.matchAll(wordTokens(text), text).map(x => `${x.value}:${text.slice(x.start, x.end)}`);
    assert.deepEqual(found, ['word:regime', 'forms:cracked down', 'cyrillic:Москва', 'word:Regime']);
  });
});
