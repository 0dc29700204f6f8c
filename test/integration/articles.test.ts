// The Articles view inside a real VS Code: the articles of the fixture dump with its repeats marked
// and its metadata shown, the findings as children, reveal on select, Remove / Copy article, the
// rule filter, live updates and the empty state (welcome view) when no reviewable file is open.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ApplyResult } from '../../src/extension/commands/commands';
import { ALL_RULES, api, closeAll, fixtureLabels, openFixture, settled, undoTo, waitFor, withoutLines } from './support';

describe('the Articles view', () => {
  const labels = fixtureLabels();
  const repeatLabels = labels.articles.filter(a => a.duplicateOf !== null);
  let doc: vscode.TextDocument;
  let original: string;

  before(async () => {
    ({ doc, text: original } = await openFixture());
  });
  after(closeAll);

  it(`lists the ${labels.articles.length} articles of the fixture with the ${repeatLabels.length} repeats marked`, async () => {
    const tree = (await api()).articles();
    assert.strictEqual(tree.file, doc.uri.toString());
    assert.strictEqual(tree.articles.length, labels.articles.length, tree.articles.map(a => a.label).join('\n'));
    for (const label of labels.articles) {
      const node = tree.articles[label.index - 1];
      assert.strictEqual(node.index, label.index);
      assert.strictEqual(node.duplicateOf, label.duplicateOf);
      assert.ok(node.label.startsWith(`${label.index}. `), node.label);
      assert.ok(node.description.startsWith(`${label.startLine}–${label.endLine}`), node.description);
      assert.ok(node.tooltip.includes(`lines ${label.startLine}–${label.endLine}`), node.tooltip);
      if (label.duplicateOf !== null) {
        // Short, in the label where the default sidebar width keeps it visible; in full in the tooltip.
        assert.ok(node.label.startsWith(`${label.index}. = #${label.duplicateOf} `), node.label);
        assert.ok(node.tooltip.includes(`repeat of article ${label.duplicateOf}`), node.tooltip);
        assert.strictEqual(node.icon, 'copy');
        assert.strictEqual(node.contextValue, 'editorialReview.article.repeat');
      } else {
        assert.strictEqual(node.icon, 'note');
        assert.strictEqual(node.contextValue, 'editorialReview.article');
      }
    }
    const repeats = tree.articles.filter(a => a.duplicateOf !== null).map(a => a.index);
    assert.deepStrictEqual(repeats, repeatLabels.map(a => a.index));
    assert.ok(repeats.length >= 2, 'the fixture has several repeated articles');
  });

  it('shows each article\'s metadata (dateline, byline, source, date): in short in its description, in full in its tooltip', async () => {
    const tree = (await api()).articles();
    const withMeta = labels.articles.filter(l => Object.keys(l.meta).length > 0);
    assert.ok(withMeta.some(l => l.meta.byline) && withMeta.some(l => l.meta.date) && withMeta.some(l => l.meta.dateline), 'the fixture has bylines, dates and datelines');
    const names: Record<string, string> = { dateline: 'Dateline', byline: 'By', source: 'Source', date: 'Date' };
    // The tooltip is Markdown: text in it has its spaces and punctuation escaped.
    const plain = (md: string) => md.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    for (const l of labels.articles) {
      const node = tree.articles[l.index - 1];
      const tooltip = plain(node.tooltip);
      for (const [key, value] of Object.entries(l.meta)) {
        assert.ok(node.description.includes(value), `article ${l.index}: "${node.description}" shows ${value}`);
        assert.ok(tooltip.includes(`${names[key]}: ${value}`), `article ${l.index}: its tooltip says ${names[key]}: ${value}: ${tooltip}`);
      }
      if (Object.keys(l.meta).length === 0) {
        assert.ok(!/Dateline:|By:|Source:|Date:/.test(tooltip), `article ${l.index} has no metadata: ${tooltip}`);
      }
    }
  });

  it('has every finding of the file as a child of its article', async () => {
    const a = await api();
    const tree = a.articles();
    const total = tree.articles.reduce((n, art) => n + art.children.length, 0);
    assert.strictEqual(total, a.getReview(doc.uri)!.review.findings.length);
    const repeat = tree.articles[repeatLabels[0].index - 1];
    assert.ok(repeat.children.some(c => c.rule === 'repeated-passage'), `the repeat is listed under article ${repeat.index}`);
    const first = tree.articles[0];
    assert.ok(first.children.length > 0);
    // "lines · findings", then the article's metadata.
    assert.strictEqual(first.description.split(' · ')[1], String(first.children.length), first.description);
    assert.ok(/\b(terms?|claims?)\b/.test(first.tooltip), first.tooltip);
  });

  it('Select in Editor selects an article and moves the focus to the editor', async () => {
    const node = (await api()).articleNodes()[1];
    await vscode.commands.executeCommand('editorialReview.selectArticle', node);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.toString() === doc.uri.toString());
    assert.ok(editor.selection.isEqual(node.range), `selection ${JSON.stringify(editor.selection)}`);
    assert.strictEqual(editor.selection.start.line + 1, labels.articles[1].startLine);
  });

  it('Remove Article removes the article, the tree follows, and one undo restores it', async () => {
    const a = await api();
    const label = repeatLabels[0];
    const node = a.articleNodes()[label.index - 1];
    assert.strictEqual(node.article.duplicateOf, label.duplicateOf);
    const result = await vscode.commands.executeCommand<ApplyResult>('editorialReview.removeArticle', node);
    assert.strictEqual(result.applied, true);
    assert.strictEqual(doc.getText(), withoutLines(original, [label.startLine, label.endLine]));
    await settled(doc);
    const fewer = labels.articles.length - 1;
    await waitFor(() => a.articles().articles.length === fewer, `the tree to show ${fewer} articles`);
    assert.strictEqual(a.articles().articles.filter(x => x.duplicateOf !== null).length, repeatLabels.length - 1);
    await undoTo(doc, original);
    await settled(doc);
    await waitFor(() => a.articles().articles.length === labels.articles.length, `the tree to show ${labels.articles.length} articles again`);
  });

  it('Copy Article copies the article text', async () => {
    const node = (await api()).articleNodes()[1];
    const copied = await vscode.commands.executeCommand<string>('editorialReview.copyArticle', node);
    const label = labels.articles[1];
    const lines = original.split('\n').slice(label.startLine - 1, label.endLine);
    // The article's lines, with the blank line after it.
    assert.strictEqual(copied, `${lines.join('\n')}\n`);
    const clip = await vscode.env.clipboard.readText();
    if (clip !== copied) console.log('      (the headless browser did not expose the clipboard to the test; copy returned the text)');
  });

  it('filters the findings by rule', async () => {
    const a = await api();
    await vscode.commands.executeCommand('editorialReview.filterArticles', ['loaded-term']);
    try {
      const tree = a.articles();
      const children = tree.articles.flatMap(x => x.children);
      assert.ok(children.length > 0);
      assert.ok(children.every(c => c.rule === 'loaded-term'));
      assert.match(tree.message ?? '', /Filtered/);
    } finally {
      await vscode.commands.executeCommand('editorialReview.filterArticles', [...ALL_RULES]);
    }
    const children = a.articles().articles.flatMap(x => x.children);
    assert.doesNotMatch(a.articles().message ?? '', /Filtered/, 'no filter left');
    for (const rule of ALL_RULES) assert.ok(children.some(c => c.rule === rule), `${rule} findings listed again`);
  });

  it('is empty (showing the welcome view) when no reviewable file is open', async () => {
    const a = await api();
    const json = await vscode.workspace.openTextDocument({ language: 'json', content: '{}' });
    await vscode.window.showTextDocument(json);
    await waitFor(() => a.articles().articles.length === 0, 'an empty tree for a JSON file');
    assert.strictEqual(a.articles().file, undefined);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.window.showTextDocument(doc);
    await waitFor(() => a.articles().articles.length === labels.articles.length, 'the fixture again');
  });

  it('shows the status bar counts for the active file', async () => {
    await vscode.window.showTextDocument(doc);
    const text = (await api()).statusText();
    // By severity, as the Problems panel counts them, hints apart (Problems never lists them).
    const findings = (await api()).getReview(doc.uri)!.review.findings;
    const count = (severity: string) => findings.filter(f => f.severity === severity).length;
    const parts = ([
      ['$(error)', count('error')],
      ['$(warning)', count('warning')],
      ['$(info)', count('info')],
      ['$(lightbulb)', count('hint')],
    ] as [string, number][]).filter(([, n]) => n > 0);
    assert.ok(parts.length >= 2, 'the fixture has findings of several severities');
    assert.strictEqual(text, `$(book) Review: ${parts.map(([icon, n]) => `${icon} ${n}`).join(' ')}`);
  });
});
