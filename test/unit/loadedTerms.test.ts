import * as assert from 'node:assert/strict';
import { applyEdits } from '../../src/core/review/fixes';
import { ofRule, reviewWith, textOf } from './helpers';

function terms(text: string, change?: Parameters<typeof reviewWith>[1]) {
  return ofRule(reviewWith(text, change), 'loaded-term').map(f => textOf(text, f));
}

describe('loaded-term', () => {
  it('finds whole words and multi-word phrases, case-insensitively, and possessives', () => {
    assert.deepEqual(terms('Talks in Kiev and KIEV resumed; kiev\u2019s mayor spoke.'), ['Kiev', 'KIEV', 'kiev']);
    assert.deepEqual(terms('Officials of the Donetsk People\u2019s Republic met.'), ['Donetsk People\u2019s Republic']);
    assert.deepEqual(terms('Kievan Rus was a medieval state.'), [], 'whole words only');
  });

  it('replacements keep the case of the original', () => {
    const text = 'KIEV and Kiev.';
    const found = ofRule(reviewWith(text), 'loaded-term');
    assert.equal(found[0].fixes![0].title, 'Replace with \u00ABKYIV\u00BB');
    assert.equal(applyEdits(text, found[0].fixes![0].edits), 'KYIV and Kiev.');
    assert.equal(applyEdits(text, found[1].fixes![0].edits), 'KIEV and Kyiv.');
  });

  it('offers every suggestion and says the category and why', () => {
    const f = ofRule(reviewWith('Troops liberated the village after a week of fighting.'), 'loaded-term')[0];
    assert.ok(f.fixes!.length >= 2);
    assert.equal(f.data.category, 'euphemism');
    assert.match(f.message, /euphemism/);
    assert.ok(f.data.note.length > 10);
  });

  it('respects context exceptions: a training regime, a literal flood', () => {
    assert.deepEqual(terms('The athletes follow a strict training regime before the race.'), []);
    assert.deepEqual(terms('The flood closed three roads near the river.'), []);
    assert.deepEqual(terms('A flood of migrants arrived at the border.').length, 1);
    assert.deepEqual(terms('The regime arrested the opposition leader.'), ['regime']);
  });

  it('inside a quotation: a lower severity and a message that says so', () => {
    const f = ofRule(reviewWith('\u201CThe regime must go,\u201D the protester shouted.'), 'loaded-term')[0];
    assert.equal(f.severity, 'hint');
    assert.equal(f.data.quoted, true);
    assert.match(f.message, /quotation/i);
  });

  it('user terms are literal text, never regular expressions', () => {
    const add = (term: string) => (o: Parameters<NonNullable<Parameters<typeof reviewWith>[1]>>[0]) => {
      o.terms = [{ term, suggestions: ['neutral'] }];
    };
    // Found as the text it is, not as the pattern it would be.
    assert.deepEqual(terms('The (a+b)* crowd and the aab crowd.', add('(a+b)*')), ['(a+b)*']);
    assert.deepEqual(terms('Many efforts were made by the boss man.', add('boss man')), ['boss man']);
    assert.deepEqual(terms('Nothing here matches.', add('.*')), []);
  });

  it('silenced terms are not reported', () => {
    assert.deepEqual(terms('Talks in Kiev resumed.', o => { o.ignoredTerms = ['kiev']; }), []);
  });
});

