// Next / Previous Finding and Next / Previous Repeated Article in a real VS Code: they walk this
// extension's findings in document order from the cursor, wrap at the ends and say so; their
// keybindings do not take any of VS Code's own; the Articles view's title buttons have `when`
// clauses.
import * as assert from 'assert';
import { parse } from 'jsonc-parser';
import * as vscode from 'vscode';
import type { NavigationResult } from '../../src/extension/commands/navigation';
import { EXTENSION_ID, api, closeAll, fixtureLabels, openFixture } from './support';

interface PackageJson {
  contributes: {
    keybindings: { command: string; key: string; mac?: string; when?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
  };
}

function packageJson(): PackageJson {
  return vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as PackageJson;
}

async function go(command: string, arg?: unknown): Promise<NavigationResult> {
  const result = await vscode.commands.executeCommand<NavigationResult>(command, ...(arg ? [arg] : []));
  assert.ok(result, `${command} returned nothing`);
  return result;
}

describe('walking the findings', () => {
  const labels = fixtureLabels();
  let doc: vscode.TextDocument;
  let editor: vscode.TextEditor;

  before(async () => {
    ({ doc, editor } = await openFixture());
  });
  after(closeAll);

  const moveTo = async (offset: number) => {
    editor = await vscode.window.showTextDocument(doc);
    const p = doc.positionAt(offset);
    editor.selection = new vscode.Selection(p, p);
  };

  it('Next Finding goes to each finding in document order, the cursor at its start', async () => {
    const state = (await api()).getReview(doc.uri)!;
    const starts = state.review.findings.map(f => f.range.start).sort((a, b) => a - b);
    await moveTo(0);
    const seen: number[] = [];
    for (let i = 0; i < Math.min(6, starts.length); i++) {
      const r = await go('editorialReview.nextFinding');
      seen.push(r.range.start);
      assert.strictEqual(r.total, starts.length);
      assert.strictEqual(r.wrapped, false);
      const sel = vscode.window.activeTextEditor!.selection;
      assert.ok(sel.isEmpty, 'nothing is selected');
      assert.strictEqual(doc.offsetAt(sel.active), r.range.start);
    }
    assert.deepStrictEqual(seen, starts.slice(0, seen.length));
  });

  it('Next Finding wraps from the last finding to the first and says so', async () => {
    const state = (await api()).getReview(doc.uri)!;
    const starts = state.review.findings.map(f => f.range.start).sort((a, b) => a - b);
    await moveTo(starts[starts.length - 1] + 1);
    const r = await go('editorialReview.nextFinding');
    assert.strictEqual(r.wrapped, true);
    assert.strictEqual(r.position, 1);
    assert.strictEqual(r.range.start, starts[0]);
    assert.match(r.message, /wrapped to the start of the file/);
  });

  it('Previous Finding walks backwards and wraps from the first to the last', async () => {
    const state = (await api()).getReview(doc.uri)!;
    const starts = state.review.findings.map(f => f.range.start).sort((a, b) => a - b);
    await moveTo(starts[2]);
    const back = await go('editorialReview.previousFinding');
    assert.strictEqual(back.range.start, starts[1]);
    await go('editorialReview.previousFinding');
    const wrapped = await go('editorialReview.previousFinding');
    assert.strictEqual(wrapped.wrapped, true);
    assert.strictEqual(wrapped.position, starts.length);
    assert.match(wrapped.message, /wrapped to the end of the file/);
  });

  it(`Next / Previous Repeated Article visit the repeats (articles ${labels.articles.filter(a => a.duplicateOf !== null).map(a => a.index).join(', ')}) and wrap`, async () => {
    const repeats = labels.articles.filter(a => a.duplicateOf !== null);
    assert.ok(repeats.length >= 2);
    await moveTo(0);
    const lines: number[] = [];
    for (let i = 0; i < repeats.length; i++) {
      const r = await go('editorialReview.nextRepeatedArticle');
      assert.strictEqual(r.total, repeats.length);
      lines.push(vscode.window.activeTextEditor!.selection.active.line + 1);
    }
    assert.deepStrictEqual(lines, repeats.map(a => a.startLine));
    const wrapped = await go('editorialReview.nextRepeatedArticle');
    assert.strictEqual(wrapped.wrapped, true);
    assert.strictEqual(vscode.window.activeTextEditor!.selection.active.line + 1, repeats[0].startLine);
    const back = await go('editorialReview.previousRepeatedArticle');
    assert.strictEqual(back.wrapped, true);
    assert.strictEqual(vscode.window.activeTextEditor!.selection.active.line + 1, repeats[repeats.length - 1].startLine);
  });

  it('walks one rule only when given one (the overview rows do this)', async () => {
    const state = (await api()).getReview(doc.uri)!;
    const terms = state.review.findings.filter(f => f.rule === 'loaded-term').map(f => f.range.start).sort((a, b) => a - b);
    await moveTo(0);
    const first = await go('editorialReview.nextFinding', { uri: doc.uri, rule: 'loaded-term' });
    const second = await go('editorialReview.nextFinding', { uri: doc.uri, rule: 'loaded-term' });
    assert.deepStrictEqual([first.range.start, second.range.start], terms.slice(0, 2));
    assert.strictEqual(first.total, terms.length);
  });

  it('has keybindings that none of VS Code\'s default keybindings use', async () => {
    const ours: { command: string; key: string; mac?: string; when?: string }[] = packageJson().contributes.keybindings;
    const commands = ours.map(k => k.command).sort();
    assert.deepStrictEqual(commands, [
      'editorialReview.nextFinding',
      'editorialReview.nextRepeatedArticle',
      'editorialReview.previousFinding',
      'editorialReview.previousRepeatedArticle',
    ]);
    const defaults = await vscode.workspace.openTextDocument(vscode.Uri.parse('vscode://defaultsettings/keybindings.json'));
    // The file also lists the keybindings of extensions (ours among them): leave ours out.
    const entries = (parse(defaults.getText()) as { key: string; command: string }[]).filter(e => !e.command.startsWith('editorialReview.'));
    const taken = new Set(entries.map(e => e.key.toLowerCase()));
    assert.ok(taken.size > 300, `read ${taken.size} default keybindings`);
    const normal = (k: string) => k.toLowerCase().split('+').sort().join('+');
    const takenNormal = new Set([...taken].map(normal));

    for (const k of ours) {
      assert.ok(!takenNormal.has(normal(k.key)), `${k.key} (${k.command}) is one of VS Code's keybindings`);
      assert.match(k.when ?? '', /editorialReview\.reviewable/);
    }
  });

  it('gives every title button of the Articles view a `when` clause (hidden without a reviewed file)', () => {
    const titles: { command: string; when?: string }[] = packageJson().contributes.menus['view/title'];
    const fileBound = [
      'editorialReview.reviewAgain',
      'editorialReview.removeAllRepeatedPassages',
      'editorialReview.filterArticles',
      'editorialReview.nextFinding',
      'editorialReview.previousFinding',
      'editorialReview.exportReport',
      'editorialReview.clearProblems',
    ];
    // The welcome view (open a file…) only while no file is shown.
    const welcome = (packageJson().contributes as unknown as { viewsWelcome: { view: string; when?: string }[] }).viewsWelcome;
    assert.ok(welcome.every(w => w.view !== 'editorialReview.articles' || w.when === '!editorialReview.viewShowsFile'));
    for (const t of titles) {
      assert.match(t.when ?? '', /view == editorialReview\.(articles|map|stories)/, t.command);
      if (fileBound.includes(t.command)) assert.match(t.when ?? '', /editorialReview\.viewShowsFile/, t.command);
    }
  });
});
