// Deck layout (no blank lines, one sentence a line): headlines in sentence case, headlines that ask a
// question, and headlines ending with a full stop whose next line is a byline or a dateline (issue 16
// item 2: what comes after the line weighs as much as how it ends). A dump written for these tests.
import * as assert from 'node:assert/strict';
import { segment } from '../../src/core/segmentation/segment';
import { lineOf } from './helpers';
import { Ending, endingOf, gatherEvidence, repeatsDeck } from '../../src/core/segmentation/features';
import { splitLines } from '../../src/core/segmentation/lines';
import { LineIndex } from '../../src/core/text/text';
import { learnWeights } from '../../src/core/segmentation/decode';

const STORIES: [string, string[]][] = [
  ['Council approves new cycle lanes on the ring road', [
    'The city council voted on Tuesday to build protected cycle lanes along the whole ring road.',
    'Work will begin in the spring and last about eighteen months.',
    'Shop owners on the eastern side said they feared losing parking spaces.',
    'The council said forty new spaces would be built behind the market.',
  ]],
  ['Can the old mill be saved?', [
    'The old mill by the weir has stood empty for twelve years, and its roof is now open to the rain.',
    'A group of residents wants to buy it and turn it into workshops.',
    'They need to raise the money before the owner sells the land to a developer.',
    'The owner said he would wait until the end of the summer.',
  ]],
  ['Hospital opens a night clinic for children.', [
    'By Ann Example',
    'The general hospital opened a clinic on Monday that treats children between eight in the evening and six in the morning.',
    'Parents had waited up to five hours in the emergency department at night.',
    'Two paediatric nurses and a doctor will staff the clinic.',
  ]],
  ['Why are bus fares going up again?', [
    'Bus fares will rise by ten cents in July, the second rise in a year.',
    'The transport company blamed the price of diesel and higher wages.',
    'Passenger groups said the rise would push people back into their cars.',
    'The company promised newer buses on the busiest routes.',
  ]],
  ['Record number of visitors at the spring fair', [
    'More than forty thousand people visited the spring fair over the weekend, the organisers said.',
    'The warm weather brought families from the whole region.',
    'Traders said they sold out of plants by Sunday afternoon.',
    'The fair returns in September with a harvest market.',
  ]],
  ['Floods close the valley road.', [
    'RIVERTON, April 4 (Reuters) - Heavy rain overnight flooded the valley road in three places, and the police closed it.',
    'Drivers were sent on a detour over the hill that adds half an hour.',
    'Engineers expect the water to fall by the weekend.',
    'Farmers said some of their fields were under a metre of water.',
  ]],
];

/** A deck dump of the stories (each headline, then its lines; no blank line anywhere). */
const deckDump = (stories: [string, string[]][]) => stories.map(([title, body]) => [title, ...body].join('\n')).join('\n') + '\n';

/** The lines (1-based) the segmentation opens articles at, and the lines of the stories' headlines. */
function startsAndTitles(stories: [string, string[]][]): { found: number[]; titles: number[] } {
  const text = deckDump(stories);
  const lines = text.split('\n');
  return { found: segment(text).articles.map(a => lineOf(text, a.range.start)), titles: stories.map(([title]) => lines.indexOf(title) + 1) };
}

describe('deck headlines in sentence case, as questions, and ending with a full stop', () => {
  const text = deckDump(STORIES);

  it('finds every headline and no other line', () => {
    const { found, titles } = startsAndTitles(STORIES);
    assert.deepEqual(found, titles);
  });

  it('takes each headline as its article\'s title, whatever its final mark', () => {
    assert.deepEqual(segment(text).articles.map(a => a.title), STORIES.map(([title]) => title));
  });
});

