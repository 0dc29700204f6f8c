// Diagnostics on the fixture dump, inside a real VS Code: the repeated articles, paragraphs and
// sentence with related information, the near duplicate, loaded terms and claims at their labelled
// spans (and nowhere else), web debris, quoted terms one level lower, live re-review on edits (stale
// results dropped), and problems cleared when a document closes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  ALL_RULES,
  api,
  closeAll,
  fixtureLabels,
  openFixture,
  openReviewed,
  ours,
  ruleOf,
  setSetting,
  waitFor,
  writeWorkspaceFile,
} from './support';

function lastLine(range: vscode.Range): number {
  // Whole-line ranges end at the start of the next line.
  return range.end.character === 0 && range.end.line > range.start.line ? range.end.line : range.end.line + 1;
}

describe('diagnostics on the fixture dump', () => {
  const labels = fixtureLabels();
  let doc: vscode.TextDocument;

  before(async () => {
    ({ doc } = await openFixture());
  });
  after(closeAll);

  it('reports the repeated articles, paragraphs and sentence, each with related information pointing at its original', () => {
    const repeats = ours(doc.uri)
      .filter(d => ruleOf(d) === 'repeated-passage')
      .sort((a, b) => a.range.start.line - b.range.start.line);
    assert.strictEqual(repeats.length, labels.repeatedPassages.length, repeats.map(d => d.message).join('\n'));
    assert.deepStrictEqual([...new Set(labels.repeatedPassages.map(l => l.scope))].sort(), ['article', 'paragraphs', 'sentence'], 'the fixture repeats every kind of passage');
    labels.repeatedPassages.forEach((label, i) => {
      const d = repeats[i];
      assert.strictEqual(d.range.start.line + 1, label.startLine, `repeat ${i + 1} starts at line ${label.startLine}`);
      assert.strictEqual(lastLine(d.range), label.endLine, `repeat ${i + 1} ends at line ${label.endLine}`);
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
      assert.ok(d.relatedInformation && d.relatedInformation.length >= 1, 'has related information');
      const related = d.relatedInformation[0];
      assert.strictEqual(related.location.uri.toString(), doc.uri.toString());
      assert.strictEqual(related.location.range.start.line + 1, label.originalStartLine, 'related points at the original');
      assert.strictEqual(lastLine(related.location.range), label.originalEndLine);
      if (label.column !== undefined) {
        // A sentence: its own characters, here and in the original.
        assert.strictEqual(doc.getText(d.range), label.text);
        assert.strictEqual(d.range.start.character + 1, label.column);
        assert.strictEqual(related.location.range.start.character + 1, label.originalColumn);
        assert.strictEqual(doc.getText(related.location.range), label.text);
      } else {
        assert.strictEqual(d.range.start.character, 0, 'whole lines');
      }
    });
  });

  it('reports the near duplicate (a paragraph with a few words changed), pointing at its original', () => {
    const near = ours(doc.uri).filter(d => ruleOf(d) === 'near-duplicate');
    assert.strictEqual(near.length, labels.nearDuplicates.length, near.map(d => d.message).join('\n'));
    labels.nearDuplicates.forEach((label, i) => {
      const d = near[i];
      assert.strictEqual(d.range.start.line + 1, label.startLine);
      assert.strictEqual(lastLine(d.range), label.endLine);
      assert.match(d.message, /\d+% similar/);
      const related = d.relatedInformation?.[0];
      assert.ok(related, 'has related information');
      assert.strictEqual(related.location.range.start.line + 1, label.originalStartLine);
    });
  });

  it('reports each line of web debris, and nothing else as debris', () => {
    const debris = ours(doc.uri)
      .filter(d => ruleOf(d) === 'boilerplate')
      .sort((a, b) => a.range.start.line - b.range.start.line);
    assert.deepStrictEqual(
      debris.map(d => [d.range.start.line + 1, doc.getText(d.range)]),
      labels.webDebris.map(l => [l.line, l.text]),
    );
    for (const d of debris) assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Information);
  });

  it('marks every diagnostic with source "editorial-review" and a code linking to the rule docs', () => {
    const all = vscode.languages.getDiagnostics(doc.uri).filter(d => d.source === 'editorial-review');
    // The fixture has findings of every rule: each rule's documentation link is checked.
    for (const rule of ALL_RULES) assert.ok(all.some(d => ruleOf(d) === rule), `a ${rule} diagnostic`);
    for (const d of all) {
      assert.ok(typeof d.code === 'object' && d.code !== null, 'code is {value, target}');
      const code = d.code as { value: string | number; target: vscode.Uri };
      assert.ok(ALL_RULES.includes(String(code.value)), String(code.value));
      // The rule's section of the README shipped in the extension, opened at its heading.
      assert.ok(code.target instanceof vscode.Uri && /\/readme\.md$/i.test(code.target.path), code.target.toString());
      const line = Number(/^L(\d+)$/.exec(code.target.fragment)?.[1]);
      const readme = fs.readFileSync(code.target.fsPath, 'utf8').split(/\r?\n/);
      assert.match(readme[line - 1] ?? '', new RegExp(`^#+ \`?${String(code.value)}\`?$`), `README line ${line}`);
    }
  });

  it('reports loaded terms and unattributed claims on the labelled spans and nowhere else, in UTF-16 columns', async () => {
    const all = ours(doc.uri);
    const spans = (rule: string) =>
      all
        .filter(d => ruleOf(d) === rule)
        .map(d => {
          assert.strictEqual(d.range.start.line, d.range.end.line, `${rule} on one line: ${d.message}`);
          return `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1} ${doc.getText(d.range)}`;
        })
        .sort();
    const labelled = (list: { line: number; column: number; endColumn: number; text: string; required: boolean }[], required: boolean) =>
      list.filter(l => l.required || !required).map(l => `${l.line}:${l.column}-${l.endColumn} ${l.text}`).sort();
    for (const [rule, list] of [['loaded-term', labels.loadedTerms], ['unattributed-claim', labels.unattributedClaims]] as const) {
      const shown = spans(rule);
      // Every required label is shown on its characters; anything else shown is a label that may be
      // flagged or not (a term inside a copy of an article, reported on its original).
      for (const l of labelled(list, true)) assert.ok(shown.includes(l), `${rule} ${l} is shown; shown: ${shown.join(' | ')}`);
      const allowed = labelled(list, false);
      for (const d of shown) assert.ok(allowed.includes(d), `${rule} ${d} is labelled`);
    }
    // UTF-16 columns: a labelled term after an astral character (an emoji) on its line.
    const astral = labels.loadedTerms.find(l => l.required && /[\uD800-\uDBFF]/.test(doc.lineAt(l.line - 1).text.slice(0, l.column - 1)));
    assert.ok(astral, 'the fixture has a term after an emoji');
    assert.ok(spans('loaded-term').includes(`${astral.line}:${astral.column}-${astral.endColumn} ${astral.text}`));
    // Every diagnostic covers exactly the text of its finding.
    const review = (await api()).getReview(doc.uri);
    assert.ok(review);
    assert.strictEqual(all.length, review.review.findings.length, 'one diagnostic per finding');
    for (const f of review.review.findings) {
      if (f.rule === 'repeated-passage') continue;
      const d = all.find(x => ruleOf(x) === f.rule && doc.offsetAt(x.range.start) === f.range.start);
      assert.ok(d, `diagnostic for ${f.rule} at ${f.range.start}`);
      assert.strictEqual(doc.getText(d.range), review.text.slice(f.range.start, f.range.end));
    }
  });

  it('shows a loaded term inside a quotation at a lower severity', async () => {
    const uri = await writeWorkspaceFile(
      'quoted.txt',
      'The minister said: "Our troops liberated the town of Ashford yesterday." ' +
        'Troops liberated the village of Brent on Saturday.\n',
    );
    const { doc: quotedDoc } = await openReviewed(uri);
    const terms = ours(quotedDoc.uri)
      .filter(d => ruleOf(d) === 'loaded-term')
      .sort((a, b) => a.range.start.character - b.range.start.character);
    assert.strictEqual(terms.length, 2, terms.map(d => d.message).join('\n'));
    assert.ok(terms[0].severity > terms[1].severity, `quoted ${terms[0].severity} is lower than plain ${terms[1].severity}`);
    assert.match(terms[0].message, /quot/i);
  });

  it('re-reviews as the text changes and drops results made stale by newer edits', async () => {
    const a = await api();
    const editor = await vscode.window.showTextDocument(doc);
    // A long debounce makes the five edits "quick" however loaded the test machine is: the
    // assertion is about dropping stale versions, not about this machine's speed. (Changing a
    // setting re-reviews open documents: wait for that before counting.)
    await setSetting('debounce', 3000);
    await new Promise(resolve => setTimeout(resolve, 300));
    await a.whenReviewed(doc);
    const mark = a.timings()[a.timings().length - 1];
    // Five quick edits, faster than the debounce: only the last version may be shown.
    for (let i = 0; i < 5; i++) {
      await editor.edit(e => e.insert(new vscode.Position(0, 0), `Officials said nothing ${i}. `));
    }
    const final = await a.whenReviewed(doc);
    const since = a.timings().slice(a.timings().indexOf(mark) + 1);
    const reviews = since.filter(t => doc.uri.path.endsWith(t.file)).length;
    await setSetting('debounce', undefined);
    assert.strictEqual(final.version, doc.version);
    assert.strictEqual(final.text, doc.getText());
    assert.ok(reviews <= 2, `debounced: ${reviews} reviews for 5 quick edits`);
    // The diagnostics match the new text: the first repeat moved with the inserted text.
    const first = ours(doc.uri).find(d => ruleOf(d) === 'repeated-passage');
    assert.ok(first);
    assert.strictEqual(first.range.start.line + 1, labels.repeatedPassages[0].startLine);
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
  });

  it('clears the problems of a document when it is closed', async () => {
    const uri = await writeWorkspaceFile('closing.txt', 'The plan was reportedly approved by the council on Monday.\n');
    const { doc: closing } = await openReviewed(uri);
    assert.ok(ours(closing.uri).length > 0, 'has problems while open');
    // Changing the language mode closes the document and opens it again (VS Code fires both events):
    // as a language that is not reviewed, it must lose its problems.
    const json = await vscode.languages.setTextDocumentLanguage(closing, 'json');
    await waitFor(() => ours(json.uri).length === 0, 'problems cleared when the document closed');
    // Closing the editor: VS Code may keep the model alive for a while; when it does go, so do the problems.
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('logs the review times seen in VS Code', async () => {
    const a = await api();
    for (const t of a.timings()) {
      console.log(`      review ${t.file}: ${t.characters} chars, engine ${t.engineMs} ms, end to end ${t.totalMs} ms`);
    }
    console.log(`      (reviews ran in ${a.usesWorker() ? 'the worker thread' : 'the extension host'})`);
    assert.ok(a.usesWorker(), 'reviews run in the worker thread');
  });
});
