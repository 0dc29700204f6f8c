// Quick fixes inside a real VS Code: each changes exactly what it should, one undo restores the
// text, source.fixAll.editorialReview removes every repeat, and a fix for an older version of the
// document is refused.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { applyEdits } from '../../src/core/review/fixes';
import type { ApplyResult } from '../../src/extension/commands/commands';
import {
  PROJECT_ROOT,
  api,
  closeAll,
  codeActions,
  findAction,
  fixtureLabels,
  openFixture,
  openReviewed,
  ours,
  ruleOf,
  run,
  settled,
  spanRange,
  undoTo,
  waitFor,
  withoutLines,
  withoutPassages,
  writeWorkspaceFile,
} from './support';

/** Asserts that `after` is `before` with `inserted` added at one place. */
function assertSingleInsertion(before: string, after: string, inserted: string): void {
  let i = 0;
  while (i < before.length && before[i] === after[i]) i++;
  assert.strictEqual(after.slice(i, i + inserted.length), inserted, 'the inserted text');
  assert.strictEqual(after.slice(0, i) + after.slice(i + inserted.length), before, 'nothing else changed');
}

describe('quick fixes on the fixture dump', () => {
  const labels = fixtureLabels();
  let doc: vscode.TextDocument;
  let original: string;

  before(async () => {
    ({ doc, text: original } = await openFixture());
  });
  afterEach(async () => {
    // Every test leaves the document as it found it (through undo); make sure of it.
    if (doc.getText() !== original) {
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit(e => e.replace(new vscode.Range(0, 0, doc.lineCount, 0), original));
    }
    await settled(doc);
  });
  after(closeAll);

  const repeatRange = () => new vscode.Range(labels.repeatedPassages[0].startLine - 1, 0, labels.repeatedPassages[0].startLine - 1, 5);

  it('offers the repeated-passage fixes, the safest one preferred', async () => {
    const actions = await codeActions(doc, repeatRange());
    const titles = actions.map(a => a.title);
    for (const t of ['Remove repeated passage', 'Remove all repeated passages in this file', 'Show original', 'Compare with original']) {
      findAction(actions, t);
    }
    // The removal says which lines it takes (issue 17 item 11).
    const label = labels.repeatedPassages[0];
    assert.ok(titles.includes(`Remove repeated passage (lines ${label.startLine}\u2013${label.endLine})`), titles.join(' | '));
    assert.strictEqual(findAction(actions, 'Remove repeated passage').isPreferred, true);
    for (const a of actions) assert.ok(a.kind?.value === 'quickfix', `${a.title} is a quick fix`);
  });

  it('Remove repeated passage removes exactly that article, and one undo restores it', async () => {
    const action = findAction(await codeActions(doc, repeatRange()), 'Remove repeated passage');
    const result = await run<ApplyResult>(action);
    assert.deepStrictEqual(result.applied, true);
    assert.strictEqual(labels.repeatedPassages[0].scope, 'article');
    assert.strictEqual(doc.getText(), withoutPassages(original, [labels.repeatedPassages[0]]));
    await undoTo(doc, original);
  });

  for (const scope of ['paragraphs', 'sentence'] as const) {
    it(`Remove repeated passage removes exactly the repeated ${scope === 'sentence' ? 'sentence' : 'paragraphs pasted into another article'}, and one undo restores it`, async () => {
      const label = labels.repeatedPassages.find(r => r.scope === scope);
      assert.ok(label, `a repeat of ${scope} in the fixture`);
      const at = new vscode.Position(label.startLine - 1, (label.column ?? 1) - 1);
      const action = findAction(await codeActions(doc, new vscode.Range(at, at.translate(0, 3))), 'Remove repeated passage');
      assert.strictEqual((await run<ApplyResult>(action)).applied, true);
      assert.strictEqual(doc.getText(), withoutPassages(original, [label]));
      if (label.text) assert.strictEqual(doc.getText().split(label.text).length, 2, 'the sentence is left once, in its original');
      await undoTo(doc, original);
    });
  }

  it(`Remove all repeated passages in this file removes the ${labels.repeatedPassages.length} repeats in one undoable edit`, async () => {
    const action = findAction(await codeActions(doc, repeatRange()), 'Remove all repeated passages in this file');
    assert.strictEqual((await run<ApplyResult>(action)).applied, true);
    assert.strictEqual(doc.getText(), withoutPassages(original, labels.repeatedPassages));
    await undoTo(doc, original);
  });

  it('Remove all repeated passages in this file, offered for an older version, is refused', async () => {
    const action = findAction(await codeActions(doc, repeatRange()), 'Remove all repeated passages in this file');
    const editor = await vscode.window.showTextDocument(doc);
    const at = new vscode.Position(doc.lineCount - 1, 0);
    const offset = doc.offsetAt(at);
    await editor.edit(b => b.insert(at, 'x'));
    const result = await run<ApplyResult>(action);
    assert.deepStrictEqual([result.applied, result.reason], [false, 'stale']);
    assert.strictEqual(doc.getText(), original.slice(0, offset) + 'x' + original.slice(offset), 'nothing removed');
    await undoTo(doc, original);
  });

  it('source.fixAll.editorialReview removes all repeats', async () => {
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await codeActions(doc, whole, 'source.fixAll.editorialReview');
    assert.strictEqual(actions.length, 1, actions.map(a => a.title).join(' | '));
    assert.strictEqual(actions[0].kind?.value, 'source.fixAll.editorialReview');
    assert.strictEqual((await run<ApplyResult>(actions[0])).applied, true);
    assert.strictEqual(doc.getText(), withoutPassages(original, labels.repeatedPassages));
    await undoTo(doc, original);
    await settled(doc);
    // Also through the generic source.fixAll kind (what editor.codeActionsOnSave asks for).
    const generic = await codeActions(doc, whole, 'source.fixAll');
    assert.ok(generic.some(a => a.kind?.value === 'source.fixAll.editorialReview'));
  });

  it('Show original reveals and selects the original article', async () => {
    const action = findAction(await codeActions(doc, repeatRange()), 'Show original');
    assert.strictEqual(await run<boolean>(action), true);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document === doc);
    const label = labels.repeatedPassages[0];
    assert.strictEqual(editor.selection.start.line + 1, label.originalStartLine);
    const end = editor.selection.end;
    assert.strictEqual(end.character === 0 ? end.line : end.line + 1, label.originalEndLine);
    assert.strictEqual(doc.getText(), original);
  });

  it('Compare with original opens a diff of the two passages', async () => {
    const action = findAction(await codeActions(doc, repeatRange()), 'Compare with original');
    assert.strictEqual((await run<{ identical: boolean }>(action)).identical, true);
    await waitFor(() => vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff, 'a diff tab');
    const input = vscode.window.tabGroups.activeTabGroup.activeTab!.input as vscode.TabInputTextDiff;
    assert.strictEqual(input.original.scheme, 'editorial-review-passage');
    const left = await vscode.workspace.openTextDocument(input.original);
    const right = await vscode.workspace.openTextDocument(input.modified);
    const label = labels.repeatedPassages[0];
    const lines = original.split('\n');
    assert.strictEqual(left.getText().trimEnd(), lines.slice(label.originalStartLine - 1, label.originalEndLine).join('\n'));
    assert.strictEqual(right.getText().trimEnd(), lines.slice(label.startLine - 1, label.endLine).join('\n'));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.window.showTextDocument(doc);
  });

  const debrisRange = (i: number) => {
    const l = labels.webDebris[i];
    return new vscode.Range(l.line - 1, 0, l.line - 1, l.text.length);
  };

  it('Remove web debris (line N) removes that line of web debris and nothing else, and one undo restores it', async () => {
    const actions = await codeActions(doc, debrisRange(0));
    const action = findAction(actions, 'Remove web debris');
    assert.strictEqual(action.isPreferred, true);
    assert.strictEqual((await run<ApplyResult>(action)).applied, true);
    assert.strictEqual(doc.getText(), withoutLines(original, [labels.webDebris[0].line, labels.webDebris[0].line]));
    await undoTo(doc, original);
  });

  it('Remove all web debris in this file removes every line of debris (and no repeat) in one undoable edit', async () => {
    const action = findAction(await codeActions(doc, debrisRange(1)), 'Remove all web debris in this file');
    assert.strictEqual((await run<ApplyResult>(action)).applied, true);
    assert.strictEqual(doc.getText(), withoutLines(original, ...labels.webDebris.map(l => [l.line, l.line] as [number, number])));
    await undoTo(doc, original);
  });

  const kiev = () => {
    const l = labels.loadedTerms.find(t => t.required && t.text === 'Kiev');
    assert.ok(l);
    assert.ok(l.line > 1, 'not on the first line, where the tests below insert text');
    return spanRange(l);
  };

  it('offers Replace, Replace every and Ignore on a loaded term', async () => {
    const titles = (await codeActions(doc, kiev())).map(a => a.title);
    assert.ok(titles.includes('Replace with «Kyiv»'), titles.join(' | '));
    assert.ok(titles.some(t => /^Replace every «Kiev» in this file with «Kyiv» \(\d+\)$/.test(t)), titles.join(' | '));
    assert.ok(titles.includes('Ignore «Kiev» in this workspace'), titles.join(' | '));
  });

  it('Replace with «Kyiv» changes exactly that word, and one undo restores it', async () => {
    const range = kiev();
    const action = findAction(await codeActions(doc, range), 'Replace with «Kyiv»');
    assert.strictEqual((await run<ApplyResult>(action)).applied, true);
    const at = doc.offsetAt(range.start);
    assert.strictEqual(doc.getText(), original.slice(0, at) + 'Kyiv' + original.slice(at + 4));
    await undoTo(doc, original);
  });

  it('Replace every «Kiev» replaces each occurrence and nothing else', async () => {
    const action = findAction(await codeActions(doc, kiev()), /^Replace every «Kiev»/);
    const count = Number(/\((\d+)\)$/.exec(action.title)![1]);
    assert.ok(count > 1);
    assert.strictEqual((await run<ApplyResult>(action)).applied, true);
    const after = doc.getText();
    assert.strictEqual(after.length, original.length);
    const changedAt: number[] = [];
    for (let i = 0; i < after.length; i++) if (after[i] !== original[i]) changedAt.push(i);
    for (const i of changedAt) {
      const start = original.lastIndexOf('Kiev', i);
      assert.ok(start >= 0 && i < start + 4, `only Kiev changes (offset ${i})`);
    }
    assert.strictEqual(original.split('Kiev').length - after.split('Kiev').length, count);
    await undoTo(doc, original);
  });

  it('Mark as [attribution needed] inserts the mark and nothing else', async () => {
    const claim = labels.unattributedClaims.find(c => c.required && c.text === 'reportedly');
    assert.ok(claim);
    const actions = await codeActions(doc, spanRange(claim));
    assert.ok(actions.some(a => /^Ignore the cue «reportedly» in this workspace$/.test(a.title)), actions.map(a => a.title).join(' | '));
    const action = findAction(actions, 'Mark as [attribution needed]');
    assert.strictEqual((await run<ApplyResult>(action)).applied, true);
    assertSingleInsertion(original, doc.getText(), ' [attribution needed]');
    await undoTo(doc, original);
  });

  it('refuses a fix computed for an older version of the document', async () => {
    const action = findAction(await codeActions(doc, kiev()), 'Replace with «Kyiv»');
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit(e => e.insert(new vscode.Position(0, 0), 'EDIT '));
    const changed = doc.getText();
    const result = await run<ApplyResult>(action);
    assert.deepStrictEqual(result, { applied: false, reason: 'stale' });
    assert.strictEqual(doc.getText(), changed, 'the text was not touched');
    await undoTo(doc, original);
  });

  it('offers nothing while the review is behind the text, then fixes for the new version', async () => {
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit(e => e.insert(new vscode.Position(0, 0), 'X'));
    // Immediately after the edit the stored review is for the old version: no stale fixes.
    const early = await codeActions(doc, kiev());
    const a = await api();
    if (a.getReview(doc.uri)?.version !== doc.version) assert.strictEqual(early.length, 0);
    await settled(doc);
    // The term is below line 1 (see kiev()): an insertion on line 1 leaves its range as it was.
    const later = await codeActions(doc, kiev());
    assert.ok(later.some(x => x.title === 'Replace with «Kyiv»'));
    await undoTo(doc, original);
  });
});

