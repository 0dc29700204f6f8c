// Every command of the Command Palette runs inside a real VS Code; Export Report writes valid
// JSON, SARIF and Markdown; Review Workspace reports problems for files that are not open.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ApplyResult, WorkspaceReviewResult } from '../../src/extension/commands/commands';
import * as fc from 'fast-check';
import { EXTENSION_ID, api, closeAll, fixtureLabels, openFixture, openReviewed, ours, ruleOf, settled, undoTo, waitFor, withoutPassages, workspaceFolder, writeWorkspaceFile } from './support';
import { buildDump, dumpPlan } from '../unit/generators';
import { defaultOptions } from '../../src/core/options/defaults';
import { compileLexicons } from '../../src/core/language/lexicon';
import { review } from '../../src/core/review/review';
import { applyEdits as applyTextEdits, removeAllRepeatedPassages } from '../../src/core/review/fixes';

interface ContributedCommand {
  command: string;
  title: string;
  category?: string;
}

function contributes(): { commands: ContributedCommand[]; menus: Record<string, { command: string; when?: string }[]> } {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  return (ext.packageJSON as { contributes: ReturnType<typeof contributes> }).contributes;
}

/** Commands shown in the Command Palette (not hidden with `when: false`). */
function paletteCommands(): ContributedCommand[] {
  const hidden = new Set(
    (contributes().menus.commandPalette ?? []).filter(m => m.when === 'false').map(m => m.command),
  );
  return contributes().commands.filter(c => !hidden.has(c.command));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read arbitrary JSON loosely
async function readJson(uri: vscode.Uri): Promise<any> {
  return JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8'));
}

describe('palette commands', () => {
  const labels = fixtureLabels();
  let doc: vscode.TextDocument;
  let original: string;

  before(async () => {
    ({ doc, text: original } = await openFixture());
  });
  after(closeAll);

  it('contributes its commands with the "Editorial Review" category', () => {
    const commands = contributes().commands;
    assert.ok(commands.length >= 6);
    for (const c of commands) assert.strictEqual(c.category, 'Editorial Review', c.command);
    const ids = paletteCommands().map(c => c.command);
    for (const id of [
      'editorialReview.reviewFile',
      'editorialReview.reviewWorkspace',
      'editorialReview.removeAllRepeatedPassages',
      'editorialReview.exportReport',
      'editorialReview.showArticles',
      'editorialReview.clearProblems',
    ]) {
      assert.ok(ids.includes(id), `${id} is in the palette`);
    }
  });

  it('registers every command it contributes, all named in one place (commandIds.ts)', async () => {
    const { CMD } = await import('../../src/extension/common/commandIds');
    const ids = new Set<string>(Object.values(CMD));
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const c of contributes().commands) {
      assert.ok(ids.has(c.command), `${c.command} is in commandIds.ts`);
      assert.ok(registered.has(c.command), `${c.command} is registered`);
    }
    for (const id of ids) assert.ok(registered.has(id), `${id} is registered`);
  });

  it('Review Current File reviews the active file', async () => {
    await vscode.window.showTextDocument(doc);
    const result = await vscode.commands.executeCommand<{ findings: number; articles: number }>('editorialReview.reviewFile');
    assert.ok(result && result.articles === labels.articles.length, JSON.stringify(result));
    assert.strictEqual(result.findings, (await api()).getReview(doc.uri)!.review.findings.length);
    assert.ok(result.findings > labels.repeatedPassages.length, JSON.stringify(result));
    // The articles view's "Review Again" button runs the same review.
    const again = await vscode.commands.executeCommand<{ findings: number; articles: number }>('editorialReview.reviewAgain');
    assert.deepStrictEqual(again, result);
  });

  it('Review Workspace reviews every text file, with problems for files that are not open', async () => {
    // A file nobody has opened (desk/wire.txt may have been opened by the activation test).
    const fixture = vscode.Uri.joinPath(workspaceFolder(), 'desk', 'wire.txt');
    const wire = vscode.Uri.joinPath(workspaceFolder(), 'desk', `unopened-${process.pid}.txt`);
    await vscode.workspace.fs.copy(fixture, wire, { overwrite: true });
    assert.ok(!vscode.workspace.textDocuments.some(d => d.uri.toString() === wire.toString()), 'the file is not open');
    const a = await api();
    const result = await vscode.commands.executeCommand<WorkspaceReviewResult>('editorialReview.reviewWorkspace');
    assert.ok(result && result.files >= 2 && result.reviewed === result.files, JSON.stringify(result));
    assert.strictEqual(result.cancelled, false);
    const problems = ours(wire);
    assert.ok(problems.some(d => ruleOf(d) === 'repeated-passage'), 'the repeat in wire.txt');
    assert.ok(problems.some(d => ruleOf(d) === 'unattributed-claim'), 'the claim in wire.txt');
    const claim = problems.find(d => ruleOf(d) === 'unattributed-claim')!;
    const wireDoc = await vscode.workspace.openTextDocument(wire);
    assert.strictEqual(wireDoc.getText(claim.range), 'allegedly', 'positions of an unopened file are right');
    assert.ok(a.getReview(wire), 'the review of the unopened file is kept (for Export Report)');
  });

  it(`Remove All Repeated Passages removes the ${labels.repeatedPassages.length} repeats (articles, paragraphs, a sentence) in one undoable edit`, async () => {
    await vscode.window.showTextDocument(doc);
    await settled(doc);
    const result = await vscode.commands.executeCommand<ApplyResult>('editorialReview.removeAllRepeatedPassages');
    assert.strictEqual(result.applied, true);
    // Only the repeats: the near duplicate and the web debris stay.
    assert.strictEqual(doc.getText(), withoutPassages(original, labels.repeatedPassages));
    await undoTo(doc, original);
    await settled(doc);
  });

  it('Remove All Repeated Passages removes in rounds what one round leaves (one undoable edit, nothing found once lost)', async () => {
    // The first of a fixed sample of generated dumps where a fresh review still finds a repeat after
    // one round of Remove All (removing a copy changed how the rest reads).
    const options = defaultOptions();
    const lexicons = compileLexicons(options);
    const repeatsOf = (text: string) => review(text, options, lexicons).findings.filter(f => f.rule === 'repeated-passage');
    // (Line breaks made one kind first: the editor makes a file's mixed line breaks one kind.)
    const text = fc.sample(dumpPlan, { seed: 17, numRuns: 300 }).map(plan => buildDump(plan).replace(/\r\n?/g, '\n')).find(t => {
      const once = applyTextEdits(t, removeAllRepeatedPassages(review(t, options, lexicons)));
      return repeatsOf(once).length > 0;
    });
    assert.ok(text, 'a sample of 300 generated dumps holds one that one round of Remove All does not settle');
    const uri = await writeWorkspaceFile('rounds.txt', text);
    try {
      const { doc } = await openReviewed(uri);
      assert.strictEqual(doc.getText(), text);
      const result = await vscode.commands.executeCommand<ApplyResult>('editorialReview.removeAllRepeatedPassages');
      assert.strictEqual(result.applied, true);
      assert.strictEqual(result.asked, undefined, 'nothing that exists once is removed, so nothing is asked');
      await settled(doc);
      assert.deepStrictEqual(ours(uri).filter(d => ruleOf(d) === 'repeated-passage').map(d => d.message), [], 'no repeat left');
      assert.deepStrictEqual(repeatsOf(doc.getText()).map(f => f.message), []);
      await undoTo(doc, text);
    } finally {
      if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) {
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });

  for (const format of ['json', 'sarif', 'markdown'] as const) {
    it(`Export Report writes a valid ${format} report`, async () => {
      await vscode.window.showTextDocument(doc);
      await settled(doc);
      const target = vscode.Uri.joinPath(workspaceFolder(), `report-${process.pid}.${format === 'markdown' ? 'md' : format}`);
      const written = await vscode.commands.executeCommand<vscode.Uri>('editorialReview.exportReport', { format, target, scope: 'file' });
      assert.ok(written && written.toString() === target.toString());
      const findings = (await api()).getReview(doc.uri)!.review.findings.length;
      if (format === 'json') {
        const report = await readJson(target);
        assert.strictEqual(report.tool.name, 'editorial-review');
        assert.strictEqual(report.files.length, 1);
        assert.strictEqual(path.basename(report.files[0].path), path.basename(doc.uri.fsPath));
        assert.strictEqual(report.files[0].articles.length, labels.articles.length);
        assert.deepStrictEqual(report.files[0].articles.map((x: { meta: object }) => x.meta), labels.articles.map(x => x.meta), 'each article\'s metadata');
        assert.strictEqual(report.files[0].findings.length, findings);
        const repeat = report.files[0].findings.find((f: { rule: string }) => f.rule === 'repeated-passage');
        assert.strictEqual(repeat.range.start.line, labels.repeatedPassages[0].startLine);
        assert.strictEqual(repeat.range.start.column, 1);
      } else if (format === 'sarif') {
        const log = await readJson(target);
        assert.strictEqual(log.version, '2.1.0');
        assert.ok(Array.isArray(log.runs) && log.runs.length === 1);
        const run = log.runs[0];
        assert.strictEqual(run.tool.driver.name, 'editorial-review');
        assert.ok(run.tool.driver.rules.some((r: { id: string }) => r.id === 'repeated-passage'));
        assert.strictEqual(run.results.length, findings);
        for (const r of run.results) {
          assert.ok(['error', 'warning', 'note', 'none'].includes(r.level), r.level);
          const region = r.locations[0].physicalLocation.region;
          assert.ok(region.startLine >= 1 && region.startColumn >= 1);
        }
        const repeat = run.results.find((r: { ruleId: string }) => r.ruleId === 'repeated-passage');
        assert.ok(repeat.relatedLocations && repeat.relatedLocations.length >= 1, 'repeats carry related locations');
      } else {
        const text = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
        assert.match(text, /^#/);
        assert.ok(text.includes(path.basename(doc.uri.fsPath)));
      }
      await vscode.workspace.fs.delete(target);
    });
  }

  it('Export Report can write every reviewed file', async () => {
    const target = vscode.Uri.joinPath(workspaceFolder(), `report-all-${process.pid}.json`);
    await vscode.commands.executeCommand('editorialReview.exportReport', { format: 'json', target: target.fsPath, scope: 'all' });
    const report = await readJson(target);
    assert.ok(report.files.length >= 2, `${report.files.length} files`);
    await vscode.workspace.fs.delete(target);
  });

  it('Show Articles opens the Articles view', async () => {
    await vscode.commands.executeCommand('editorialReview.showArticles');
    await vscode.window.showTextDocument(doc);
  });

  it('Clear Problems clears them until the next review', async () => {
    assert.ok(ours(doc.uri).length > 0);
    await vscode.commands.executeCommand('editorialReview.clearProblems');
    assert.strictEqual(ours(doc.uri).length, 0);
    await vscode.commands.executeCommand('editorialReview.reviewFile');
    assert.ok(ours(doc.uri).length > 0);
  });

  it('Open Workspace Configuration creates and opens .editorial-review.json', async () => {
    const file = vscode.Uri.joinPath(workspaceFolder(), '.editorial-review.json');
    const opened = await vscode.commands.executeCommand<vscode.Uri>('editorialReview.openConfigFile');
    try {
      assert.strictEqual(opened?.toString(), file.toString());
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), file.toString());
      const data = await readJson(file);
      assert.deepStrictEqual(data.ignoredTerms, []);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(file);
      await waitFor(async () => {
        try {
          await vscode.workspace.fs.stat(file);
          return false;
        } catch {
          return true;
        }
      }, 'the config file to be gone');
    }
  });

  it('runs every palette command without an error', async () => {
    await vscode.window.showTextDocument(doc);
    await settled(doc);
    // Arguments that stand in for the pickers and dialogs.
    const args: Record<string, unknown[]> = {
      'editorialReview.exportReport': [{ format: 'json', target: vscode.Uri.joinPath(workspaceFolder(), `palette-${process.pid}.json`), scope: 'file' }],
    };
    const ran: string[] = [];
    for (const c of paletteCommands()) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand(c.command, ...(args[c.command] ?? []));
      ran.push(c.command);
      if (doc.getText() !== original) await undoTo(doc, original);
      if (c.command === 'editorialReview.openConfigFile') {
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder(), '.editorial-review.json'));
      }
    }
    console.log(`      ran: ${ran.join(', ')}`);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder(), `palette-${process.pid}.json`));
    await settled(doc);
  });
});
