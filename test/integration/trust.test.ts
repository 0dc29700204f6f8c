// Issue 17 in a real VS Code: an editor you can trust on real dumps. No action deletes unique text
// without asking (the panel's Remove Article on a merged article), every edit says what it removed
// with Undo, every place tells the same story (counts, hints apart, the one state of a review in
// the status bar, the Articles view and the Map), overview figures from the whole review, rules
// and whole reviews turned off and back on, and the small things (Replace every and repeated
// copies, fix titles with their lines, the Map's marks, Compare at the first change). Fixtures:
// test/fixtures/dumps/trust-*.txt, written for these tests.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ApplyResult } from '../../src/extension/commands/commands';
import type { ArticleNode } from '../../src/extension/views/articlesView';
import type { ApplyEditsArgs } from '../../src/extension/commands/editCommands';
import { api, closeAll, codeActions, drawnUntil, findAction, fixtureText, openFixture, openReviewed, ours, ruleOf, run, setSetting, settled, sleep, waitFor, workspaceFolder, writeWorkspaceFile } from './support';

/** A text of the test's own (written into the workspace), open and reviewed. */
async function openText(name: string, text: string): Promise<{ doc: vscode.TextDocument; text: string }> {
  const { doc } = await openReviewed(await writeWorkspaceFile(name, text));
  return { doc, text };
}

