// Hovers on findings in a real VS Code: the rule's explanation and documentation link, a loaded
// term's suggestions (links that apply them), and for a repeat the first words of its original
// with a link to it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAll, fixtureLabels, openFixture } from './support';

async function hoverText(doc: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position)) ?? [];
  return hovers
    .flatMap(h => h.contents)
    .map(c => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

describe('hovers on findings', () => {
  const labels = fixtureLabels();
  let doc: vscode.TextDocument;
  let text: string;

  before(async () => {
    ({ doc, text } = await openFixture());
  });
  after(closeAll);

  it('explain a loaded term and offer its suggestions as links that apply them', async () => {
    const review = (await api()).getReview(doc.uri)!.review;
    const term = review.findings.find(f => f.rule === 'loaded-term' && f.data.suggestions.length > 0)!;
    assert.ok(term, 'a loaded term in the fixture');
    const content = await hoverText(doc, doc.positionAt(term.range.start + 1));
    assert.match(content, /\*\*Loaded term\*\*/);
    assert.match(content, /neutral wording/i, 'the rule explanation');
    assert.match(content, /\[documentation\]\(file:[^)]*readme\.md#L\d+\)/i);
    const suggestions = term.rule === 'loaded-term' ? term.data.suggestions : [];
    assert.match(content, /Suggestions: /);
    assert.ok(content.includes('command:editorialReview.applyEdits?'), 'a suggestion applies itself');
    assert.ok(content.includes(suggestions[0].replace(/[-.]/g, m => `\\${m}`)) || content.includes(suggestions[0]), content);
  });

  for (const [title, pick] of [
    ['Repeated passage', () => labels.repeatedPassages[0]],
    ['Near duplicate', () => labels.nearDuplicates[0]],
  ] as const) {
    it(`show the first words of the original of a ${title.toLowerCase()}, with a link to it`, async () => {
      const label = pick();
      const position = new vscode.Position(label.startLine - 1, 2);
      const content = await hoverText(doc, position);
      assert.match(content, new RegExp(`\\*\\*${title}\\*\\*`));
      assert.match(content, new RegExp(`Original, line ${label.originalStartLine}: `));
      const originalLine = text.split('\n')[label.originalStartLine - 1];
      const firstWord = originalLine.trim().split(/\s+/)[0].replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '');
      assert.ok(content.replace(/\\/g, '').includes(firstWord), `the original's first words (${firstWord})`);
      assert.ok(content.includes('command:editorialReview.showOriginal?'), 'a link to the original');
    });
  }

  it('explain a line of web debris', async () => {
    const debris = labels.webDebris[0];
    const content = await hoverText(doc, new vscode.Position(debris.line - 1, 1));
    assert.match(content, /\*\*Web debris\*\*/);
    assert.match(content, /\[documentation\]\(file:[^)]*readme\.md#L\d+\)/i);
  });

  it('say nothing away from findings', async () => {
    const review = (await api()).getReview(doc.uri)!.review;
    // The start of a line that no finding covers.
    let offset = 0;
    while (review.findings.some(f => f.range.start <= offset && offset < f.range.end)) offset = text.indexOf('\n', offset) + 1;
    assert.ok(offset > 0 || !review.findings.some(f => f.range.start === 0));
    const content = await hoverText(doc, doc.positionAt(offset));
    assert.ok(!content.includes('documentation'), content);
  });
});
