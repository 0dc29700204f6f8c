// The Articles view as a daily tool, in a real VS Code: a click reveals without selecting or taking
// the focus (a double click selects), the overview's counts and clicks, short descriptions with
// the full text in tooltips, "500+" for capped counts, the badge, the status bar's spoken label,
// the map webview (CSP with a nonce, what it draws, a click reveals), and the tree keeping the
// last reviewed file.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ArticleNode } from '../../src/extension/views/articlesView';
import type { Revealed } from '../../src/extension/views/reveal';
import { ALL_RULES, api, closeAll, drawnUntil, fixtureLabels, openFixture, setSetting, settled, sleep, waitFor } from './support';

describe('the Articles view: clicks, overview, map', () => {
  const labels = fixtureLabels();
  const articles = labels.articles.length;
  const repeatLabels = labels.articles.filter(a => a.duplicateOf !== null);
  let doc: vscode.TextDocument;

  before(async () => {
    ({ doc } = await openFixture());
    assert.ok(articles >= 7 && repeatLabels.length >= 2, 'the tests below click articles 1, 4, 6 and 7 and two repeats');
  });
  after(closeAll);

  const nodeOf = async (index: number): Promise<ArticleNode> => {
    const node = (await api()).articleNodes().find(n => n.article.index === index);
    assert.ok(node, `article ${index}`);
    return node;
  };

  it('a click reveals an article with the cursor at its start, selecting nothing and keeping the focus in the view', async () => {
    const a = await api();
    await vscode.window.showTextDocument(doc);
    await a.revealArticle(6, { focus: true });
    const node = await nodeOf(6);
    await sleep(600); // not a double click with an earlier test's click
    const revealed = await vscode.commands.executeCommand<Revealed>('editorialReview.openNode', node);
    assert.strictEqual(revealed.options.focus, false, 'the focus stays in the view');
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.toString(), doc.uri.toString());
    assert.ok(editor.selection.isEmpty, `nothing selected: ${JSON.stringify(editor.selection)}`);
    assert.strictEqual(editor.selection.active.line + 1, labels.articles[5].startLine);
    // The tree keeps its own selection (the clicked node), as after a click in VS Code's Outline.
    assert.deepStrictEqual(a.treeSelection().map(n => (n.kind === 'article' ? n.article.index : -1)), [6]);
    // Typing now cannot replace the article: nothing is selected.
    const before = doc.getText();
    const articleText = before.slice(node.article.range.start, node.article.range.end);
    await vscode.commands.executeCommand('type', { text: 'x' });
    assert.ok(doc.getText().includes(articleText), 'the article is still there');
    if (doc.getText() !== before) await vscode.commands.executeCommand('undo');
    await waitFor(() => doc.getText() === before, 'the text as before');
    await settled(doc);
  });

  it('a double click (two clicks on one node) selects the article and focuses the editor', async () => {
    await sleep(600);
    const node = await nodeOf(4);
    const first = await vscode.commands.executeCommand<Revealed>('editorialReview.openNode', node);
    const second = await vscode.commands.executeCommand<Revealed>('editorialReview.openNode', node);
    assert.strictEqual(first.options.select, false);
    assert.strictEqual(second.options.select, true);
    assert.strictEqual(second.options.focus, true);
    assert.ok(vscode.window.activeTextEditor!.selection.isEqual(node.range));
  });

  it('a click on a finding puts the cursor at the finding, with a short label and the full message in the tooltip', async () => {
    await sleep(600);
    const a = await api();
    const article = (await nodeOf(1)) as ArticleNode;
    const tree = a.articles();
    const child = tree.articles[0].children[0];
    assert.ok(child.label.length <= 60, `short label: ${child.label}`);
    assert.match(child.description, /^\d+$/, 'the line number');
    const finding = article.findings[0];
    const plain = (md: string) => md.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    assert.ok(plain(child.tooltip).includes(finding.message.slice(0, 40)), child.tooltip);
    await vscode.commands.executeCommand('editorialReview.openNode', { kind: 'finding', uri: doc.uri, version: doc.version, finding, range: new vscode.Range(doc.positionAt(finding.range.start), doc.positionAt(finding.range.end)), parent: article, lineOf: () => 1 });
    const sel = vscode.window.activeTextEditor!.selection;
    assert.ok(sel.isEmpty);
    assert.strictEqual(doc.offsetAt(sel.active), finding.range.start);
  });

  it('keeps article descriptions short enough for the default sidebar width', async () => {
    const tree = (await api()).articles();
    for (const art of tree.articles) {
      // Lines and the number of findings come first and are short; an article's metadata, if any,
      // follows (cut first when the sidebar is narrow) and is in the tooltip in full.
      const essential = art.description.split(' \u00B7 ').slice(0, art.duplicateOf === null ? 2 : 1).join(' \u00B7 ');
      assert.ok(essential.length <= 14 && art.description.startsWith(essential), `"${art.description}"`);
      if (art.duplicateOf !== null) assert.ok(art.label.length <= 100 && art.label.includes(`#${art.duplicateOf}`));
    }
  });

  it('lists an overview with the articles, repeats, duplicated share and counts by rule', async () => {
    const a = await api();
    const review = a.getReview(doc.uri)!.review;
    const rows = Object.fromEntries(a.articles().overview.map(r => [r.id, r]));
    assert.strictEqual(rows.articles.description, String(articles));
    assert.strictEqual(rows.repeats.description, `${repeatLabels.length} of ${articles}`);
    // The share: characters that Remove All Repeated Passages removes, over the file's (issue 17 item 4:
    // from the whole review, never from the capped list of findings).
    const covered = new Set<number>();
    for (const r of review.repeatRemovals ?? []) for (let i = r.start; i < r.end; i++) covered.add(i);
    const expected = Math.round((covered.size / doc.getText().length) * 100);
    assert.strictEqual(rows.duplicated.description, `${expected} %`);
    assert.ok(expected > 10 && expected < 90, `${expected} %`);
    for (const rule of ALL_RULES) {
      const n = review.findings.filter(f => f.rule === rule).length;
      assert.ok(n > 0, `the fixture has ${rule} findings`);
      // The count, then what it holds that Problems does not show ("9 (3 hints)").
      assert.match(rows[rule].description ?? '', new RegExp(`^${n}(?: \\(\\d+ hints?\\))?$`), rule);
    }
    assert.strictEqual(a.articles().badge, review.findings.length);
  });

  it('reveals what an overview row counts when it is clicked', async () => {
    const a = await api();
    const review = a.getReview(doc.uri)!.review;
    const click = async (id: string) => {
      const row = a.articles().overview.find(r => r.id === id);
      assert.ok(row?.command, `the ${id} row is clickable`);
      await vscode.commands.executeCommand(row.command.command, ...(row.command.arguments ?? []));
      return vscode.window.activeTextEditor!.selection;
    };
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    assert.strictEqual((await click('repeats')).active.line + 1, repeatLabels[0].startLine, 'the first repeat');
    assert.strictEqual((await click('repeats')).active.line + 1, repeatLabels[1].startLine, 'the next repeat');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const firstClaim = Math.min(...review.findings.filter(f => f.rule === 'unattributed-claim').map(f => f.range.start));
    assert.strictEqual(doc.offsetAt((await click('unattributed-claim')).active), firstClaim);
    await sleep(600);
    assert.strictEqual((await click('articles')).active.line + 1, labels.articles[0].startLine);
  });

  it('shows capped counts as "N+" in the overview and the status bar, with a plain-words spoken label', async () => {
    const a = await api();
    await setSetting('maxFindingsPerRule', 1);
    try {
      await waitFor(() => a.getReview(doc.uri)!.review.findings.filter(f => f.rule === 'loaded-term').length === 1, 'a capped review');
      await settled(doc);
      const rows = Object.fromEntries(a.articles().overview.map(r => [r.id, r]));
      // The row counts what was found, and says how many the capped list holds.
      const found = a.getReview(doc.uri)!.review.stats.truncated['loaded-term'];
      assert.ok(found !== undefined && found > 1, 'the loaded terms were capped');
      assert.strictEqual(rows['loaded-term'].description, `${found} (1 listed)`);
      const spoken = a.statusAccessibleLabel();
      assert.match(spoken, new RegExp(`${found} terms? \\(1 listed\\)`));
      assert.ok(!spoken.includes('$('), spoken);
    } finally {
      await setSetting('maxFindingsPerRule', undefined);
    }
    await waitFor(() => a.getReview(doc.uri)!.review.findings.filter(f => f.rule === 'loaded-term').length > 1, 'the full review again');
    assert.match(a.statusAccessibleLabel(), /^Editorial Review, .*: \d+ repeats, .*Press to show the articles\.$/);
  });

  it('draws the map webview under a CSP with a nonce: every article, the repeats linked to their originals, the findings as ticks', async () => {
    const a = await api();
    await vscode.window.showTextDocument(doc);
    const rendered = a.whenMapRendered(20000);
    await vscode.commands.executeCommand('editorialReview.showMap');
    // The map may be open already (an earlier suite ran every command): a review draws it again.
    await vscode.commands.executeCommand('editorialReview.reviewFile');
    const drawn = await drawnUntil(await rendered, d => d.articles > 0, 'the map drawn with its articles');
    const review = a.getReview(doc.uri)!.review;
    const { articles: drawnArticles, repeats, links, ticks } = drawn;
    assert.deepStrictEqual({ articles: drawnArticles, repeats, links, ticks }, { articles, repeats: repeatLabels.length, links: repeatLabels.length, ticks: review.findings.length });
    const { html } = a.map();
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce && nonce.length >= 16, csp);
    assert.match(csp, /default-src 'none'/);
    assert.ok(!/unsafe-inline|unsafe-eval/.test(csp), csp);
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map(m => m[1]);
    assert.ok(scripts.length > 0 && scripts.every(s => s.includes(`nonce="${nonce}"`)), 'every script carries the nonce');
    assert.ok(!/\sstyle="/.test(html), 'no inline styles');
  });

  it('reveals an article clicked on the map, cursor at its start, nothing selected', async () => {
    const a = await api();
    const model = a.map().model!;
    const seventh = model.articles[6];
    await a.mapMessage({ type: 'reveal', start: seventh.start, end: seventh.start });
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.toString(), doc.uri.toString());
    assert.ok(editor.selection.isEmpty);
    assert.strictEqual(editor.selection.active.line + 1, labels.articles[6].startLine);
  });

  it('keeps showing the file after Clear Problems (not the welcome view) and offers to review it again', async () => {
    const a = await api();
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('editorialReview.clearProblems');
    const tree = a.articles();
    assert.strictEqual(tree.file, doc.uri.toString());
    assert.strictEqual(tree.articles.length, 0);
    assert.strictEqual(tree.overview.length, 0);
    const result = await vscode.commands.executeCommand<{ message: string }>('editorialReview.reviewFile');
    assert.match(result.message, new RegExp(`has ${articles} articles \\(${repeatLabels.length} repeated\\); ${labels.repeatedPassages.length} repeats, `));
    await waitFor(() => a.articles().articles.length === articles, 'the articles again');
  });

  it('keeps showing the file while Compare with original is open', async () => {
    const a = await api();
    const review = a.getReview(doc.uri)!.review;
    const repeat = review.findings.find(f => f.rule === 'repeated-passage')!;
    const original = (repeat.data as { original: { start: number; end: number } }).original;
    await vscode.commands.executeCommand('editorialReview.compareWithOriginal', { uri: doc.uri.toString(), version: doc.version, range: repeat.range, original });
    await sleep(300);
    const tree = a.articles();
    assert.strictEqual(tree.file, doc.uri.toString());
    assert.strictEqual(tree.articles.length, articles);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
