// Settings and `.editorial-review.json` inside a real VS Code: ignoring a term or a cue writes the
// workspace file and the problems go at once; editing or deleting the file re-reviews; a broken
// file is reported without stopping reviews; settings changes take effect on open documents;
// documents above the size limit are reviewed only on demand.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
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
  setSetting,
  settled,
  waitFor,
  workspaceFolder,
  writeWorkspaceFile,
} from './support';

const configFile = () => vscode.Uri.joinPath(workspaceFolder(), '.editorial-review.json');

async function readConfig(): Promise<Record<string, unknown>> {
  return JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(configFile())).toString('utf8'));
}

async function deleteConfig(): Promise<void> {
  try {
    await vscode.workspace.fs.delete(configFile());
  } catch {
    // not there
  }
}

const has = (doc: vscode.TextDocument, rule: string, text: string) =>
  ours(doc.uri).some(d => ruleOf(d) === rule && doc.getText(d.range).toLowerCase() === text.toLowerCase());

describe('.editorial-review.json', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    await deleteConfig();
    ({ doc } = await openFixture());
  });
  after(async () => {
    await deleteConfig();
    await closeAll();
  });

  it('Ignore «term» in this workspace writes the file and the problems go at once', async () => {
    assert.ok(has(doc, 'loaded-term', 'Kiev'));
    const kiev = ours(doc.uri).find(d => ruleOf(d) === 'loaded-term' && doc.getText(d.range) === 'Kiev')!;
    const action = findAction(await codeActions(doc, kiev.range), 'Ignore «Kiev» in this workspace');
    const { file } = await run<{ file: vscode.Uri }>(action);
    assert.strictEqual(file.toString(), configFile().toString());
    assert.deepStrictEqual((await readConfig()).ignoredTerms, ['Kiev']);
    // No waiting: the command re-reviews before it returns.
    assert.ok(!has(doc, 'loaded-term', 'Kiev'), 'Kiev is no longer reported');
    assert.ok(ours(doc.uri).some(d => ruleOf(d) === 'loaded-term'), 'other terms still are');
  });

  it('Ignore the cue writes ignoredCues and keeps what was there', async () => {
    const cue = ours(doc.uri).find(d => ruleOf(d) === 'unattributed-claim' && doc.getText(d.range) === 'reportedly')!;
    assert.ok(cue, 'a "reportedly" claim');
    const action = findAction(await codeActions(doc, cue.range), 'Ignore the cue «reportedly» in this workspace');
    await run(action);
    const config = await readConfig();
    assert.deepStrictEqual(config.ignoredTerms, ['Kiev']);
    assert.deepStrictEqual(config.ignoredCues, ['reportedly']);
    assert.ok(!has(doc, 'unattributed-claim', 'reportedly'));
  });

  it('re-reviews when the file is edited outside the extension, and when it is deleted', async () => {
    await vscode.workspace.fs.writeFile(configFile(), Buffer.from(JSON.stringify({ ignoredTerms: ['Donbass'] }, null, 2), 'utf8'));
    await waitFor(() => has(doc, 'loaded-term', 'Kiev') && !has(doc, 'loaded-term', 'Donbass'), 'the watcher to apply the edited file');
    await deleteConfig();
    await waitFor(() => has(doc, 'loaded-term', 'Kiev') && has(doc, 'loaded-term', 'Donbass'), 'the watcher to notice the deletion');
  });

  it('keeps reviewing with a broken file (and reports the problem)', async () => {
    await vscode.workspace.fs.writeFile(configFile(), Buffer.from('{ "ignoredTerms": ["Kiev", }', 'utf8'));
    await vscode.commands.executeCommand('editorialReview.reviewFile');
    await settled(doc);
    assert.ok(has(doc, 'loaded-term', 'Kiev'), 'the broken file is not used');
    // Ignoring refuses to overwrite a broken file.
    const kiev = ours(doc.uri).find(d => ruleOf(d) === 'loaded-term' && doc.getText(d.range) === 'Kiev')!;
    const result = await run<vscode.Uri | undefined>(findAction(await codeActions(doc, kiev.range), 'Ignore «Kiev» in this workspace'));
    assert.strictEqual(result, undefined);
    assert.strictEqual(Buffer.from(await vscode.workspace.fs.readFile(configFile())).toString('utf8'), '{ "ignoredTerms": ["Kiev", }');
    await deleteConfig();
  });
});

describe('settings', () => {
  const labels = fixtureLabels();
  let doc: vscode.TextDocument;

  before(async () => {
    await deleteConfig();
    ({ doc } = await openFixture());
  });
  afterEach(async () => {
    for (const key of ['rules.loadedTerm.enabled', 'rules.repeatedPassage.severity', 'languages', 'maxFileSize', 'ignoredTerms', 'minWords']) {
      await setSetting(key, undefined);
    }
  });
  after(closeAll);

  it('turning a rule off takes effect on open documents', async () => {
    assert.ok(ours(doc.uri).some(d => ruleOf(d) === 'loaded-term'));
    await setSetting('rules.loadedTerm.enabled', false);
    await waitFor(() => !ours(doc.uri).some(d => ruleOf(d) === 'loaded-term'), 'loaded terms to disappear');
    assert.ok(ours(doc.uri).some(d => ruleOf(d) === 'repeated-passage'), 'other rules still run');
    await setSetting('rules.loadedTerm.enabled', undefined);
    await waitFor(() => ours(doc.uri).some(d => ruleOf(d) === 'loaded-term'), 'loaded terms to come back');
  });

  it('a severity setting changes the severity of the problems', async () => {
    await setSetting('rules.repeatedPassage.severity', 'error');
    await waitFor(
      () => ours(doc.uri).filter(d => ruleOf(d) === 'repeated-passage').every(d => d.severity === vscode.DiagnosticSeverity.Error),
      'repeats shown as errors',
    );
    assert.strictEqual(ours(doc.uri).filter(d => ruleOf(d) === 'repeated-passage').length, labels.repeatedPassages.length);
  });

  it('ignoredTerms in the settings silence a term', async () => {
    await setSetting('ignoredTerms', ['kiev']);
    await waitFor(() => !has(doc, 'loaded-term', 'Kiev'), 'Kiev silenced from the settings');
  });

  it('a document whose language is no longer reviewed loses its problems', async () => {
    await setSetting('languages', ['markdown']);
    await waitFor(() => ours(doc.uri).length === 0, 'plaintext problems to go');
    await setSetting('languages', undefined);
    await waitFor(() => ours(doc.uri).length > 0, 'plaintext problems to come back');
  });

  it('a document above maxFileSize is reviewed only on demand, and says so', async () => {
    const a = await api();
    await setSetting('maxFileSize', 1000);
    const uri = await writeWorkspaceFile('large.txt', doc.getText());
    const large = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(large);
    await waitFor(() => /on demand/.test(a.statusText()), 'the status bar to say "on demand"');
    assert.strictEqual(ours(uri).length, 0, 'not reviewed automatically');
    assert.match(a.articles().message ?? '', /maxFileSize/);
    const result = await vscode.commands.executeCommand<{ findings: number }>('editorialReview.reviewFile');
    assert.ok(result && result.findings > 0);
    assert.ok(ours(uri).length > 0, 'reviewed on demand');
    await openReviewed(doc.uri);
  });
});
