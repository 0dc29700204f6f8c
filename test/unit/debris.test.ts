import * as assert from 'node:assert/strict';
import { DEBRIS_THRESHOLD, DebrisKind, debrisKind, debrisScore } from '../../src/core/debris/lineShape';
import { DocumentLine, debrisInDocument, lineShapes } from '../../src/core/debris/debrisLines';

// Lines written for these tests, one group per kind of web debris.
const DEBRIS: Record<Exclude<DebrisKind, 'recurring'>, string[]> = {
  poll: ['Take our poll - story continues below', 'Completing this poll gives you our weekly digest at no cost.', 'Vote now!'],
  widget: [
    'Story Continued Below',
    'SCROLL DOWN FOR VIDEO',
    'Loading...',
    "Can't render, error",
    'Please enable JavaScript to view the comments.',
    'Play video',
    'View this post on Instagram',
    'Image 3 of 12',
    '12 Comments',
    'Back to top',
  ],
  prompt: [
    'Sign up for our morning newsletter',
    'Subscribe now!',
    'Click here to get the full report.',
    'Share this article on Facebook',
    'Share on WhatsApp',
    'Follow us on Twitter',
    'Follow Jane Roe on Telegram for updates',
    'Please help support us with a small donation.',
    'You can unsubscribe at any time.',
    'By signing up you agree to our Privacy Policy and Terms of Service.',
    'Privacy Policy | Terms of Use | Contact Us',
    'Download our free app',
    'Already a subscriber? Log in',
    'Thank you for reading.',
    'Enter your email address',
  ],
  advertisement: ['Advertisement', 'ADVERTISEMENT -', 'Sponsored Content', 'Story continues below advertisement', 'Continue reading the main story'],
  link: [
    'Read more: Harbour town votes to close its old ferry pier',
    'RELATED: Ten questions about the new tram line',
    'See also — the week in pictures',
    'Recommended for you: how river towns plan for floods',
    'Read more »',
    'Continue reading',
    '| Archive',
    'Home | World | Business | Sport',
  ],
  form: ['Email *', 'First Name *', 'Name (required)', 'Email This field is for validation purposes and should be left unchanged.', 'Required fields are marked *', 'Submit'],
  credit: [
    'Photo: Maria Example/Getty Images',
    'Image courtesy of the city council',
    '(AP Photo/Sam Sample)',
    'Pat Person / Getty Images',
    '© 2019 Example Media Group. All rights reserved.',
    'Copyright 2017 The Daily Example',
    'Article posted with permission from The Example Gazette',
    'This article originally appeared on Example News.',
    // A picture's source last, after a slash or "via" (issue 17 item 6).
    'Reuters/Facebook.',
    'KIM EXAMPLE via Getty Images.',
    'Lee Sample/AFP',
    'Sam Person via AP',
  ],
  cookie: ['We use cookies to improve your experience on our website.', 'Accept all cookies', 'By continuing to use this site you consent to our use of cookies.'],
  social: ['— Jane Example (@jexample) March 3, 2019', '- Sample Town Council (@SampleCouncil) 12 May', 'A post shared by Jo Sample (@josample) on Jun 1, 2018 at 9:14am PDT', 'pic.twitter.com/AbC123xyz'],
  url: ['https://example.com/news/2019/03/a-story', 'www.example.org/page', '<https://t.co/AbCdE12>', 't.co/XyZ987'],
};

