// Poses the workbench for the README's screenshots (taken by scripts/run-vscode-tests.mjs when it
// runs with --screenshot FILE; without it this only checks that the scene can be set up). The
// pictures show the sample dump written for this project, never the development corpus.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { requestScreenshot } from './index';
import { api, closeAll, openSample, sleep } from './support';

/** Articles in samples/wire-roundup.txt (samples/EXPECTED.md). */
const SAMPLE_ARTICLES = 14;

describe('the extension at work (screenshot)', () => {
  after(closeAll);

  it('shows the sample dump with its problems, the Articles view and the quick fixes of a loaded term', async () => {
    const a = await api();
    const { doc, editor, text } = await openSample();
    // Only this file's problems, and no notifications left over from other tests.
    await vscode.commands.executeCommand('editorialReview.clearProblems');
    await vscode.commands.executeCommand('editorialReview.reviewFile', doc.uri);
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('editorialReview.showArticles');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.window.showTextDocument(doc, { preserveFocus: false });
    await a.revealArticle(6);
    const kiev = text.indexOf('outskirts of Kiev') + 'outskirts of '.length;
    assert.ok(kiev > 'outskirts of '.length, 'the sample mentions Kiev in a body paragraph');
    const at = doc.positionAt(kiev);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand('editor.action.quickFix');
    await sleep(1000);
    const shot = await requestScreenshot('editorial review at work');
    if (shot) console.log(`      screenshot: ${shot}`);
    await vscode.commands.executeCommand('hideCodeActionWidget').then(undefined, () => undefined);
    assert.strictEqual(a.articles().articles.length, SAMPLE_ARTICLES);
  });

  it('shows the overview of the sample and its map beside it (the second picture)', async () => {
    const a = await api();
    const { doc, editor } = await openSample();
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('editorialReview.showArticles');
    await vscode.window.showTextDocument(doc, { preserveFocus: false });
    const drawn = a.whenMapRendered(5000);
    await vscode.commands.executeCommand('editorialReview.showMap');
    // (Already drawn when an earlier test opened the map.)
    const rendered = await drawn.catch(() => a.map().rendered);
    await vscode.commands.executeCommand('editorialReview.showArticles');
    await a.revealOverview();
    editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
    await sleep(1000);
    const shot = await requestScreenshot('overview and map');
    if (shot) console.log(`      screenshot: ${shot}`);
    assert.ok(rendered && rendered.articles === SAMPLE_ARTICLES, JSON.stringify(rendered));
    assert.ok(a.articles().overview.length >= 7);
  });
});
