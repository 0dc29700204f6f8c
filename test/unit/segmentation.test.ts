// Segmentation from evidence (src/core/segmentation/): the same articles, paragraphs and metadata
// in every layout of a dump, on excerpts written for these tests.
import * as assert from 'node:assert/strict';
import { segment } from '../../src/core/segmentation/segment';
import { splitBlock } from '../../src/core/segmentation/paragraphs';
import { articleMeta, bylineOf, datelineOf } from '../../src/core/segmentation/meta';
import { splitLines } from '../../src/core/segmentation/lines';
import { isKicker } from '../../src/core/segmentation/features';
import { applyEdits } from '../../src/core/review/fixes';
import { LineIndex } from '../../src/core/text/text';
import { lineOf, reviewWith } from './helpers';

interface Story { title: string; body: string[] }

// Five short stories, each body line one paragraph (sentence-per-line text included).
const STORIES: Story[] = [
  {
    title: 'Harbour Authority Approves Dredging Plan For The Old Port',
    body: [
      'The harbour authority approved a plan on Monday to dredge the old port before the autumn storms.',
      'Dredging will start in March and is expected to take eleven weeks.',
      'Fishing crews said the silt had made the inner basin unusable at low tide.',
      'The authority will pay for the work from its reserve fund.',
    ],
  },
  {
    title: 'Is The City Ready For Another Heatwave?',
    body: [
      'During the last heatwave the city opened twelve cooling centres, and most of them were full by noon.',
      'This year the council says the city is ready with twenty, but only nine have staff.',
      'Doctors at the central clinic said heat admissions doubled in July.',
      'A council spokesman said more volunteers would be trained in May.',
    ],
  },
  {
    title: 'Rail Union Accepts Pay Offer After Six Weeks Of Strikes.',
    body: [
      'Members of the rail union voted to accept a revised pay offer on Thursday, ending six weeks of strikes.',
      'Trains will run a normal timetable from Saturday, the operator said.',
      'The deal raises wages by four per cent this year and three per cent next year.',
      'Article posted with permission from the Valley Courier',
    ],
  },
  {
    title: 'Museum Returns Bronze Figures To Their Village',
    body: [
      'Thirty bronze figures taken from a mountain village a century ago were handed back on Friday.',
      'The museum said the figures had been bought from a dealer who had no right to sell them.',
      'Villagers carried the figures in a procession to the restored shrine.',
      'A small exhibition about their journey will open at the museum in June.',
    ],
  },
  {
    title: 'Storm Damage Closes Coastal Road For A Month',
    body: [
      'The coastal road between the two ferry towns will stay closed for a month after the storm washed away a bridge.',
      'Engineers found cracks in two more bridges on the same stretch.',
      'Buses will take a detour inland that adds forty minutes to the journey.',
      'Shop owners in the ferry towns said they feared a quiet summer.',
    ],
  },
];

/** Deck: no blank line anywhere; native: title, blank line, body, blank line; blank: paragraphs between blank lines. */
function deck(stories: Story[]): string {
  return stories.map(s => [s.title, ...s.body].join('\n')).join('\n') + '\n';
}
function native(stories: Story[]): string {
  return stories.map(s => `${s.title}\n\n${s.body.join('\n')}`).join('\n\n') + '\n';
}
function blank(stories: Story[]): string {
  return stories.map(s => `${s.title}\n${s.body.join('\n\n')}`).join('\n\n') + '\n';
}

const titleLines = (text: string) => segment(text).articles.map(a => lineOf(text, a.range.start));
const expectedStarts = (text: string, stories: Story[]) => stories.map(s => text.split('\n').indexOf(s.title) + 1);

