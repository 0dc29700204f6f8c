// Runs inside VS Code's extension host (see ./index.ts): the extension is present, activates, and
// a text document from the workspace opens in an editor.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { testMode } from './index';

const EXTENSION_ID = 'editorial-review.editorial-review';

function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded (built? engines.vscode accepts ${vscode.version}?)`);
  return ext;
}

describe('activation', () => {
  it(`finds ${EXTENSION_ID}`, () => {
    const ext = extension();
    assert.strictEqual(ext.id, EXTENSION_ID);
    assert.strictEqual((ext.packageJSON as { name?: string }).name, 'editorial-review');
    console.log(`    (VS Code ${vscode.version}, ${testMode()} mode, ${ext.extensionPath})`);
  });

  it('loads the extension the way the runner asked for', () => {
    // An installed .vsix lives in the extensions dir as <publisher>.<name>-<version>;
    // in development mode VS Code uses the extension folder itself.
    const installed = path.basename(extension().extensionPath).startsWith(`${EXTENSION_ID}-`);
    assert.strictEqual(installed, testMode() === 'vsix',
      `${testMode()} mode, but the extension was loaded from ${extension().extensionPath}`);
  });

  it('activates', async () => {
    const ext = extension();
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });

  it('opens a .txt document from the workspace', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    // Use a .txt fixture when the workspace has one, else write one (the runners open a copy).
    let [uri] = await vscode.workspace.findFiles('**/*.txt', '**/node_modules/**', 1);
    let created = false;
    if (!uri) {
      uri = vscode.Uri.joinPath(folder.uri, 'activation-probe.txt');
      await vscode.workspace.fs.writeFile(uri, Buffer.from('Officials said the plan would work.\n', 'utf8'));
      created = true;
    }
    try {
      const onDisk = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc);
      assert.strictEqual(doc.uri.toString(), uri.toString());
      assert.strictEqual(doc.getText(), onDisk.replace(/^\uFEFF/, ''));
      assert.strictEqual(doc.isDirty, false);
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
      assert.strictEqual(editor.document, doc);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      if (created) await vscode.workspace.fs.delete(uri);
    }
  });
});
