import * as assert from 'node:assert/strict';
import { segment } from '../../src/core/segmentation/segment';
import { lineOf, para } from './helpers';

/**
 * A body paragraph that takes up its headline's words, as a real article does (the segmentation
 * reads that as evidence that the headline opens the text below it), with words of its own.
 */
function story(headline: string, n: number): string {
  const words = headline.toLowerCase().split(' ').filter(w => w.length > 3);
  return `The ${words.join(' and ')} ${para(String.fromCharCode(107 + n), 14).toLowerCase()}`;
}

function starts(text: string): number[] {
  return segment(text).articles.map(a => lineOf(text, a.range.start));
}

describe('segment: layouts', () => {
  it('one paragraph per line, articles opening with a standfirst without a final full stop', () => {
    const text = [
      'Ministers agree on a new plan for the harbour', story('harbour plan ministers', 0), story('harbour plan', 1),
      'Storm closes schools across the region', story('storm schools region', 2), story('storm schools', 3), story('schools region', 4),
    ].join('\n') + '\n';
    const s = segment(text);
    assert.equal(s.layout, 'line-per-paragraph');
    assert.deepEqual(starts(text), [1, 4]);
    assert.equal(s.articles[1].title, 'Storm closes schools across the region');
    assert.equal(s.paragraphs.length, 7);
    assert.ok(s.paragraphs[3].isHeading);
    assert.equal(s.articles[1].range.end, text.length);
  });

  it('a headline line, then paragraphs separated by blank lines', () => {
    const text = `Council approves budget\n\n${story('council budget', 0)}\n\n${story('budget council', 1)}\n\nFlood warning issued for the valley\n\n${story('flood warning valley', 2)}\n`;
    const s = segment(text);
    assert.equal(s.layout, 'headline-blocks');
    assert.deepEqual(starts(text), [1, 7]);
    assert.deepEqual(s.articles.map(a => a.title), ['Council approves budget', 'Flood warning issued for the valley']);
    assert.equal(s.paragraphs.filter(p => !p.isHeading).length, 3);
  });

  it('hard-wrapped paragraphs stay one paragraph and do not start articles', () => {
    const text = `Council approves budget\n\nThe council voted on Monday to approve\nthe budget after a long debate.\n\nMembers said the vote was close and\nthe mayor welcomed it.\n`;
    const s = segment(text);
    assert.equal(s.articles.length, 1);
    assert.equal(s.paragraphs.length, 3);
  });

  it('separator lines with Title:, Date:, URL: headers; the title comes from Title:', () => {
    const text = [
      '-----', 'Title: Port strike ends', 'Date: 2026-01-02', 'URL: https://example.com/a', '', para('a'), '',
      '=====', 'Title: Dam inspection ordered', 'Source: Wire', '', para('b'), '', para('c'),
    ].join('\n');
    const s = segment(text);
    assert.equal(s.layout, 'separated');
    assert.deepEqual(starts(text), [1, 8]);
    assert.deepEqual(s.articles.map(a => a.title), ['Port strike ends', 'Dam inspection ordered']);
    assert.equal(text.slice(s.articles[0].titleRange.start, s.articles[0].titleRange.end), 'Port strike ends');
    assert.ok(s.paragraphs.filter(p => p.isMeta).length === 5);
  });

  it('form feeds separate articles; without Title: the first line is the title', () => {
    const text = `Port strike ends\n${para('a')}\n\fDam inspection ordered\n${para('b')}\n`;
    const s = segment(text);
    assert.equal(s.layout, 'separated');
    assert.deepEqual(s.articles.map(a => a.title), ['Port strike ends', 'Dam inspection ordered']);
  });

  it('Markdown headings (# and ##)', () => {
    const text = `# Port strike ends\n\n${para('a')}\n\n## Background\n\n${para('b')}\n\n# Dam inspection ordered\n\n${para('c')}\n`;
    const s = segment(text);
    assert.equal(s.layout, 'markdown');
    assert.deepEqual(s.articles.map(a => a.title), ['Port strike ends', 'Dam inspection ordered']);
    assert.deepEqual(starts(text), [1, 9]);
  });

  it('anything else is one article', () => {
    const text = `${para('a')}\n${para('b')}\n`;
    const s = segment(text);
    assert.equal(s.layout, 'single');
    assert.equal(s.articles.length, 1);
    assert.deepEqual(s.articles[0].range, { start: 0, end: text.length });
  });

  it('an empty text is one empty article', () => {
    const s = segment('');
    assert.equal(s.articles.length, 1);
    assert.equal(s.paragraphs.length, 0);
  });

  it('handles CRLF line breaks with the same structure as LF', () => {
    const lf = `Council approves budget\n\n${para('a')}\n\nFlood warning issued\n\n${para('c')}\n`;
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = segment(lf);
    const b = segment(crlf);
    assert.equal(b.layout, a.layout);
    assert.deepEqual(b.articles.map(x => x.title), a.articles.map(x => x.title));
    for (const p of b.paragraphs) assert.ok(!crlf.slice(p.range.start, p.range.end).includes('\r'));
    assert.deepEqual(starts(crlf), starts(lf));
  });
});