describe('loaded-term: style-guide coverage', () => {
  it('finds contested labels in their word forms, hyphenated or spaced', () => {
    assert.deepEqual(terms('A far-right group and far right activists marched with the radicals.'), ['far-right', 'far right', 'radicals']);
    assert.deepEqual(terms('Leftists and right-wingers traded insults; the hardliners walked out.'), ['Leftists', 'right-wingers', 'hardliners']);
    assert.deepEqual(terms('The government announced a crackdown on dissent.'), ['crackdown']);
    assert.deepEqual(terms('Police cracked down on the march.'), ['cracked down']);
    assert.deepEqual(terms('The report called for regime change in the country.'), ['regime change']);
  });

  it('keeps labels out of the senses that are no label: a fringe festival, an elite unit, a radical prostatectomy', () => {
    assert.deepEqual(terms('The fringe festival sold out and an elite unit guarded the hall.'), []);
    assert.deepEqual(terms('Surgeons performed a radical prostatectomy.'), []);
    assert.deepEqual(terms('The fringe candidate spoke to the elites.'), ['fringe', 'elites']);
  });

  it('finds editorialising verbs of saying and the writer\u2019s comments', () => {
    assert.deepEqual(terms('The senator lashed out at reporters and mocked the bill.'), ['lashed out at', 'mocked']);
    assert.deepEqual(terms('He touted the deal and boasted that it was unbeatable.'), ['touted', 'boasted that']);
    assert.deepEqual(terms('The agency shamelessly ignored a blatant conflict.'), ['shamelessly', 'blatant']);
  });

  it('finds sensational wording and pejoratives', () => {
    assert.deepEqual(terms('A gruesome scene followed a chaotic night.'), ['gruesome', 'chaotic']);
    assert.deepEqual(terms('Critics called it a sham and a power grab by demagogues.'), ['sham', 'power grab', 'demagogues']);
  });

  it('finds style-guide labels and judgement nouns in their word forms', () => {
    assert.deepEqual(terms('The judge weaponised the inquiry against a firebrand from the sect.'), ['weaponised', 'firebrand', 'sect']);
    assert.deepEqual(terms('Her hateful remarks showed the hypocrisy of the cabal.'), ['hateful', 'hypocrisy', 'cabal']);
    assert.deepEqual(terms('The rigged election left a crippling debt and a lavish palace.'), ['rigged', 'crippling', 'lavish']);
    assert.deepEqual(terms('The disgraced mayor called his critics traitors and haters.'), ['disgraced', 'traitors', 'haters']);
    assert.deepEqual(terms('A hardline, anti-American and pseudo-scientific campaign took a hard line.'), ['hardline', 'anti-American', 'pseudo-scientific', 'hard line']);
  });

  it('keeps the new labels out of their plain senses: a toxic spill, a weaponized virus, a rigged tent', () => {
    assert.deepEqual(terms('The toxic chemicals leaked from the plant.'), []);
    assert.deepEqual(terms('The lab weaponized a virus decades ago.'), []);
    assert.deepEqual(terms('The crew rigged the tent before dusk.'), []);
    assert.deepEqual(terms('The debate turned toxic within minutes.'), ['toxic']);
    assert.deepEqual(terms('Mussolini led the fascist government of Italy.'), []);
    assert.deepEqual(terms('He called the mayor a fascist and said she was pandering to elitists.'), ['fascist', 'pandering', 'elitists']);
  });

  it('offers to remove a word that has no neutral replacement', () => {
    const text = 'The plan was utterly rejected.';
    const [f] = ofRule(reviewWith(text), 'loaded-term');
    assert.equal(textOf(text, f), 'utterly');
    assert.deepEqual(f.data.suggestions, []);
    assert.match(f.message, /Best removed/);
    assert.equal(f.fixes!.length, 1);
    assert.equal(applyEdits(text, f.fixes![0].edits), 'The plan was rejected.');
  });
});

describe('loaded-term: offered only where it keeps the meaning', () => {
  it('a verb whose object is followed by a place has its other sense: admitting someone into a country confesses nothing', () => {
    assert.deepEqual(terms('Border guards admitted Ana Lucia Ferreira into the country on Friday.'), []);
    assert.deepEqual(terms('The college admitted 40 transfer students to its nursing course.'), []);
    assert.deepEqual(terms('The night nurse admitted him to the ward.'), []);
    // The confession sense: a time is no object, and a clause is no noun phrase.
    assert.deepEqual(terms('The treasurer admitted Monday to reporters that the accounts were wrong.'), ['admitted']);
    assert.deepEqual(terms('The treasurer admitted cheating on the audit.'), ['admitted']);
  });

  it('"so-called" before a term of art names the term; before one word, a word for people or someone\u2019s own thing it is scorn', () => {
    assert.deepEqual(terms('The bill would ban so-called ghost guns sold as kits.'), []);
    assert.deepEqual(terms('Fund managers are taxed lightly on so-called carried interest.'), []);
    assert.deepEqual(terms('The so-called superdelegates \u2014 party insiders with a free vote \u2014 may decide.'), []);
    assert.deepEqual(terms('The so-called experts were wrong again.'), ['so-called']);
    assert.deepEqual(terms('The council praised the so-called reform.'), ['so-called']);
    assert.deepEqual(terms('The mayor unveiled his so-called recovery plan.'), ['so-called']);
    assert.deepEqual(terms('Voters doubted the governor\u2019s so-called jobs plan.'), ['so-called']);
  });

  it('in words a named speaker is quoted or reported as saying: a hint at most, and no rewording', () => {
    const warning = (o: Parameters<NonNullable<Parameters<typeof reviewWith>[1]>>[0]) => { o.rules['loaded-term'].severity = 'warning'; };
    const scam = (text: string) => ofRule(reviewWith(text, warning), 'loaded-term').find(f => textOf(text, f) === 'scam')!;
    const own = scam('The audit was a scam.');
    assert.equal(own.severity, 'warning');
    assert.ok(own.fixes!.length > 0);
    const unnamed = scam('\u201CThe audit was a scam,\u201D a bystander said.');
    assert.equal(unnamed.severity, 'info');
    for (const text of [
      '\u201CThe audit was a scam,\u201D Okafor said.',
      '\u201CWe were robbed,\u201D Okafor said. \u201CThe audit was a scam.\u201D',
      'Senator Ruth Okafor said the audit was a scam.',
    ]) {
      const f = scam(text);
      assert.equal(f.severity, 'hint', text);
      assert.deepEqual(f.fixes, [], text);
      assert.equal(f.data.quoted, true, text);
      assert.match(f.message, /named speaker/, text);
    }
  });
});

describe('loaded-term: no replacement that changes the meaning', () => {
  it('scorn in "so-called" is removed or attributed, not swapped for "self-described" (which says who uses the name)', () => {
    const text = 'The so-called experts were wrong again.';
    const [f] = ofRule(reviewWith(text), 'loaded-term');
    assert.deepEqual(f.data.suggestions, []);
    assert.ok(!f.fixes!.some(x => /self-described/.test(x.title)));
    assert.match(f.message, /Best removed, or attributed/);
  });
});