// Headlines and body lines of news that must never be taken for debris, including ones that use
// interface words in passing.
const NOT_DEBRIS = [
  'Conference of mayors backs new rules on water quality',
  'Why the river keeps flooding the old town.',
  'Will the council approve the new budget?',
  'Harbour Town Votes To Close Its Ferry Pier',
  'WASHINGTON (Reuters) - The Senate voted on Tuesday to extend the program.',
  'By Jane Example',
  'Why?',
  'Maybe.',
  'He has to go.',
  'The video, shared widely on Facebook, showed the mayor leaving the hall.',
  'The company changed its privacy policy after the ruling, regulators said.',
  'Residents can opt out of the program, officials said.',
  'Opt-out rates rose sharply last year.',
  'Copyright law was changed in 1998 after a long debate.',
  'The photo, taken by a Getty Images photographer, shows the crowd at dawn.',
  'More — much more — needs to be done, the minister said.',
  'Register to vote by October 9, the clerk reminded residents.',
  'Please support the bill, she told the committee.',
  'Follow the money, the investigator said.',
  'Russia cannot load the missiles without the new launchers.',
  '> A quoted line in a Markdown block quote.',
  '| Year | Votes |',
  '* Yes, the council should approve it.',
  'Read the statement in full below, said the spokesman, who declined to comment further.',
  'She clicked the link and the page went blank, she said.',
  'Secretary of State',
  'Source: wire',
  'Title: Harbour town votes to close its ferry pier',
  'The clip was first shared via Instagram.',
  'Washington/Beijing talks resume',
  'Residents organised the protest via Facebook and Twitter.',
  'Students can apply via Reuters.',
  '',
];

describe('debris', () => {
  for (const [kind, lines] of Object.entries(DEBRIS)) {
    it(`recognises ${kind} lines`, () => {
      for (const line of lines) {
        assert.equal(debrisKind(line), kind, line);
        assert.ok(debrisScore(line) >= DEBRIS_THRESHOLD, `score of ${JSON.stringify(line)}`);
      }
    });
  }

  it('never takes a headline or a body sentence for debris', () => {
    for (const line of NOT_DEBRIS) {
      assert.equal(debrisKind(line), null, line);
      assert.ok(debrisScore(line) < DEBRIS_THRESHOLD, `score of ${JSON.stringify(line)}`);
    }
  });

  it('gives a kind exactly when the score reaches the threshold', () => {
    for (const line of [...Object.values(DEBRIS).flat(), ...NOT_DEBRIS]) {
      assert.equal(debrisKind(line) !== null, debrisScore(line) >= DEBRIS_THRESHOLD, line);
    }
  });

  it('scores interface-like shapes above prose without deciding on shape alone', () => {
    const prose = debrisScore('The council met on Tuesday and agreed to spend more on the harbour wall.');
    const title = debrisScore('Council agrees harbour wall budget');
    const uiShape = debrisScore('Comments and replies via email');
    assert.equal(prose, 0);
    assert.ok(title < 0.3, `title ${title}`);
    assert.ok(uiShape > title && uiShape < DEBRIS_THRESHOLD, `interface shape ${uiShape}`);
  });

  it('ignores surrounding spaces and judges a long signature-like sentence as prose', () => {
    assert.equal(debrisKind('   Advertisement  '), 'advertisement');
    const long = 'Sign up for the newsletter was the advice of the committee, which met for six hours on Monday to hear from residents, shop owners and the harbour master about the future of the pier.';
    assert.equal(debrisKind(long), null);
  });
});