/** The text with some edits applied (offsets into `text`). */
function applied(text: string, edits: { range: { start: number; end: number }; newText: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}

async function articleNode(doc: vscode.TextDocument, containing: number): Promise<ArticleNode> {
  const a = await api();
  await vscode.window.showTextDocument(doc);
  await settled(doc);
  const node = a.articleNodes().find(n => n.article.range.start <= containing && containing < n.article.range.end);
  assert.ok(node, `an article holds offset ${containing}`);
  return node;
}

async function undoLast(doc: vscode.TextDocument, expected: string): Promise<void> {
  const report = (await api()).lastEdit();
  assert.ok(report, 'the edit was reported');
  assert.strictEqual(await report.undo(), true, 'Undo of the notification restores the text');
  await waitFor(() => doc.getText() === expected, 'the text as before');
  await settled(doc);
}

describe('issue 17: no action deletes unique text, and every edit says what it removed (item 1)', () => {
  after(closeAll);

  it('the merged article is no repeat anywhere: no "=" in the panel, no hatching on the Map, not among the repeated articles', async () => {
    const a = await api();
    const { doc, text } = await openFixture('trust-merged');
    const headline = text.indexOf('Harbour board delays dredging of the east channel.\n');
    const node = await articleNode(doc, headline);
    assert.ok(node.article.range.start < headline, 'the headline ending in a full stop was not taken for a title: the articles merged');
    // Only some of its paragraphs exist in article 1: no duplicateOf, so no "=" mark and no trash icon.
    assert.strictEqual(node.article.duplicateOf, null);
    const row = a.articles().articles.find(r => r.index === node.article.index)!;
    assert.ok(!/= #/.test(row.label), row.label);
    assert.strictEqual(row.contextValue, 'editorialReview.article');
    assert.strictEqual(a.articles().overview.find(r => r.id === 'repeats')!.description, '0 of 4');
    // The Map draws no repeat (hatched) block.
    const rendered = a.whenMapRendered(20000);
    await vscode.commands.executeCommand('editorialReview.showMap');
    const drawn = await drawnUntil(await rendered, d => d.articles === 4, 'the map drawn with the 4 articles');
    assert.strictEqual(drawn.repeats, 0);
    assert.ok(!drawn.titles.some(t => /a repeat of article/.test(t)), drawn.titles.join('\n'));
    await vscode.window.showTextDocument(doc);
  });

  it('Remove Article on the merged article asks first, naming the 3 lines that exist only there, and says what went with Undo', async () => {
    const a = await api();
    const { doc, text } = await openFixture('trust-merged');
    const headline = text.indexOf('Harbour board delays dredging of the east channel.\n');
    const node = await articleNode(doc, headline);
    const asked = a.questionsAsked().length;
    a.answerNextQuestions([false]);
    const cancelled = await vscode.commands.executeCommand<ApplyResult>('editorialReview.removeArticle', node);
    assert.strictEqual(cancelled.applied, false);
    assert.strictEqual(cancelled.reason, 'cancelled');
    assert.strictEqual(a.questionsAsked().length, asked + 1, 'asked once');
    assert.strictEqual(cancelled.asked!.message, 'Delete article 3 (lines 16\u201325)? 3 lines exist nowhere else in this file.');
    assert.match(cancelled.asked!.detail, /^Lines 16\u201318 would be gone/);
    assert.strictEqual(doc.getText(), text, 'nothing removed after Cancel');
    a.answerNextQuestions([true]);
    const result = await vscode.commands.executeCommand<ApplyResult>('editorialReview.removeArticle', await articleNode(doc, headline));
    assert.strictEqual(result.applied, true);
    assert.strictEqual(result.removedLines, 10);
    assert.strictEqual(result.message, 'Delete article 3 (lines 16\u201325): removed 10 lines (16\u201325); 3 lines of it existed nowhere else.');
    assert.strictEqual(a.lastEdit()!.message, `Editorial Review: ${result.message}`);
    await undoLast(doc, text);
  });

  it('the updated version\'s own fix in Problems ("Remove this version…") asks first too', async () => {
    const a = await api();
    const { doc, text } = await openFixture('trust-merged');
    const headline = text.indexOf('Harbour board delays dredging of the east channel.\n');
    const near = ours(doc.uri).find(d => ruleOf(d) === 'near-duplicate' && doc.offsetAt(d.range.end) > headline);
    assert.ok(near, 'the merged article is an updated version of article 1');
    const fix = findAction(await codeActions(doc, near.range), /^Remove this version \(article #3\)/);
    a.answerNextQuestions([false]);
    const result = await run<ApplyResult>(fix);
    assert.strictEqual(result.reason, 'cancelled');
    assert.match(result.asked!.message, /\? 3 lines exist nowhere else in this file\.$/);
    assert.strictEqual(doc.getText(), text);
  });

  it('Delete Article… on an article of its own asks first, naming the lines that would be gone', async () => {
    const a = await api();
    const { doc, text } = await openFixture('trust-merged');
    const node = await articleNode(doc, text.indexOf('Library extends'));
    assert.strictEqual(node.article.duplicateOf, null);
    a.answerNextQuestions([false]);
    const result = await vscode.commands.executeCommand<ApplyResult>('editorialReview.deleteArticle', node);
    assert.strictEqual(result.reason, 'cancelled');
    assert.match(result.asked!.message, /^Delete article \d+ \(lines \d+–\d+\)\? 5 lines exist nowhere else in this file\.$/);
    assert.match(result.asked!.detail, /^Lines \d+–\d+ would be gone/);
    assert.strictEqual(doc.getText(), text);
  });

  it('Remove Article on a whole repeated article removes what its fix removes, and says so with the line count', async () => {
    const a = await api();
    const { doc, text } = await openFixture('trust-desk');
    const second = text.indexOf('Shelling resumes', 10);
    const node = await articleNode(doc, second);
    assert.strictEqual(node.article.duplicateOf, 1);
    const fix = findAction(await codeActions(doc, doc.lineAt(doc.positionAt(second).line).range), /^Remove repeated passage \(lines \d+–\d+\)$/);
    const result = await vscode.commands.executeCommand<ApplyResult>('editorialReview.removeArticle', node);
    assert.strictEqual(result.applied, true);
    assert.strictEqual(doc.getText(), applied(text, (fix.command!.arguments![0] as ApplyEditsArgs).edits));
    assert.strictEqual(a.lastEdit()!.removedLines, result.removedLines);
    assert.ok(result.removedLines! >= 5, result.message);
    await undoLast(doc, text);
  });

  it('Remove All Repeated Passages and each quick fix say what they removed, with Undo', async () => {
    const a = await api();
    const { doc, text } = await openFixture('trust-desk');
    const all = await vscode.commands.executeCommand<ApplyResult>('editorialReview.removeAllRepeatedPassages', doc.uri);
    assert.strictEqual(all.applied, true);
    assert.match(all.message!, /^Remove all repeated passages: removed \d+ lines \(\d+–\d+\)\.$/);
    await undoLast(doc, text);
    const claim = text.indexOf('reportedly');
    const mark = findAction(await codeActions(doc, new vscode.Range(doc.positionAt(claim), doc.positionAt(claim + 10))), 'Mark as [attribution needed]');
    const marked = await run<ApplyResult>(mark);
    assert.strictEqual(marked.applied, true);
    assert.match(marked.message!, /^Mark as \[attribution needed\]: inserted text on line 4\.$/);
    assert.strictEqual(a.lastEdit()!.removedLines, 0);
    await undoLast(doc, text);
  });
});

describe('issue 17: counts say what they count, and Problems\' cap is said (items 2, 4 and 10)', () => {
  after(async () => {
    await setSetting('maxFindingsPerRule', undefined);
    await closeAll();
  });

  it('the status bar says "Review:" and counts as Problems does, hints apart, in plain words for screen readers', async () => {
    const a = await api();
    const { doc } = await openFixture('trust-desk');
    const diagnostics = ours(doc.uri);
    const by = (s: vscode.DiagnosticSeverity) => diagnostics.filter(d => d.severity === s).length;
    const hints = by(vscode.DiagnosticSeverity.Hint);
    assert.ok(hints >= 3, 'emotive wording is a hint');
    const status = a.statusText();
    assert.strictEqual(status, `$(book) Review: $(warning) ${by(vscode.DiagnosticSeverity.Warning)} $(info) ${by(vscode.DiagnosticSeverity.Information)} $(lightbulb) ${hints}`);
    const spoken = a.statusAccessibleLabel();
    assert.ok(!spoken.includes('$('), spoken);
    assert.match(spoken, new RegExp(`1 warning and ${by(vscode.DiagnosticSeverity.Information)} information in Problems, ${hints} hints in the editor only`));
    assert.match(a.statusTooltip().replace(/&nbsp;/g, ' '), /VS Code does not list hints in Problems/);
  });

  it('the panel\'s badge, its rows and "Finding x of n" count the same findings, saying which Problems lists', async () => {
    const a = await api();
    const { doc } = await openFixture('trust-desk');
    const review = a.getReview(doc.uri)!.review;
    const hints = review.findings.filter(f => f.severity === 'hint').length;
    const tree = a.articles();
    assert.strictEqual(tree.badge, review.findings.length);
    const terms = tree.overview.find(r => r.id === 'loaded-term')!;
    const termHints = review.findings.filter(f => f.rule === 'loaded-term' && f.severity === 'hint').length;
    assert.strictEqual(terms.description, `${review.findings.filter(f => f.rule === 'loaded-term').length} (${termHints} hints)`);
    assert.strictEqual(terms.children, review.findings.filter(f => f.rule === 'loaded-term').length, 'the row lists the rule\'s findings');
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const walked = await vscode.commands.executeCommand<{ total: number; message: string }>('editorialReview.nextFinding');
    assert.strictEqual(walked.total, review.findings.length);
    assert.match(walked.message, new RegExp(`^Finding 1 of ${review.findings.length} \\(as listed in the Articles panel; Problems lists ${review.findings.length - hints}\\)`));
  });

  it('says where VS Code\'s 1,000 problems a file leave claims out, and lists them in the panel', async () => {
    const a = await api();
    await setSetting('maxFindingsPerRule', 2000);
    const lines: string[] = [];
    for (let i = 0; i < 1100; i++) lines.push(`Item ${i + 1}: the depot on road ${i + 7} was reportedly closed for repairs this week.`);
    const { doc } = await openText('trust-many.txt', `Road depots closed across the county\n${lines.join('\n')}\n`);
    await waitFor(() => (a.getReview(doc.uri)?.review.findings.length ?? 0) > 1000, 'more than 1,000 findings');
    await settled(doc);
    const tree = a.articles();
    assert.match(tree.message ?? '', /Problems lists 1,000 of the [\d,]+ problems of this file/);
    assert.match(tree.message ?? '', /the Articles panel lists every finding, by rule under Overview/);
    const claims = tree.overview.find(r => r.id === 'unattributed-claim')!;
    assert.ok(claims.children > 1000, `${claims.children} claims listed in the panel`);
    assert.match(a.statusTooltip().replace(/&nbsp;/g, ' '), /Problems lists 1,000 of the/);
    await setSetting('maxFindingsPerRule', undefined);
  });

  it('overview figures come from the whole review, not from the capped list (item 4)', async () => {
    const a = await api();
    const { doc } = await openFixture('trust-desk');
    const full = a.articles().overview;
    const share = full.find(r => r.id === 'duplicated')!.description;
    const claims = full.find(r => r.id === 'unattributed-claim')!.description;
    await setSetting('maxFindingsPerRule', 1);
    try {
      await waitFor(() => a.getReview(doc.uri)!.review.findings.filter(f => f.rule === 'unattributed-claim').length === 1, 'a capped review');
      await settled(doc);
      const capped = a.articles().overview;
      assert.strictEqual(capped.find(r => r.id === 'duplicated')!.description, share, 'the repeated share is the same');
      assert.strictEqual(capped.find(r => r.id === 'unattributed-claim')!.description, `${claims} (1 listed)`);
      assert.match(a.articles().message ?? '', /1 of the \d+ claims are listed/);
    } finally {
      await setSetting('maxFindingsPerRule', undefined);
    }
  });
});

describe('issue 17: every view follows one state of the review (item 3)', () => {
  after(async () => {
    await setSetting('maxFileSize', undefined);
    await closeAll();
  });

  it('a file above maxFileSize: on demand everywhere; after Review Now the panel and the Map follow the squiggles at once; edit and undo; Clear Problems', async () => {
    const a = await api();
    await setSetting('maxFileSize', 1000);
    const text = fixtureText('trust-desk');
    const uri = await writeWorkspaceFile('trust-large.txt', text);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('editorialReview.showMap');
    await waitFor(() => a.docView(uri).phase === 'onDemand', 'on demand');
    await waitFor(() => /on demand/.test(a.statusText()), 'the status bar to say on demand');
    assert.strictEqual(a.articles().phase, 'onDemand');
    assert.match(a.viewMessage() ?? '', /maxFileSize/);
    await waitFor(() => a.map().model?.phase === 'onDemand' && /maxFileSize/.test(a.map().rendered?.empty ?? ''), 'the map to say why');
    assert.ok(!/Open a/.test(a.map().rendered!.empty));

    // Review Now: when the squiggles come, the status bar, the panel and the map say the same.
    let atSquiggles: { phase: string; status: string; map: string | undefined; at: number } | undefined;
    const listener = vscode.languages.onDidChangeDiagnostics(e => {
      if (!atSquiggles && e.uris.some(u => u.toString() === uri.toString()) && ours(uri).length > 0) {
        atSquiggles = { phase: a.docView(uri).phase, status: a.statusText(), map: a.map().model?.phase, at: Date.now() };
      }
    });
    const drawn = new Promise<number>(resolve => {
      const wait = () => void a.whenMapRendered(20000).then(r => (r.articles > 0 ? resolve(Date.now()) : wait()), () => resolve(-1));
      wait();
    });
    await vscode.commands.executeCommand('editorialReview.reviewFile', uri);
    await waitFor(() => atSquiggles !== undefined, 'the squiggles');
    listener.dispose();
    assert.strictEqual(atSquiggles!.phase, 'reviewed');
    assert.match(atSquiggles!.status, /^\$\(book\) Review: \$\(warning\) 1 /);
    assert.strictEqual(atSquiggles!.map, 'reviewed');
    await waitFor(() => a.viewMessage() === undefined, 'the panel to drop its note', 1000);
    const mapAt = await drawn;
    assert.ok(mapAt > 0 && mapAt - atSquiggles!.at < 3000, `the map drew ${mapAt - atSquiggles!.at} ms after the squiggles`);

    // One character typed and undone: outdated everywhere meanwhile, current again after.
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit(b => b.insert(new vscode.Position(0, 0), 'x'));
    await waitFor(() => a.docView(uri).phase === 'stale', 'outdated after the edit');
    assert.match(a.statusText(), /\(outdated\)$/);
    assert.ok(!/on demand/.test(a.statusText()));
    assert.strictEqual(a.articles().phase, 'stale');
    assert.match(a.viewMessage() ?? '', /earlier version/);
    await waitFor(() => a.map().model?.phase === 'stale', 'the map to say outdated');
    await vscode.commands.executeCommand('undo');
    await waitFor(() => doc.getText() === text, 'the text as reviewed');
    await waitFor(() => a.docView(uri).phase === 'reviewed', 'current again after undo');
    assert.match(a.statusText(), /^\$\(book\) Review: /);
    assert.ok(!/on demand|outdated/.test(a.statusText()), a.statusText());
    assert.strictEqual(a.articles().phase, 'reviewed');
    assert.ok(a.articles().articles.length > 0);

    // Clear Problems: the file stays shown and every view says it was cleared.
    await vscode.commands.executeCommand('editorialReview.clearProblems');
    await waitFor(() => a.docView(uri).phase === 'cleared', 'cleared');
    assert.match(a.statusText(), /Review: cleared/);
    assert.strictEqual(a.articles().top?.label, 'Problems cleared');
    await waitFor(() => /Problems cleared/.test(a.map().rendered?.empty ?? ''), 'the map to say cleared');
    assert.ok(!/Open a/.test(a.map().rendered!.empty));
  });
});

describe('issue 17: rules and whole reviews turned off, undoably (item 9)', () => {
  after(async () => {
    await setSetting('rulesOffInFiles', undefined);
    await setSetting('ignoredFiles', undefined);
    await closeAll();
  });

  const rulesOf = (uri: vscode.Uri) => new Set(ours(uri).map(ruleOf));

  it('offers "Disable «rule» for this file" and "… in this workspace" on every finding', async () => {
    const { doc } = await openFixture('trust-desk');
    const names: Record<string, string> = { 'repeated-passage': 'Repeated passage', 'unattributed-claim': 'Unattributed claim', 'loaded-term': 'Loaded term', boilerplate: 'Web debris' };
    for (const d of ours(doc.uri)) {
      const titles = (await codeActions(doc, d.range)).map(x => x.title);
      const name = names[ruleOf(d)];
      assert.ok(titles.includes(`Disable «${name}» for this file`) && titles.includes(`Disable «${name}» in this workspace`), `${ruleOf(d)}: ${titles.join(' | ')}`);
    }
  });

  it('Disable «Loaded term» for this file silences it there only, and Undo brings it back', async () => {
    const a = await api();
    const { doc } = await openFixture('trust-desk');
    const { doc: other } = await openText('trust-desk-other.txt', fixtureText('trust-desk'));
    await vscode.window.showTextDocument(doc);
    const terms = a.getReview(doc.uri)!.review.findings.filter(f => f.rule === 'loaded-term').length;
    const term = ours(doc.uri).find(d => ruleOf(d) === 'loaded-term')!;
    const action = findAction(await codeActions(doc, term.range), 'Disable «Loaded term» for this file');
    await run(action);
    await waitFor(() => !rulesOf(doc.uri).has('loaded-term'), 'no loaded terms in the file');
    assert.ok(rulesOf(other.uri).has('loaded-term'), 'still reported in another file');
    const setting = vscode.workspace.getConfiguration('editorialReview').inspect<Record<string, string[]>>('rulesOffInFiles')!.workspaceValue!;
    assert.deepStrictEqual(Object.values(setting), [['loaded-term']]);
    assert.strictEqual(await vscode.commands.executeCommand('editorialReview.undoIgnore'), true);
    await waitFor(() => rulesOf(doc.uri).has('loaded-term'), 'the terms again');
    assert.strictEqual(a.getReview(doc.uri)!.review.findings.filter(f => f.rule === 'loaded-term').length, terms);
  });

  it('Disable «Unattributed claim» in this workspace writes "off" to .editorial-review.json, and Undo takes it back', async () => {
    const { doc } = await openFixture('trust-desk');
    const config = vscode.Uri.joinPath(workspaceFolder(), '.editorial-review.json');
    const before = await vscode.workspace.fs.readFile(config).then(b => Buffer.from(b).toString('utf8'), () => undefined);
    const claim = ours(doc.uri).find(d => ruleOf(d) === 'unattributed-claim')!;
    await run(findAction(await codeActions(doc, claim.range), 'Disable «Unattributed claim» in this workspace'));
    await waitFor(() => !rulesOf(doc.uri).has('unattributed-claim'), 'no claims');
    const written = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(config)).toString('utf8'));
    assert.strictEqual(written.rules['unattributed-claim'], 'off');
    assert.strictEqual(await vscode.commands.executeCommand('editorialReview.undoIgnore'), true);
    await waitFor(() => rulesOf(doc.uri).has('unattributed-claim'), 'the claims again');
    const after = await vscode.workspace.fs.readFile(config).then(b => Buffer.from(b).toString('utf8'), () => undefined);
    assert.strictEqual(after, before, 'the config file as it was (or gone again)');
  });

  it('Turn Review Off for This File clears it and every view says so; Turn Review On reviews it again', async () => {
    const a = await api();
    const { doc } = await openFixture('trust-desk');
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(await vscode.commands.executeCommand('editorialReview.turnOffForFile'), true);
    await waitFor(() => ours(doc.uri).length === 0, 'no problems');
    await waitFor(() => a.docView(doc.uri).phase === 'off', 'off');
    assert.match(a.statusText(), /^\$\(circle-slash\) Review: off$/);
    assert.strictEqual(a.articles().top?.label, 'Review is off for this file');
    await sleep(300);
    assert.strictEqual(ours(doc.uri).length, 0, 'no review comes back by itself');
    assert.strictEqual(await vscode.commands.executeCommand('editorialReview.turnOnForFile'), true);
    await waitFor(() => ours(doc.uri).length > 0, 'reviewed again');
    assert.match(a.statusText(), /^\$\(book\) Review: /);
  });
});

describe('issue 17: the small things (item 11)', () => {
  after(closeAll);

  it('Replace every «Kiev» replaces the copies in the repeated article too, says so, and the copy still repeats', async () => {
    const a = await api();
    const { doc, text } = await openFixture('trust-desk');
    const kiev = text.indexOf('Kiev');
    const action = findAction(await codeActions(doc, new vscode.Range(doc.positionAt(kiev), doc.positionAt(kiev + 4))), /^Replace every «Kiev»/);
    assert.strictEqual(action.title, 'Replace every «Kiev» in this file with «Kyiv» (4, 2 of them in repeated copies)');
    const result = await run<ApplyResult>(action);
    assert.strictEqual(result.applied, true);
    assert.ok(!doc.getText().includes('Kiev'));
    await settled(doc);
    const review = a.getReview(doc.uri)!.review;
    assert.ok(review.findings.some(f => f.rule === 'repeated-passage' && f.message.startsWith('Article #4 repeats article #1')), 'still an exact repeat');
    await undoLast(doc, text);
  });

  it('"Remove repeated passage" names its lines', async () => {
    const { doc, text } = await openFixture('trust-desk');
    const second = text.indexOf('Shelling resumes', 10);
    const line = doc.positionAt(second).line;
    const action = findAction(await codeActions(doc, doc.lineAt(line).range), /^Remove repeated passage \(lines \d+–\d+\)$/);
    const [, from, to] = /\(lines (\d+)–(\d+)\)/.exec(action.title)!.map(Number);
    assert.strictEqual(from, line + 1);
    const edits = (action.command!.arguments![0] as ApplyEditsArgs).edits;
    assert.strictEqual(doc.positionAt(edits[0].range.start).line + 1, from);
    assert.ok(doc.lineAt(to - 1).text.startsWith('A second round of talks'), 'the last line with words it removes');
  });

  it('the Map: "1 finding" in the singular, marks big enough to tell apart, reachable with the keyboard', async () => {
    const a = await api();
    const { doc } = await openFixture('trust-desk');
    await vscode.window.showTextDocument(doc);
    const rendered = a.whenMapRendered(20000);
    await vscode.commands.executeCommand('editorialReview.showMap');
    const drawn = await drawnUntil(await rendered, d => d.articles > 0, 'the map drawn with its articles');
    assert.ok(drawn.titles.some(t => /; 1 finding\)$/.test(t)), drawn.titles.join('\n'));
    assert.ok(!drawn.titles.some(t => /\b1 findings\b/.test(t)));
    assert.ok(drawn.marks > 0 && drawn.markSize.height >= 6 && drawn.markSize.width >= 8, JSON.stringify(drawn.markSize));
    assert.strictEqual(drawn.overlaps, 0);
    assert.strictEqual(drawn.ticks, a.getReview(doc.uri)!.review.findings.length);
    const first = await a.mapKey('Tab');
    assert.match(first.label, /^Article 1: /);
    const mark = await a.mapKey('ArrowRight');
    assert.match(mark.role, /\btick\b/, JSON.stringify(mark));
    assert.ok(mark.label.length > 0);
    const next = await a.mapKey('ArrowDown');
    assert.match(next.role, /\btick\b/);
    assert.notStrictEqual(next.label, mark.label, 'the next mark');
    const back = await a.mapKey('ArrowLeft');
    assert.match(back.label, /^Article 1: /);
  });

  it('Compare with original opens with the first change in view', async () => {
    const words = 'the harbour board met again on a wet evening to argue over the cost of dredging and the timing of the work'.split(' ');
    const lines: string[] = [];
    for (let i = 0; i < 60; i++) lines.push(`${words.slice(0, 8 + (i % 5)).join(' ')} ${i}`);
    const changedLines = lines.slice();
    changedLines[55] = changedLines[55].replace('board', 'council');
    const original = `${lines.join('\n')}.`;
    const copy = `${changedLines.join('\n')}.`;
    const text = `Harbour board meets\n\n${original}\n\nOther news\n\nThe tram line opened a month early on Sunday, the transport office said.\n\nHarbour board meets again\n\n${copy}\n`;
    const { doc } = await openText('trust-compare.txt', text);
    const a = await api();
    const near = a.getReview(doc.uri)!.review.findings.find(f => f.rule === 'near-duplicate');
    assert.ok(near, a.getReview(doc.uri)!.review.findings.map(f => f.message).join(' | '));
    const action = findAction(await codeActions(doc, new vscode.Range(doc.positionAt(near.range.start), doc.positionAt(near.range.start + 5))), 'Compare with original');
    const result = await run<{ line: number; identical: boolean }>(action);
    assert.strictEqual(result.identical, false);
    const changed = 55;
    assert.strictEqual(result.line, changed);
    await waitFor(() => !!vscode.window.activeTextEditor && vscode.window.activeTextEditor.visibleRanges.some(r => r.start.line <= changed && changed <= r.end.line), 'the change in view');
    assert.strictEqual(vscode.window.activeTextEditor!.selection.active.line, changed);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