describe('quick fixes on a near duplicate', () => {
  let doc: vscode.TextDocument;
  let original: string;

  before(async () => {
    original = fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'workspace', 'briefs.md'), 'utf8');
    const uri = await writeWorkspaceFile('briefs.md', original);
    ({ doc } = await openReviewed(uri));
  });
  after(closeAll);

  it('Remove near duplicate removes that paragraph only; Compare with original opens a diff', async () => {
    const near = ours(doc.uri).find(d => ruleOf(d) === 'near-duplicate');
    assert.ok(near, 'a near-duplicate diagnostic');
    assert.match(near.message, /\d+% similar/);
    // The first request for a Markdown file can race with VS Code activating its Markdown extension.
    let actions: vscode.CodeAction[] = [];
    await waitFor(async () => (actions = await codeActions(doc, near.range)).length > 0, 'code actions on the near duplicate', 5000);
    const titles = actions.map(a => a.title);
    assert.ok(titles.includes('Compare with original'), titles.join(' | '));
    const finding = (await api()).getReview(doc.uri)!.review.findings.find(f => f.rule === 'near-duplicate')!;
    const fix = finding.fixes!.find(f => f.title === 'Remove near duplicate')!;
    assert.ok(fix, 'the engine offers Remove near duplicate');

    // A near duplicate differs from its original; Compare opens all the same, at the first change.
    assert.strictEqual((await run<{ identical: boolean; line: number }>(findAction(actions, 'Compare with original'))).identical, false);
    await waitFor(() => vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff, 'a diff tab');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.window.showTextDocument(doc);

    // Its words differ from the original's, so the line exists nowhere else: the fix asks first.
    const a = await api();
    a.answerNextQuestions([false]);
    assert.strictEqual((await run<ApplyResult>(findAction(actions, 'Remove near duplicate'))).applied, false);
    assert.strictEqual(doc.getText(), original, 'declined: nothing removed');
    a.answerNextQuestions([true]);
    assert.strictEqual((await run<ApplyResult>(findAction(actions, 'Remove near duplicate'))).applied, true);
    assert.strictEqual(doc.getText(), applyEdits(original, fix.edits));
    assert.ok(!doc.getText().includes('a revised ferry timetable'));
    assert.ok(doc.getText().includes('a new ferry timetable'));
    await undoTo(doc, original);
  });
});