describe('debris in a document', () => {
  type Doc = DocumentLine[] & { texts: string[] };
  const doc = (spec: [string, number, boolean?][]): Doc =>
    Object.assign(spec.map(([text, article, title]) => ({ shape: lineShapes(text)[0], article, protected: title === true })), { texts: spec.map(s => s[0].trim()) });
  const verdictsOf = (d: Doc) => debrisInDocument(d, i => d.texts[i]);
  const kinds = (v: ReturnType<typeof debrisInDocument>) => v.map(x => (x ? `${x.kind}/${x.evidence}` : null));

  it('takes the question and answers a poll widget encloses as debris, and nothing after its form', () => {
    const lines = doc([
      ['Harbour town closes its pier', 0, true],
      ['The council voted on Tuesday to close the old ferry pier after an inspection found deep cracks.', 0],
      ['Take our poll - story continues below', 0],
      ['Should the pier be rebuilt?', 0],
      ['* Yes, rebuild it.', 0],
      ['No, spend the money elsewhere.', 0],
      ['Email *', 0],
      ['Why?', 0],
      ['The inspection found that two of the pillars had lost most of their strength, the engineer said.', 0],
    ]);
    assert.deepEqual(kinds(verdictsOf(lines)), [
      null, null, 'poll/shape', 'poll/context', 'poll/context', 'poll/context', 'form/shape', null, null,
    ]);
  });

  it('does not enclose across articles, past long lines, or between widgets that are not polls', () => {
    const across = doc([['Take our poll', 0], ['A short line.', 1], ['Email *', 1]]);
    assert.deepEqual(kinds(verdictsOf(across)), ['poll/shape', null, 'form/shape']);
    const long = doc([['Take our poll', 0], [`${'word '.repeat(30)}end.`, 0], ['Email *', 0]]);
    assert.equal(verdictsOf(long)[1], null);
    const ads = doc([['Advertisement', 0], ['He said no.', 0], ['Advertisement', 0]]);
    assert.deepEqual(kinds(verdictsOf(ads)), ['advertisement/shape', null, 'advertisement/shape']);
    const slot = doc([['Story continues below', 0], ['He said no.', 0], ['Follow us on Twitter', 0]]);
    assert.deepEqual(kinds(verdictsOf(slot)), ['widget/shape', null, 'prompt/shape']);
  });

  it('takes a short line that recurs in three articles next to debris as debris, never a title', () => {
    const lines: [string, number, boolean?][] = [];
    for (let a = 0; a < 3; a++) {
      lines.push([`Story number ${a} about the harbour`, a, true], ['Bridge designs compared', a], ['Advertisement', a], ['Bridge designs compared', a]);
      lines.push(['The works will take two years and cost the town more than it spends on schools in a decade.', a]);
    }
    const v = verdictsOf(doc(lines));
    assert.deepEqual(v.filter(x => x?.evidence === 'recurrence').length, 6);
    assert.equal(v[1]?.kind, 'advertisement');
    assert.equal(v[1]?.articles, 3);
    assert.equal(v[0], null);
    assert.equal(v[4], null);
  });

  it('gives the shape of each non-blank line of a paragraph with offsets into it', () => {
    const text = '  Advertisement \n\nThe council met on Tuesday.\r\nEmail *';
    const shapes = lineShapes(text);
    assert.deepEqual(shapes.map(s => text.slice(s.start, s.end)), ['Advertisement', 'The council met on Tuesday.', 'Email *']);
    assert.deepEqual(shapes.map(s => s.kind), ['advertisement', null, 'form']);
    assert.equal(lineShapes('x'.repeat(500))[0].kind, null);
  });

  it('leaves recurring lines alone when they are in fewer than three articles, never next to debris, or next to recurring lines only', () => {
    const two = doc([['Which design?', 0], ['Advertisement', 0], ['Which design?', 1], ['Advertisement', 1]]);
    assert.equal(verdictsOf(two)[0], null);
    const prose = doc([['He has to go.', 0], ['He has to go.', 1], ['He has to go.', 2]]);
    const copies = doc([0, 1, 2].flatMap(a => [['Advertisement', a], ['Prices rose by a tenth in May.', a]] as [string, number][]));
    assert.deepEqual(kinds(verdictsOf(copies)), ['advertisement/shape', null, 'advertisement/shape', null, 'advertisement/shape', null]);
    assert.deepEqual(verdictsOf(prose), [null, null, null]);
    const ui = doc([['Related links', 0], ['Related links', 1], ['Related links', 2]]);
    assert.deepEqual(kinds(verdictsOf(ui)), ['recurring/recurrence', 'recurring/recurrence', 'recurring/recurrence']);
    const chain: [string, number, boolean?][] = [];
    for (let a = 0; a < 3; a++) chain.push(['Related links', a], ['Prices rose in May.', a]);
    assert.deepEqual(kinds(verdictsOf(doc(chain))).filter((_, i) => i % 2 === 1), [null, null, null]);
    const titles = doc([['Advertisement', 0, true]]);
    assert.equal(verdictsOf(titles)[0], null);
  });
});
