// Widgets of scraped pages (polls, share bars, sign-up boxes) inside articles, and deck headlines in
// sentence case or ending with a question mark: dumps written afresh for these tests.
import * as assert from 'node:assert/strict';
import { segment } from '../../src/core/segmentation/segment';
import { lineOf, ofRule, reviewWith, textOf } from './helpers';

interface Story { title: string; body: string[] }

/** The lines of a poll as scraped pages leave them: announced, its question three times, options, a form. */
function poll(question: string, options: string[], opts: { joined?: boolean; announce?: string } = {}): string[] {
  const announce = opts.announce ?? 'Take our poll - story continues below';
  const head = opts.joined ? [`${announce} ${question}`, question, question] : [announce, question, question, question];
  return [...head, `* ${options[0]}`, ...options.slice(1), 'Email *', 'Name This field is for validation purposes and should be left unchanged.',
    'Completing this poll entitles you to our weekly digest at no cost.', 'You may opt out at anytime.'];
}

const FERRY: Story = {
  title: 'Ferry operator cuts winter crossings to the islands',
  body: [
    'The ferry company that serves the three outer islands will run two crossings a day instead of five from November, it said on Monday.',
    'Island councils called the cut a blow to families who commute to the mainland for work and school.',
    'The operator blamed fuel prices and a shortage of qualified deck officers.',
    'A spokeswoman said the timetable would be reviewed in February.',
  ],
};
const LIBRARY: Story = {
  title: 'Library Extends Opening Hours During Exam Season',
  body: [
    'The central library will stay open until midnight for the six weeks before the summer exams, the council announced.',
    'Students had collected more than two thousand signatures asking for longer hours.',
    'Extra staff will be paid from a fund left to the library by a former head teacher.',
    'The reading rooms on the top floor will be kept silent after eight in the evening.',
  ],
};
const ORCHARD: Story = {
  title: 'Frost damages half the apple blossom in the valley',
  body: [
    'Two nights of hard frost last week destroyed about half of the apple blossom in the valley, growers said.',
    'Some orchards lit candles between the rows, but the cold reached the higher slopes first.',
    'Growers expect a smaller harvest and higher prices for local apples this autumn.',
    'The regional farming board said it would ask for emergency help.',
  ],
};

/** Markdown layout: `## Title`, paragraphs between blank lines. */
function markdown(stories: Story[]): string {
  return stories.map(s => [`## ${s.title}`, ...s.body].join('\n\n')).join('\n\n') + '\n';
}
/** Deck layout: no blank lines at all. */
function deck(stories: Story[]): string {
  return stories.map(s => [s.title, ...s.body].join('\n')).join('\n') + '\n';
}
/** Native layout: title, blank line, one paragraph a line, blank line. */
function native(stories: Story[]): string {
  return stories.map(s => `${s.title}\n\n${s.body.join('\n')}`).join('\n\n') + '\n';
}

/** The story with a widget's lines put after its second paragraph. */
function withWidget(s: Story, widget: string[]): Story {
  return { title: s.title, body: [...s.body.slice(0, 2), ...widget, ...s.body.slice(2)] };
}

const starts = (text: string) => segment(text).articles.map(a => lineOf(text, a.range.start));
const titleStarts = (text: string, stories: Story[]) => {
  const lines = text.split('\n');
  return stories.map(s => lines.findIndex(l => l === s.title || l === `## ${s.title}`) + 1);
};

const FERRY_POLL = poll('Should the islands get a bridge instead of the ferry?', ['Yes, a bridge would end the waiting.', 'No, it would spoil the islands.', 'Not sure yet.']);
// A poll whose words share nothing with the first: its structure alone makes it a widget.
const ORCHARD_POLL = poll('Will apples cost more this year?', ['Much more', 'A little more', 'The same as last year'], { joined: true, announce: 'Reader vote - the article carries on after this box' });

describe('widgets inside articles (issue 16 item 1)', () => {
  const stories = [withWidget(FERRY, FERRY_POLL), LIBRARY, withWidget(ORCHARD, ORCHARD_POLL)];
  const layouts = { markdown, native, deck };
  for (const [name, layout] of Object.entries(layouts)) {
    it(`${name}: two polls stay inside their articles and none of their lines opens one`, () => {
      const text = layout(stories);
      assert.deepEqual(starts(text), titleStarts(text, stories));
    });
  }

  it('every line of both polls is web debris, and none is reported as a repeated passage or near duplicate (issue 17 item 5)', () => {
    for (const layout of Object.values(layouts)) {
      const text = layout(stories);
      const r = reviewWith(text);
      const debris = new Set(ofRule(r, 'boilerplate').map(f => textOf(text, f)));
      for (const line of [...FERRY_POLL, ...ORCHARD_POLL]) assert.ok(debris.has(line), `not debris: ${line}`);
      const repeats = [...ofRule(r, 'repeated-passage'), ...ofRule(r, 'near-duplicate')];
      assert.deepEqual(repeats.map(f => textOf(text, f)), []);
      // Nothing else is debris: the articles' own lines stay.
      for (const s of stories) for (const line of s.body) if (!FERRY_POLL.includes(line) && !ORCHARD_POLL.includes(line)) assert.ok(!debris.has(line), line);
    }
  });

  it('a share bar and a sign-up box are widgets: their labels never open an article', () => {
    const share = ['Share this story:', 'Harbour Times', 'Island Notes', 'Email this'];
    const signUp = ['Sign up for our morning briefing', 'The Island Letter', 'Local News Every Day', 'Email *', 'Subscribe'];
    const text = deck([withWidget(FERRY, share), LIBRARY, withWidget(ORCHARD, signUp)]);
    assert.deepEqual(starts(text), titleStarts(text, [FERRY, LIBRARY, ORCHARD]));
    const debris = new Set(ofRule(reviewWith(text), 'boilerplate').map(f => textOf(text, f)));
    for (const line of [...share, ...signUp]) assert.ok(debris.has(line), `not debris: ${line}`);
  });

  it('a line that repeats the line above never opens an article, and a headline printed twice is no widget', () => {
    const doubled = { title: LIBRARY.title, body: [LIBRARY.title, ...LIBRARY.body] };
    const text = deck([FERRY, doubled, ORCHARD]);
    assert.deepEqual(starts(text), titleStarts(text, [FERRY, doubled, ORCHARD]));
    const debris = ofRule(reviewWith(text), 'boilerplate').map(f => textOf(text, f));
    assert.ok(!debris.includes(LIBRARY.title), 'a headline printed twice is not web debris');
  });
});