describe('segmentation: the same articles in every layout', () => {
  for (const [name, layout] of [['deck', deck], ['native', native], ['blank', blank]] as const) {
    it(`${name}: every title found, including titles ending with "?" or ".", and no other`, () => {
      const text = layout(STORIES);
      assert.deepEqual(titleLines(text), expectedStarts(text, STORIES));
      assert.deepEqual(segment(text).articles.map(a => a.title), STORIES.map(s => s.title));
    });

    it(`${name}: a credit line belongs to the article above it, not to the next title`, () => {
      const text = layout(STORIES);
      const s = segment(text);
      const credit = text.indexOf('Article posted with permission');
      const owner = s.articles.find(a => a.range.start <= credit && credit < a.range.end)!;
      assert.equal(owner.title, STORIES[2].title);
    });

    it(`${name}: one paragraph a line of the body (sentence-per-line text)`, () => {
      const text = layout(STORIES);
      const s = segment(text);
      const body = s.paragraphs.filter(p => !p.isHeading);
      assert.equal(body.length, STORIES.reduce((n, st) => n + st.body.length, 0));
      for (const p of body) assert.ok(!text.slice(p.range.start, p.range.end).includes('\n'));
    });
  }

  it('a whole-article copy is one finding worded the same in every layout, covering the article exactly', () => {
    const stories = [STORIES[0], STORIES[1], STORIES[3], STORIES[4], STORIES[0]];
    const messages: string[] = [];
    for (const layout of [deck, native, blank]) {
      const text = layout(stories);
      const r = reviewWith(text);
      const copy = r.articles[4];
      assert.equal(copy.duplicateOf, 1);
      const repeats = r.findings.filter(f => f.rule === 'repeated-passage');
      assert.equal(repeats.length, 1, repeats.map(f => f.message).join('; '));
      const f = repeats[0];
      messages.push(f.message.replace(/\(lines? [^)]*\)/, ''));
      assert.equal(lineOf(text, f.range.start), lineOf(text, copy.range.start));
      // Removing it leaves the text as it would be without the copy: no line of a neighbour goes.
      assert.equal(applyEdits(text, f.fixes![0].edits), layout([STORIES[0], STORIES[1], STORIES[3], STORIES[4]]));
    }
    assert.match(messages[0], /^Article #5 repeats article #1 “Harbour Authority Approves Dredging Plan/);
    assert.ok(messages.every(m => m === messages[0]), messages.join(' | '));
  });
});

describe('segmentation: paragraphs decided per block', () => {
  const block = (text: string) => splitLines(text, new LineIndex(text)).filter(l => !l.blank);

  it('hard-wrapped text (lines of similar width broken mid-sentence) is one paragraph', () => {
    const text = 'The council met on Monday evening to discuss the budget for the\n' +
      'coming year, and after a long debate the members agreed to raise the\n' +
      'library grant while cutting the money set aside for road repairs.\n';
    assert.equal(splitBlock(block(text)).length, 1);
  });

  it('lines that each end a sentence and vary in length are one paragraph each', () => {
    const text = 'The council met on Monday.\nMembers argued for three hours about the library grant and the road repairs.\nThe vote was close.\n';
    assert.equal(splitBlock(block(text)).length, 3);
  });

  it('a blank-line layout with hard-wrapped paragraphs keeps each paragraph whole', () => {
    const text = 'Council Agrees Budget After Long Debate\n\nThe council met on Monday evening to discuss the budget for the\ncoming year, and members agreed to raise the library grant.\n\n' +
      'The mayor said the decision showed that the council listened to\nresidents, who had asked for longer opening hours.\n';
    const s = segment(text);
    assert.equal(s.articles.length, 1);
    assert.equal(s.paragraphs.filter(p => !p.isHeading).length, 2);
  });
});

describe('segmentation: article metadata', () => {
  it('reads datelines with a place, a region or a date, and an agency', () => {
    assert.deepEqual(datelineOf('CLEVELAND — The convention opened on Monday.'), { place: 'CLEVELAND', source: undefined, date: undefined });
    assert.deepEqual(datelineOf('LONDON (Reuters) - Prices rose in March.'), { place: 'LONDON', source: 'Reuters', date: undefined });
    assert.equal(datelineOf('RANGOON, Burma - Results came in overnight.')?.place, 'RANGOON, Burma');
    assert.deepEqual(datelineOf('VIENNA, March 3, 2026 (Wire) – Talks resumed.'), { place: 'VIENNA', source: 'Wire', date: 'March 3, 2026' });
    assert.deepEqual(datelineOf('TRENTON, July 29 (Wire) -- The vote was delayed.'), { place: 'TRENTON', source: 'Wire', date: 'July 29' });
    assert.equal(datelineOf('The mayor — who took office in May — resigned.'), undefined);
    assert.equal(datelineOf('AP — a short label'), undefined);
  });

  it('reads bylines, and not sentences that start with "By"', () => {
    assert.equal(bylineOf('By Anna Berg'), 'Anna Berg');
    assert.equal(bylineOf('By Tom Reyes and Mia Holt | Staff writers'), 'Tom Reyes and Mia Holt');
    assert.equal(bylineOf('By failing to act, the council made things worse.'), undefined);
  });

  it('keeps dateline, byline, source and date on each article', () => {
    const text = 'Port Workers End Strike After New Offer\nBy Anna Berg\nMarch 3, 2026\n\nHAMBURG (Wire) — Port workers returned to work on Tuesday after accepting a new offer.\n\n' +
      'The union said the offer met most of its demands.\n\nShipping lines said the backlog would take a week to clear.\n\n' +
      '---\nTitle: Council Votes To Keep Library Open\nSource: Valley Courier\nDate: 2026-03-04\n\nThe council voted on Wednesday to keep the library open on Sundays.\n';
    const s = segment(text);
    assert.equal(s.articles.length, 2);
    assert.deepEqual(s.articles[0].meta, { byline: 'Anna Berg', date: 'March 3, 2026', dateline: 'HAMBURG', source: 'Wire' });
    assert.deepEqual(s.articles[1].meta, { source: 'Valley Courier', date: '2026-03-04' });
    assert.deepEqual(articleMeta([], 'Nothing to see here.'), {});
  });
});

