import * as assert from 'node:assert/strict';
import { DEBRIS_THRESHOLD, DebrisKind, debrisKind, debrisScore } from '../../src/core/debris';

// Lines written for these tests, one group per kind of web debris.
const DEBRIS: Record<DebrisKind, string[]> = {
  widget: [
    'Take our poll - story continues below',
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
    'Completing this poll gives you our weekly digest at no cost.',
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