// A deck dump whose headlines often ask a question (so a final '?' is learnt to say little against a
// headline), with one article made of numbered questions: each point must stay inside its article.
const POINTS: [string, string[]][] = [
  ['Can the old mill by the weir still be saved?', [
    'The old mill by the weir has stood empty for twelve years, and its roof is now open to the rain.',
    'A group of residents wants to buy the mill and turn it into workshops for local craftspeople.',
    'They need to raise the money before the owner sells the land to a developer.',
    'The owner said he would wait until the end of the summer.',
  ]],
  ['Five questions before the council votes on the tram line', [
    'The council votes next week on a tram line from the station to the hospital, and several questions remain open.',
    '1) Is the route through the market settled?',
    'Planners still disagree about whether the route should cross the market square or go around it, and traders at the market want a say.',
    '2) Who will pay for the tram?',
    'The regional government has promised to pay half of the cost of the tram, but only if work starts before the end of next year.',
    '3) What happens to the buses?',
    'Two bus routes would be cut back once the tram runs, and bus drivers fear that some of their jobs would go with them.',
    '4) How long will the works last?',
    'The engineers expect the works to last two years, with the busiest streets closed for three months each.',
    '5) Can the hospital stop cope with the crowds?',
    'The hospital says its stop will need a wider platform, since most visitors would come by tram.',
  ]],
  ['Library Extends Opening Hours During Exam Season', [
    'The central library will stay open until midnight for the six weeks before the summer exams, the council announced.',
    'Students had collected more than two thousand signatures asking for longer hours.',
    'Extra staff will be paid from a fund left to the library by a former head teacher.',
    'The reading rooms on the top floor will be kept silent after eight in the evening.',
  ]],
  ['Will the apple harvest survive the late frost?', [
    'Two nights of hard frost last week destroyed about half of the apple blossom in the valley, growers said.',
    'Some orchards lit candles between the rows, but the cold reached the higher slopes first.',
    'Growers expect a smaller harvest and higher prices for local apples this autumn.',
    'The regional farming board said it would ask for emergency help.',
  ]],
  ['Ferry operator cuts winter crossings to the islands', [
    'The ferry company that serves the three outer islands will run two crossings a day instead of five from November, it said on Monday.',
    'Island councils called the cut a blow to families who commute to the mainland for work and school.',
    'The operator blamed fuel prices and a shortage of qualified deck officers.',
    'A spokeswoman said the timetable would be reviewed in February.',
  ]],
];

describe('numbered points inside a deck article', () => {
  it('"1) Is …?" and "4) How …?" stay points of their article in a file of question headlines', () => {
    const { found, titles } = startsAndTitles(POINTS);
    assert.deepEqual(found, titles);
  });
});

// A deck dump as news archives print them: a compound headline ("Title; Deck") with its deck again
// on the line below, then sometimes a label ("SUMMARY."). A headline of two sentences has only its
// repeated deck to tell it from prose.
const COMPOUND: [string, string[]][] = [
  ['Harbour dredging to start in March; Port expects larger ships by autumn', [
    'Port expects larger ships by autumn.',
    'Dredgers will deepen the main channel of the harbour by two metres from March, the port authority said on Friday.',
    'The work will let container ships twice the size of today\'s berth at the western quay.',
    'Fishermen asked that the dredging pause during the spawning season, and the authority agreed to stop for six weeks.',
  ]],
  ['Old bridges are costly to keep. Perhaps that is fine.; The Long View', [
    'The Long View.',
    'SUMMARY.',
    'Keeping the county\'s forty stone bridges open costs more every year, and some councillors want to replace them with concrete ones.',
    'Engineers say the old bridges carry today\'s lorries well when they are looked after, and new ones would cost far more.',
    'Walkers and historians have started a petition to keep every bridge that is older than a century.',
  ]],
  ['School meals to use more local produce; Farmers sign three-year contracts', [
    'Farmers sign three-year contracts.',
    'Half of the vegetables served in the district\'s school canteens will come from farms within fifty kilometres from next term.',
    'Twelve farms signed contracts that fix their prices for three years, which they said lets them plan their planting.',
    'Parents welcomed the change but asked whether the meals would cost more.',
  ]],
  ['Night trains return to the coast line; Sleeper cars leave the capital at ten', [
    'Sleeper cars leave the capital at ten.',
    'A night train will run to the coast three times a week from June, twenty years after the last one was withdrawn.',
    'The operator bought second-hand sleeping cars and refitted them with showers and wider beds.',
    'Tickets go on sale next month, with a cheaper fare for seats rather than beds.',
  ]],
];

