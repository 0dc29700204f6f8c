// The workspace's collection inside a real VS Code: two files sharing an article, an updated
// version and a pasted paragraph (test/fixtures/collection/). Diagnostics whose related information
// opens the other file, Remove repeated article, Compare across files, a variant that Remove All
// keeps, the Articles view's marks and the Stories view, the index following the other file when it
// is edited, deleted and renamed, and a reopened workspace reading only what changed.
// The test workspace limits the collection to its folder collection/ (.vscode/settings.json).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { EditorialReviewApi } from '../../src/extension/api';
import { PROJECT_ROOT, api, closeAll, codeActions, findAction, ours, run, undoTo, waitFor, workspaceFolder } from './support';

/** Changes made outside the editor arrive through the file-system watcher, late on a loaded machine. */
const WATCHER_MS = 45000;
const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'collection');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

describe('collection: findings across the files of the workspace', function () {
  this.timeout(240000);
  let a: EditorialReviewApi;
  let folder: vscode.Uri;
  let day01: vscode.Uri;
  let day02: vscode.Uri;
  let key01: string;
  let key02: string;
  const text01 = fixture('day01-wire.txt');
  const text02 = fixture('day02-desk.txt');

  const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  const crossFile = (uri: vscode.Uri) => ours(uri).filter(d => d.relatedInformation?.some(r => r.location.uri.toString() !== uri.toString()));
  const copyDiagnostic = (uri: vscode.Uri) => crossFile(uri).find(d => /^Article #2 repeats article #1 of /.test(d.message));

  async function openDay02(): Promise<vscode.TextDocument> {
    const doc = await vscode.workspace.openTextDocument(day02);
    await vscode.window.showTextDocument(doc);
    await a.whenReviewed(doc);
    await waitFor(() => copyDiagnostic(day02) !== undefined, 'the cross-file copy finding on day02');
    return doc;
  }

  before(async () => {
    a = await api();
    folder = vscode.Uri.joinPath(workspaceFolder(), 'collection', `run-${process.pid}`);
    day01 = vscode.Uri.joinPath(folder, 'day01-wire.txt');
    day02 = vscode.Uri.joinPath(folder, 'day02-desk.txt');
    key01 = vscode.workspace.asRelativePath(day01);
    key02 = vscode.workspace.asRelativePath(day02);
    await write(day01, text01);
    await write(day02, text02);
    await waitFor(() => a.collection.paths().includes(key01) && a.collection.paths().includes(key02), 'both files in the index');
  });

  after(async () => {
    await closeAll();
    await vscode.workspace.fs.delete(folder, { recursive: true }).then(undefined, () => undefined);
  });

  it('shows a copy of an article of another file as a diagnostic whose related information opens that file', async () => {
    await openDay02();
    const d = copyDiagnostic(day02);
    assert.ok(d);
    assert.match(d.message, /Tramway depot in Larkfield/);
    assert.ok(d.message.includes(key01), d.message);
    assert.strictEqual(d.range.start.line, 5);
    const related = d.relatedInformation?.[0];
    assert.ok(related);
    assert.strictEqual(related.location.uri.toString(), day01.toString());
    assert.strictEqual(related.location.range.start.line, 0);
    // The updated version and the pasted paragraph point into day01 too; day01 (the original) has none.
    const messages = crossFile(day02).map(x => x.message);
    assert.ok(messages.some(m => /^Article #3 is an updated version of article #2 of /.test(m)), messages.join('\n'));
    assert.ok(messages.some(m => /^This paragraph repeats one of article #3 of /.test(m)), messages.join('\n'));
    assert.deepStrictEqual(crossFile(day01).map(x => x.message), []);
  });

  it('Remove repeated article removes the copy in one undoable step, and Open original opens the other file', async () => {
    const doc = await openDay02();
    const d = copyDiagnostic(day02);
    assert.ok(d);
    const actions = await codeActions(doc, d.range);
    const removal = findAction(actions, 'Remove repeated article');
    assert.strictEqual(removal.isPreferred, true);
    const result = await run(removal);
    assert.strictEqual(result.applied, true, JSON.stringify(result));
    const after = doc.getText();
    assert.ok(!after.includes('Tramway depot'), 'the copy is gone');
    assert.ok(after.includes('Ferry crews vote') && after.includes('Apple harvest in the Vell valley'), 'the rest stays');
    assert.strictEqual(after.length, text02.length - (text02.indexOf('Apple harvest') - text02.indexOf('Tramway depot')));
    await undoTo(doc, text02);

    await openDay02();
    const again = copyDiagnostic(day02);
    assert.ok(again);
    const open = findAction(await codeActions(doc, again.range), 'Open original');
    await run(open);
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === day01.toString(), 'day01 opened');
    assert.strictEqual(vscode.window.activeTextEditor?.selection.active.line, 0);
  });

  it('compares a copy with its original across the two files, and an updated version with its first change in view', async () => {
    const doc = await openDay02();
    const d = copyDiagnostic(day02);
    assert.ok(d);
    const same = await run<{ line: number; identical: boolean }>(findAction(await codeActions(doc, d.range), 'Compare with original'));
    assert.deepStrictEqual(same, { line: 0, identical: true });
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff, 'a diff editor is open');
    assert.match(tab.label, /day01-wire\.txt \(original\) ↔ day02-desk\.txt \(later copy\)/);
    const left = await vscode.workspace.openTextDocument(tab.input.original);
    assert.ok(left.getText().startsWith('Tramway depot in Larkfield'));

    const doc2 = await openDay02();
    const variant = crossFile(day02).find(x => /updated version/.test(x.message));
    assert.ok(variant);
    const actions = await codeActions(doc2, variant.range);
    const compared = await run<{ line: number; identical: boolean }>(findAction(actions, 'Compare with original'));
    assert.strictEqual(compared && compared.identical, false);
    // Its explicit fixes say what they would lose; none is preferred.
    assert.ok(actions.some(x => /^Keep this version and remove article #2 of /.test(x.title)), actions.map(x => x.title).join(' | '));
    assert.ok(!actions.some(x => x.isPreferred && /version/.test(x.title)));
  });

  it('Remove All removes the copy and the pasted paragraph, never the updated version', async () => {
    const doc = await openDay02();
    a.answerNextQuestions([true]);
    const result = await vscode.commands.executeCommand<{ applied: boolean }>('editorialReview.removeAllRepeatedPassages', day02);
    assert.strictEqual(result.applied, true);
    const after = doc.getText();
    assert.ok(!after.includes('Tramway depot'), 'the copy is gone');
    assert.ok(!after.includes('The library\'s reading rooms were full'), 'the pasted paragraph is gone');
    assert.ok(after.includes('Apple harvest in the Vell valley set to fall by a third'), 'the updated version stays');
    assert.ok(after.includes('The regional government said on Friday'), 'its new paragraph stays');
    assert.ok(after.includes('The union suggested that school buildings'), "the pasting article's own text stays");
    await undoTo(doc, text02);
  });

  it('marks articles whose story is in another file in the Articles view, and lists the stories in the Stories view', async () => {
    const doc = await vscode.workspace.openTextDocument(day01);
    await vscode.window.showTextDocument(doc);
    await a.whenReviewed(doc);
    await waitFor(() => a.articles().articles[0]?.elsewhere.length > 0, 'the mark on day01 #1');
    const first = a.articles().articles[0];
    assert.match(first.description, /also in day02-desk\.txt #2/);
    assert.strictEqual(first.elsewhere[0].label, 'also in day02-desk.txt #2');
    assert.match(first.elsewhere[0].accessible, /day02-desk\.txt, article 2/);
    const second = a.articles().articles[1];
    assert.match(second.description, /also in day02-desk\.txt #3/);
    assert.match(second.elsewhere[0].description, /updated version/);
    assert.deepStrictEqual(a.articles().articles[2].elsewhere.map(e => e.label), [], 'a pasted paragraph is no shared story');
    // A click on the mark opens the other file at that article.
    const command = first.elsewhere[0].command;
    assert.ok(command);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    await waitFor(() => vscode.window.visibleTextEditors.some(e => e.document.uri.toString() === day02.toString() && e.selection.active.line === 5), 'day02 shown at its article #2');

    const stories = a.collection.storiesView().filter(s => s.occurrences.some(o => o.label === 'day01-wire.txt #1' || o.label === 'day01-wire.txt #2'));
    assert.deepStrictEqual(stories.map(s => s.label), ['Tramway depot in Larkfield will close for six months of rebuilding', 'Orchard growers expect a smaller apple harvest after a late frost']);
    assert.deepStrictEqual(stories[0].occurrences.map(o => `${o.label} ${o.description}`), ['day01-wire.txt #1 original · line 1', 'day02-desk.txt #2 copy · line 6']);
    assert.deepStrictEqual(stories[1].occurrences.map(o => o.description), ['original · line 7', 'updated version · line 12']);
    assert.match(stories[0].accessible, /in 2 files/);
    // A click reveals the occurrence without taking the focus from the view.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const all = a.collection.storiesView();
    await a.collection.openOccurrence(all.indexOf(all.find(s => s.label === stories[1].label)!), 1);
    await waitFor(() => vscode.window.visibleTextEditors.some(e => e.document.uri.toString() === day02.toString() && e.selection.active.line === 11), 'day02 shown at its article #3');
  });

  /** Replaces a file's text through its editor and saves it (what a user does). */
  async function editAndSave(uri: vscode.Uri, text: string): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await doc.save(), 'saved');
  }

  it('follows the other file when it is edited, deleted, created and renamed in the editor', async () => {
    await closeAll();
    await openDay02();
    // Edited: day01 loses the tram article, so day02's copy is now the story's first occurrence.
    const edited = text01.slice(text01.indexOf('Orchard growers'));
    await editAndSave(day01, edited);
    await waitFor(() => copyDiagnostic(day02) === undefined, 'the copy finding gone after day01 was edited', WATCHER_MS);
    assert.ok(crossFile(day02).some(d => /updated version/.test(d.message)), 'the other links stay');
    await editAndSave(day01, text01);
    await waitFor(() => copyDiagnostic(day02) !== undefined, 'the copy finding back', WATCHER_MS);
    await closeAll();
    await openDay02();

    // Deleted: nothing of day02 points anywhere.
    const deletion = new vscode.WorkspaceEdit();
    deletion.deleteFile(day01);
    assert.ok(await vscode.workspace.applyEdit(deletion));
    await waitFor(() => crossFile(day02).length === 0 && !a.collection.paths().includes(key01), 'no cross-file finding once day01 is deleted', WATCHER_MS);
    const creation = new vscode.WorkspaceEdit();
    creation.createFile(day01, { contents: Buffer.from(text01, 'utf8') });
    assert.ok(await vscode.workspace.applyEdit(creation));
    await waitFor(() => copyDiagnostic(day02) !== undefined, 'the copy finding back once day01 is created again', WATCHER_MS);

    // Renamed after day02 in the collection's order: day02's articles become the originals.
    const day05 = vscode.Uri.joinPath(folder, 'day05-wire.txt');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(day01, day05);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const key05 = vscode.workspace.asRelativePath(day05);
    await waitFor(() => crossFile(day02).length === 0 && a.collection.paths().includes(key05) && !a.collection.paths().includes(key01), 'day02 is the original after the rename', WATCHER_MS);
    const story = a.collection.stories().find(s => s.title.startsWith('Tramway depot'));
    assert.deepStrictEqual(story?.occurrences.map(o => [o.path, o.kind]), [[key02, 'original'], [key05, 'exact']]);
    const back = new vscode.WorkspaceEdit();
    back.renameFile(day05, day01);
    assert.ok(await vscode.workspace.applyEdit(back));
    await waitFor(() => copyDiagnostic(day02) !== undefined, 'the copy finding back after renaming it back', WATCHER_MS);
  });

  it('follows the other file when it is changed or deleted outside the editor, by the watcher or when a file pointing into it is shown', async () => {
    // Outside the editor only the file-system watcher tells; its events may come late or never (a
    // loaded machine, a full suite), so showing day02 checks on disk the files its findings point into.
    const showDay02 = async () => {
      await closeAll();
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(day02));
    };
    await showDay02();
    await waitFor(() => copyDiagnostic(day02) !== undefined, 'the cross-file copy finding on day02');
    await write(day01, text01.slice(text01.indexOf('Orchard growers')));
    await showDay02();
    await waitFor(() => copyDiagnostic(day02) === undefined, 'the copy finding gone after day01 was written outside the editor', WATCHER_MS);
    await write(day01, text01);
    await showDay02();
    await waitFor(() => copyDiagnostic(day02) !== undefined, 'the copy finding back', WATCHER_MS);
    await vscode.workspace.fs.delete(day01);
    await showDay02();
    await waitFor(() => crossFile(day02).length === 0 && !a.collection.paths().includes(key01), 'no cross-file finding once day01 is deleted outside the editor', WATCHER_MS);
    // Written again: nothing points into it any more; the watcher, or its review once it is opened, brings it back.
    await write(day01, text01);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(day01));
    await showDay02();
    await waitFor(() => copyDiagnostic(day02) !== undefined, 'the copy finding back', WATCHER_MS);
  });

  it('reopens the workspace from the stored index, reading again only the files that changed', async () => {
    await closeAll();
    await a.collection.settled();
    const unchanged = await a.collection.reload();
    assert.ok(unchanged && !unchanged.cancelled);
    assert.strictEqual(unchanged.reread, 0, JSON.stringify(unchanged));
    assert.ok(unchanged.fromStore >= 2 && unchanged.fromStore === unchanged.files, JSON.stringify(unchanged));
    assert.ok(a.collection.paths().includes(key01) && a.collection.paths().includes(key02));
    assert.ok(unchanged.memoryBytes > 0);
    // A file changed while the workspace was closed: only it is read.
    const changed = await a.collection.reload(async () => fs.writeFileSync(day01.fsPath, `${text01}\nA short note added at the end of the file.\n`));
    assert.strictEqual(changed?.reread, 1, JSON.stringify(changed));
    assert.strictEqual(changed?.fromStore, changed!.files - 1);
    // And its findings come back across files.
    await openDay02();
  });
});
