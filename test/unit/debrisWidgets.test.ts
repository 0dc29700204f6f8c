// Poll widgets as web debris, never as repeats (issue 17 item 5), and never swallowing the prose
// between two polls: dumps written afresh for these tests, in every layout.
import * as assert from 'node:assert/strict';
import { lineOf, ofRule, reviewWith, textOf } from './helpers';

/** A poll as scraped pages leave it: the announcement joined to the question, the question twice more, options, a form. */
function poll(question: string, options: string[]): string[] {
  return [`Take our poll - story continues below ${question}`, question, question, ...options.map(o => `* ${o}`),
    'Email *', 'Name This field is for validation purposes and should be left unchanged.',
    'Completing this poll entitles you to our evening newsletter at no cost.'];
}

// The same poll in two articles (a site runs one poll beside many stories), another in the third.
const BRIDGE = poll('Should the river get a second bridge?', ['Yes', 'No', 'Undecided']);
const MARKET = poll('Will you shop at the new market?', ['Every week', 'Now and then']);
const ARTICLES: { title: string; before: string[]; widget: string[]; after: string[] }[] = [
  {
    title: 'Toll rises on the old river bridge',
    before: ['Drivers will pay a third more to cross the old bridge from April, the county said on Tuesday.', 'Commuters said the rise came on top of higher fuel prices.'],
    widget: BRIDGE,
    after: ['The county said the money would pay for new bearings.', 'A review of the toll is due next year.'],
  },
  {
    title: 'Ferry pier reopens after repairs',
    before: ['The ferry pier closed since the January storm reopened on Friday after eight weeks of repairs.', 'Divers replaced two of the timber piles that had split.'],
    widget: BRIDGE,
    after: ['Boats will run the summer timetable from May.', 'The harbour master thanked the crews.'],
  },
  {
    title: 'Covered market to open in the square',
    before: ['A covered market with forty stalls will open in the town square in the autumn, the council announced.', 'Traders from the outdoor market get the first stalls.'],
    widget: MARKET,
    after: ['Rents will be frozen for two years.', 'The old fish hall becomes a cafe.'],
  },
];

const LAYOUTS: Record<string, (articles: string[][]) => string> = {
  markdown: a => a.map(([t, ...body]) => [`## ${t}`, ...body].join('\n\n')).join('\n\n') + '\n',
  blank: a => a.map(([t, ...body]) => `${t}\n${body.join('\n\n')}`).join('\n\n') + '\n',
  native: a => a.map(([t, ...body]) => `${t}\n\n${body.join('\n')}`).join('\n\n') + '\n',
  deck: a => a.map(lines => lines.join('\n')).join('\n') + '\n',
};

describe('poll widgets: debris, never repeats, never the prose between them', () => {
  const lines = ARTICLES.map(a => [a.title, ...a.before, ...a.widget, ...a.after]);
  const prose = ARTICLES.flatMap(a => [...a.before, ...a.after]);
  for (const [name, layout] of Object.entries(LAYOUTS)) {
    it(`${name}: every poll line is web debris, no line of the articles is, and nothing is a repeated passage or near duplicate`, () => {
      const text = layout(lines);
      const r = reviewWith(text);
      const debris = ofRule(r, 'boilerplate').map(f => textOf(text, f));
      for (const line of [...BRIDGE, ...MARKET]) assert.ok(debris.includes(line), `not debris: ${line}`);
      for (const line of [...prose, ...ARTICLES.map(a => a.title)]) assert.ok(!debris.includes(line), `debris: ${line}`);
      // Both copies of the shared poll are debris, and debris is never a repeat.
      assert.equal(debris.filter(l => l === BRIDGE[1]).length, 4);
      assert.deepEqual([...ofRule(r, 'repeated-passage'), ...ofRule(r, 'near-duplicate')].map(f => textOf(text, f)), []);
      const titles = text.split('\n').map((l, i) => [l.replace(/^## /, ''), i + 1] as const).filter(([l]) => ARTICLES.some(a => a.title === l)).map(([, n]) => n);
      assert.deepEqual(r.articles.map(a => lineOf(text, a.range.start)), titles);
    });
  }

  it('the line under a poll\'s form opens no poll: a short statement and the next poll\'s announcement enclose nothing', () => {
    const text = LAYOUTS.deck([[ARTICLES[0].title, ...ARTICLES[0].before, ...BRIDGE, 'Tolls pay for repairs.', 'Nobody likes them.', ...MARKET, ...ARTICLES[0].after]]);
    const debris = ofRule(reviewWith(text), 'boilerplate').map(f => textOf(text, f));
    assert.ok(!debris.includes('Tolls pay for repairs.') && !debris.includes('Nobody likes them.'), debris.join(' | '));
    assert.ok(debris.includes(MARKET[1]) && debris.includes(BRIDGE[1]));
  });
});