describe('compound deck headlines whose deck is printed again below', () => {
  it('each "Title; Deck" line above its repeated deck opens an article, a headline of two sentences too', () => {
    const { found, titles } = startsAndTitles(COMPOUND);
    assert.deepEqual(found, titles);
  });
});

describe('a repeated deck as evidence of a headline', () => {
  it('reads "Title; Deck" over "Deck." as a compound headline, and nothing else', () => {
    assert.ok(repeatsDeck('Old bridges are costly to keep; The Long View', 'The Long View.'));
    assert.ok(repeatsDeck('School meals go local ;  Farmers sign contracts', 'Farmers sign contracts'));
    assert.ok(!repeatsDeck('Old bridges are costly to keep, the long view', 'The long view.'), 'no semicolon before it');
    assert.ok(!repeatsDeck('Costs rose again; Review', 'Review.'), 'a one-word deck');
    assert.ok(!repeatsDeck('The Long View', 'The Long View'), 'the same line twice is a stutter, not a deck');
  });

  it('raises the evidence of the line above its repeated deck', () => {
    const scoreOfCompound = (below: string) => {
      const text = ['The ferry left at noon.', 'Old bridges are costly to keep. Perhaps that is fine.; The Long View', below,
        'Keeping the county\'s stone bridges open costs more every year.'].join('\n');
      const ev = gatherEvidence(splitLines(text, new LineIndex(text)));
      return ev.score[1];
    };
    assert.ok(scoreOfCompound('The Long View.') > scoreOfCompound('The Long View today.'));
  });
});

// A teaser headline in title case that trails off with an ellipsis, the way clickbait headlines do,
// in a deck dump of statement headlines and body lines ending with full stops: an ellipsis is not a
// full stop, so the body's full stops do not count against it. (On a file this short the teaser
// stays below a start; on the long deck files of real dumps the difference opens its article.)
const TEASER = 'Revealed: What The Council Plans To Do With The Old Tram Depot If Nobody Buys It';
const TEASER_BODY = [
  'The council has offered the old tram depot for sale three times since it closed, and no buyer has come forward.',
  'Councillors will decide next month whether to pull it down and build flats on the land.',
  'A local history society wants the building kept as a museum of the city\'s trams.',
];

/** What the decoder weighs for the teaser line, ending with `mark`, before its neighbours' say. */
function teaserWeight(mark: string): number {
  const text = deckDump([...STORIES.slice(0, 3), [TEASER + mark, TEASER_BODY], ...STORIES.slice(3)]);
  const lines = splitLines(text, new LineIndex(text));
  const ev = gatherEvidence(lines);
  const weights = learnWeights(ev);
  const k = Array.from(ev.content).findIndex(n => lines[n].text.startsWith(TEASER));
  return ev.score[k] + weights.category[ev.category[k]] + weights.ending[ev.ending[k]];
}

describe('a teaser headline ending with an ellipsis', () => {
  it('weighs more as a headline than the same line ending with a full stop', () => {
    assert.ok(teaserWeight('\u2026') > teaserWeight('.') + 0.5, `${teaserWeight('\u2026')} against ${teaserWeight('.')}`);
    assert.ok(teaserWeight('...') > teaserWeight('.') + 0.5);
  });

  it('reads "\u2026" and "..." at the end of a line as an ellipsis, apart from a full stop', () => {
    assert.equal(endingOf('If He Does Not Do This\u2026'), Ending.Ellipsis);
    assert.equal(endingOf('and then, he said, "we will see..."'), Ending.Ellipsis);
    assert.equal(endingOf('The council voted on Tuesday.'), Ending.FullStop);
    assert.equal(endingOf('Why now?'), Ending.QuestionOrExclamation);
  });
});