describe('segment: page breaks', () => {
  it('a line holding only a form feed separates articles', () => {
    const text = `Port strike ends\n${para('a')}\n\f\nDam inspection ordered\n${para('b')}\n`;
    const s = segment(text);
    assert.equal(s.layout, 'separated');
    assert.deepEqual(s.articles.map(a => a.title), ['Port strike ends', 'Dam inspection ordered']);
  });
});

describe('segment: headlines', () => {
  it('a subtitle right after a headline belongs to the same article; short labels are not headlines', () => {
    const text = `Council approves budget after long night\n\nMayor calls the vote a turning point\n\n${story('council budget mayor vote', 0)}\n\nAdvertisement\n\n${story('budget vote', 1)}\n\nFlood warning issued for the valley\n\n${story('flood warning valley', 2)}\n`;
    const s = segment(text);
    assert.deepEqual(s.articles.map(a => a.title), ['Council approves budget after long night', 'Flood warning issued for the valley']);
  });
});

describe('segment: heading blocks and document titles', () => {
  it('a headline with a byline and a date under it opens an article', () => {
    const text = `Teachers strike over pay as talks collapse\nBy Anna Berg\nMarch 3, 2026\n\n${story('teachers strike talks', 0)}\n\n${story('strike talks', 1)}\n\nParents scramble for childcare during walkout\nBy Tom Reyes\n\n${story('parents childcare walkout', 2)}\n`;
    const s = segment(text);
    assert.equal(s.layout, 'headline-blocks');
    assert.deepEqual(s.articles.map(a => a.title), ['Teachers strike over pay as talks collapse', 'Parents scramble for childcare during walkout']);
    assert.deepEqual(starts(text), [1, 9]);
  });

  it('a Markdown title with nothing under it opens the first article instead of being one', () => {
    const text = `# Morning briefing\n\n## Storm batters coast\n\n${para('a')}\n\n## Startup accused\n\n${para('b')}\n`;
    const s = segment(text);
    assert.deepEqual(s.articles.map(a => a.title), ['Storm batters coast', 'Startup accused']);
    assert.deepEqual(starts(text), [1, 7]);
  });
});

describe('segment: one paragraph per line with blank lines between articles', () => {
  it('splits at the standfirsts, each line a paragraph', () => {
    const text = `Ministers agree on a new plan for the harbour\n${story('harbour plan ministers', 0)}\n${story('harbour ministers', 1)}\n\nStorm closes schools across the region\n${story('storm schools region', 2)}\n${story('storm schools', 3)}\n`;
    const s = segment(text);
    assert.equal(s.layout, 'line-per-paragraph');
    assert.deepEqual(starts(text), [1, 5]);
    assert.equal(s.paragraphs.length, 6);
  });
});

describe('segment: underlined headlines', () => {
  it('a ==== or ---- line right under a headline belongs to it and is not a separator', () => {
    const text = `Council approves budget\n=======================\n\n${story('council budget', 0)}\n\n${story('budget council', 1)}\n\nFlood warning issued for the valley\n-----------------------------------\n\n${story('flood warning valley', 2)}\n`;
    const s = segment(text);
    assert.equal(s.layout, 'headline-blocks');
    assert.deepEqual(s.articles.map(a => a.title), ['Council approves budget', 'Flood warning issued for the valley']);
    assert.deepEqual(starts(text), [1, 8]);
  });
});
