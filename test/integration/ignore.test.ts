// "Ignore this occurrence" and Undo in a real VS Code: one occurrence of a term silenced by a
// fingerprint of its words and sentence (kept through edits elsewhere), the entry written into
// `.editorial-review.json` with jsonc-parser (the rest of the file unchanged), and Undo taking
// any ignore back.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IgnoreResult } from '../../src/extension/commands/configCommands';
import { closeAll, codeActions, findAction, openReviewed, ours, ruleOf, run, settled, waitFor, workspaceFolder, writeWorkspaceFile } from './support';

const TEXT = [
  'Storm closes the harbour',
  '',
  'Officials in Kiev closed the harbour on Monday after the storm broke two piers.',
  '',
  'Ferries to the islands were cancelled, and the crews reportedly will not sail before Friday.',
  '',
  'Traders in Kiev said the price of fish had doubled since the weekend.',
  '',
].join('\n');

const configFile = () => vscode.Uri.joinPath(workspaceFolder(), '.editorial-review.json');

async function configText(): Promise<string | undefined> {
  try {
    return Buffer.from(await vscode.workspace.fs.readFile(configFile())).toString('utf8');
  } catch {
    return undefined;
  }
}

async function deleteConfig(): Promise<void> {
  await vscode.workspace.fs.delete(configFile()).then(undefined, () => undefined);
}

const kievLines = (doc: vscode.TextDocument) =>
  ours(doc.uri)
    .filter(d => ruleOf(d) === 'loaded-term' && doc.getText(d.range) === 'Kiev')
    .map(d => d.range.start.line + 1)
    .sort((a, b) => a - b);

describe('ignoring one occurrence, and Undo', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    await deleteConfig();
    ({ doc } = await openReviewed(await writeWorkspaceFile('harbour.txt', TEXT)));
  });
  after(async () => {
    await deleteConfig();
    // Let the deletion take effect before the next suite opens its files.
    await waitFor(() => ours(doc.uri).some(d => ruleOf(d) === 'unattributed-claim') && kievLines(doc).length === 2, 'the config file gone');
    await closeAll();
  });

  const ignoreFirstKiev = async () => {
    const first = ours(doc.uri).find(d => ruleOf(d) === 'loaded-term' && doc.getText(d.range) === 'Kiev' && d.range.start.line === 2)!;
    assert.ok(first, 'Kiev on line 3');
    return run<IgnoreResult>(findAction(await codeActions(doc, first.range), 'Ignore this occurrence of «Kiev»'));
  };

  it('silences that occurrence only, writing its term and sentence fingerprint to the config file', async () => {
    assert.deepStrictEqual(kievLines(doc), [3, 7]);
    const result = await ignoreFirstKiev();
    assert.strictEqual(result.added, true);
    assert.strictEqual(result.list, 'ignoredOccurrences');
    const config = JSON.parse((await configText())!);
    assert.strictEqual(config.ignoredOccurrences.length, 1);
    assert.strictEqual(config.ignoredOccurrences[0].term, 'kiev');
    assert.match(config.ignoredOccurrences[0].sentence, /^[0-9a-f]{8}-[0-9a-z]+$/);
    assert.deepStrictEqual(kievLines(doc), [7], 'the other Kiev is still reported');
  });

  it('stays ignored after edits elsewhere, and comes back when its sentence changes', async () => {
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit(e => e.insert(new vscode.Position(0, 0), 'Late edition\n\n'));
    await settled(doc);
    assert.deepStrictEqual(kievLines(doc), [9], 'still only the second one (moved down two lines)');
    await editor.edit(e => e.insert(doc.positionAt(doc.getText().indexOf('on Monday')), 'early '));
    await settled(doc);
    assert.deepStrictEqual(kievLines(doc), [5, 9], 'a changed sentence is reviewed again');
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    await waitFor(() => doc.getText() === TEXT, 'the original text');
    await settled(doc);
    assert.deepStrictEqual(kievLines(doc), [7]);
  });

  it('Undo removes the entry (and the file it created) and the finding comes back', async () => {
    const undone = await vscode.commands.executeCommand<boolean>('editorialReview.undoIgnore');
    assert.strictEqual(undone, true);
    assert.strictEqual(await configText(), undefined, 'the file the ignore created is gone');
    await waitFor(() => kievLines(doc).length === 2, 'both Kievs reported again');
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('editorialReview.undoIgnore'), false, 'nothing left to undo');
  });

  it('edits an existing file in place: formatting and other keys kept, and Undo restores it exactly', async () => {
    const original = [
      '{',
      '    "$schema": "./schemas/editorial-review.schema.json",',
      '    "minWords": 9,',
      '    "ignoredCues": [',
      '        "allegedly"',
      '    ],',
      '    "rules": { "near-duplicate": "off" }',
      '}',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(configFile(), Buffer.from(original, 'utf8'));
    await waitFor(async () => (await configText()) === original, 'the file written');
    const claim = ours(doc.uri).find(d => ruleOf(d) === 'unattributed-claim' && doc.getText(d.range) === 'reportedly');
    assert.ok(claim, 'the reportedly claim');
    await run(findAction(await codeActions(doc, claim.range), 'Ignore the cue «reportedly» in this workspace'));
    const edited = (await configText())!;
    assert.ok(edited.includes('    "ignoredCues": [\n        "allegedly",\n        "reportedly"\n    ],'), edited);
    assert.strictEqual(edited.replace(',\n        "reportedly"', ''), original, 'nothing else changed');
    await waitFor(() => !ours(doc.uri).some(d => ruleOf(d) === 'unattributed-claim'), 'the claim silenced');
    await ignoreFirstKiev();
    assert.match((await configText())!, /\n {4}"ignoredOccurrences": \[\n {8}\{/);
    // Undo takes back the last ignore, then the previous one's notification could take back its own.
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('editorialReview.undoIgnore'), true);
    assert.ok(!(await configText())!.includes('ignoredOccurrences": [\n        {'), await configText());
    await waitFor(() => kievLines(doc).length === 2, 'both Kievs again');
  });
});