describe('segmentation: headline shapes', () => {
  // Neighbouring stories on one topic (transport in one region): the words of each headline come
  // back above it as much as below it, so the headline must be told by its own shape.
  const KICKED: Story[] = [
    {
      title: 'Ashford Vale (March 2): Bus fares rise again as the transport budget shrinks',
      body: [
        'Bus fares in the region will rise by ten cents from April, the transport board said on Monday.',
        'The board blamed the rising cost of fuel and a smaller grant from the state.',
        'Commuters on the valley routes will pay the most, since their tickets cover several zones.',
        'A spokesman for the riders group said the transport budget had shrunk for three years running.',
      ],
    },
    {
      title: 'Analysis: Why the tram extension keeps slipping behind schedule',
      body: [
        'The tram extension to the eastern suburbs was meant to open this spring, but the board now says next year.',
        'Engineers found old water mains under the route that had not been on any map.',
        'Each delay adds to the cost, and the transport budget has no room for more, the board said.',
        'Fares on the bus routes that the tram would replace are expected to rise again.',
      ],
    },
    {
      title: 'Millbrook: Night buses return to the valley routes after a year away',
      body: [
        'Night buses will run on the valley routes again from next month, the transport board said.',
        'The service was cut last year when the board could not find enough drivers for late shifts.',
        'Riders said the tram extension would not help them, since it will not reach the valley.',
        'Fares on the night buses will be the same as on daytime routes, the board said.',
      ],
    },
    {
      title: 'Exclusive: Transport board weighs selling its old depot to pay for the tram',
      body: [
        'The transport board is considering selling its old bus depot to cover the rising cost of the tram extension.',
        'Two board members said the depot could fetch enough to close this year’s budget gap.',
        'Drivers based at the depot would move to the new garage on the valley road.',
        'The board is due to vote on the sale at its next meeting, a spokesman said.',
      ],
    },
    {
      title: 'Ashford Vale (March 9): Riders group asks the board to freeze bus fares for a year',
      body: [
        'The riders group asked the transport board on Tuesday to freeze bus fares until next spring.',
        'It said the fare rise announced last week would hit night workers on the valley routes hardest.',
        'The board said it would answer the request after the vote on the depot sale.',
        'Photo: Transport board members at the old depot',
      ],
    },
  ];
  const spaced = (stories: Story[]) => stories.map(s => [s.title, ...s.body].join('\n\n')).join('\n\n') + '\n';

  it('a headline with a place, date or label before a colon is found among paragraphs on the same topic', () => {
    const text = spaced(KICKED);
    assert.deepEqual(segment(text).articles.map(a => a.title), KICKED.map(s => s.title));
  });

  it('tells kicker headlines from sentences with a colon, speaker labels and captions', () => {
    assert.ok(isKicker('Ashford Vale (March 2): Bus fares rise again as the budget shrinks'));
    assert.ok(isKicker('Analysis: Why the tram extension keeps slipping'));
    assert.ok(isKicker('UK: Ministers agree new rules for night buses'));
    assert.ok(!isKicker('The board said one thing: fares will rise again in April.'));
    assert.ok(!isKicker('Q: When will the tram reach the valley?'));
    assert.ok(!isKicker('Photo: Transport board members at the old depot'));
    assert.ok(!isKicker('Note: Fares were correct at the time of writing'));
    assert.ok(!isKicker('Mayor: Fares will rise.'));
  });
});

describe('segmentation: declared structure outweighs a debris shape', () => {
  const md = (titles: string[]) => titles.map((t, i) => `## ${t}\n\n` +
    `The council met on day ${i + 1} of the session to discuss item ${i + 1} on its agenda.\n\n` +
    `Members voted on the proposal after a short debate, and the chair closed the meeting at noon.\n`).join('\n');

  it('a Markdown heading shaped like a video teaser still opens an article', () => {
    const titles = ['Council Approves New Library Hours', 'Watch: Crews clear the flooded underpass on Route 9',
      'Harbour Fees To Rise In Spring', 'School Board Delays Vote On Bus Routes', 'Park Renovation Finished Early'];
    assert.deepEqual(segment(md(titles)).articles.map(a => a.title), titles);
  });

  it('a one-word debris heading does not open an article of its own', () => {
    const titles = ['Council Approves New Library Hours', 'Harbour Fees To Rise In Spring', 'School Board Delays Vote On Bus Routes',
      'Park Renovation Finished Early'];
    const text = md(titles) + '\n## Comments\n\nNo comments yet.\n';
    assert.deepEqual(segment(text).articles.map(a => a.title), titles);
  });
});
