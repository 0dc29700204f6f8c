// Our own reports are never reviewed as dumps, in a real VS Code: by their default names and by
// their content; Review Workspace skips them and its count matches the Problems panel.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { WorkspaceReviewResult } from '../../src/extension/commands/commands';
import { api, closeAll, openFixture, ours, sleep, workspaceFolder } from './support';

describe('exported reports', () => {
  let dump: vscode.TextDocument;
  const written: vscode.Uri[] = [];

  before(async () => {
    ({ doc: dump } = await openFixture());
  });
  after(async () => {
    await closeAll();
    for (const uri of written) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  const exportTo = async (name: string) => {
    await vscode.window.showTextDocument(dump);
    const target = vscode.Uri.joinPath(workspaceFolder(), name);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('editorialReview.exportReport', { format: 'markdown', target, scope: 'file' });
    assert.ok(uri);
    written.push(uri);
    return uri;
  };

  it('are not reviewed when opened under the name Export Report gives them', async () => {
    const uri = await exportTo(`desk-${process.pid}.editorial-review.md`);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await sleep(800);
    assert.strictEqual(ours(uri).length, 0);
    assert.strictEqual((await api()).getReview(uri), undefined);
    // The report quotes the dump's repeated text: reviewed, it would be full of "repeats".
    assert.ok(doc.getText().includes('Repeated passage'));
  });

  it('are recognised by their content under any other name', async () => {
    const uri = await exportTo(`renamed-${process.pid}.md`);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await sleep(800);
    assert.strictEqual(ours(uri).length, 0);
    const result = await vscode.commands.executeCommand<{ message: string } | undefined>('editorialReview.reviewFile');
    assert.strictEqual(result, undefined, 'Review Current File refuses a report');
  });

  it('are skipped by Review Workspace, whose count is what the Problems panel shows', async () => {
    await exportTo(`closed-${process.pid}.editorial-review.md`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const result = await vscode.commands.executeCommand<WorkspaceReviewResult>('editorialReview.reviewWorkspace');
    assert.ok(result && result.reports >= 3, JSON.stringify(result));
    for (const uri of written) assert.strictEqual(ours(uri).length, 0, uri.toString());
    // The Problems panel lists our diagnostics that are not hints.
    let shown = 0;
    let hints = 0;
    assert.strictEqual(result.reviewedFiles.length, result.reviewed);
    for (const uri of result.reviewedFiles) {
      const mine = ours(uri);
      shown += mine.filter(d => d.severity !== vscode.DiagnosticSeverity.Hint).length;
      hints += mine.filter(d => d.severity === vscode.DiagnosticSeverity.Hint).length;
    }
    assert.strictEqual(result.problems, shown);
    assert.strictEqual(result.hints, hints);
    assert.ok(result.findings === result.problems + result.hints);
  });
});
