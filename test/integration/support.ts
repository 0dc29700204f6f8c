// Helpers shared by the extension's integration tests (run inside VS Code, see ./index.ts).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { EditorialReviewApi } from '../../src/extension/api';
import type { ApplyResult } from '../../src/extension/commands/commands';
import type { MapRendered } from '../../src/extension/views/mapView';
import { RULE_IDS } from '../../src/core/model/types';

export const EXTENSION_ID = 'editorial-review.editorial-review';
export const SOURCE = 'editorial-review';
/** The project root (this file is compiled to out/test/integration/). */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
/** Every rule's id, as its diagnostics' code (and the Articles view's filter) gives it. */
export const ALL_RULES: readonly string[] = RULE_IDS;

export async function api(): Promise<EditorialReviewApi> {
  const ext = vscode.extensions.getExtension<EditorialReviewApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  const extApi = await ext.activate();
  assert.ok(extApi && typeof extApi.getReview === 'function', 'activate() did not return the test API');
  return extApi;
}

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri;
}

/**
 * The dumps written for these tests (`test/fixtures/dumps/<name>.txt`, fictional news; see the README
 * there) and their labels (`<name>.labels.json`, in the shape of the development corpus's labels,
 * with more: made by hand from the text and checked against the engine). A clone of the project
 * runs the whole suite on them.
 */
export const FIXTURE_DUMPS = path.join(PROJECT_ROOT, 'test', 'fixtures', 'dumps');

/** A fixture dump's text. */
export function fixtureText(name = 'desk'): string {
  return fs.readFileSync(path.join(FIXTURE_DUMPS, `${name}.txt`), 'utf8');
}

/** A labelled span of one line (a claim, a loaded term). */
export interface SpanLabel {
  line: number;
  column: number;
  endColumn: number;
  text: string;
  /** false: a detector may flag it or leave it alone (inside a whole-article copy). */
  required: boolean;
}

/** A repeated passage: whole lines, or (a sentence) the columns of one line. */
export interface PassageLabel {
  startLine: number;
  endLine: number;
  originalStartLine: number;
  originalEndLine: number;
  scope: 'article' | 'paragraphs' | 'sentence';
  column?: number;
  endColumn?: number;
  originalColumn?: number;
  originalEndColumn?: number;
  text?: string;
}

export interface DumpLabels {
  lineCount: number;
  /** endLine includes the blank line after the article (the engine's article range). */
  articles: { index: number; startLine: number; endLine: number; title: string; duplicateOf: number | null; meta: Record<string, string> }[];
  repeatedPassages: PassageLabel[];
  nearDuplicates: { startLine: number; endLine: number; originalStartLine: number; originalEndLine: number }[];
  unattributedClaims: SpanLabel[];
  loadedTerms: SpanLabel[];
  webDebris: { line: number; text: string; kind: string }[];
}

/** A fixture dump's labels. */
export function fixtureLabels(name = 'desk'): DumpLabels {
  return JSON.parse(fs.readFileSync(path.join(FIXTURE_DUMPS, `${name}.labels.json`), 'utf8')) as DumpLabels;
}

/**
 * The text without some repeated passages, as removing them must leave it: whole lines go (and the
 * blank line after a passage that stands between blank lines, so no gap is doubled); a sentence goes
 * with the space that separates it from the next one.
 */
export function withoutPassages(text: string, passages: readonly PassageLabel[]): string {
  const lines = text.split(/(?<=\n)/);
  const drop = new Set<number>();
  const cuts = new Map<number, [number, number][]>();
  const blank = (i: number) => i < 0 || i >= lines.length || lines[i].trim() === '';
  for (const p of passages) {
    if (p.column !== undefined && p.endColumn !== undefined) {
      assert.strictEqual(p.startLine, p.endLine, 'a sentence passage lies on one line');
      let from = p.column - 1;
      let to = p.endColumn - 1;
      const line = lines[p.startLine - 1];
      if (line[to] === ' ') to++;
      else if (line[from - 1] === ' ') from--;
      cuts.set(p.startLine - 1, [...(cuts.get(p.startLine - 1) ?? []), [from, to]]);
      continue;
    }
    for (let l = p.startLine; l <= p.endLine; l++) drop.add(l - 1);
    if (blank(p.startLine - 2) && blank(p.endLine) && p.endLine < lines.length) drop.add(p.endLine);
  }
  return lines
    .map((line, i) => {
      if (drop.has(i)) return '';
      const spans = (cuts.get(i) ?? []).sort((a, b) => b[0] - a[0]);
      return spans.reduce((l, [from, to]) => l.slice(0, from) + l.slice(to), line);
    })
    .join('');
}

/** The range of a labelled span (a claim or a term) in a document. */
export function spanRange(l: SpanLabel): vscode.Range {
  return new vscode.Range(l.line - 1, l.column - 1, l.line - 1, l.endColumn - 1);
}

/** The sample dump written for this project (`samples/wire-roundup.txt`), open and reviewed. */
export async function openSample(): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor; text: string }> {
  const text = fs.readFileSync(path.join(PROJECT_ROOT, 'samples', 'wire-roundup.txt'), 'utf8');
  const uri = await writeWorkspaceFile('wire-roundup.txt', text);
  const opened = await openReviewed(uri);
  return { ...opened, text };
}

let counter = 0;

/** Writes a file into the workspace (a fresh name each time) and returns its URI. */
export async function writeWorkspaceFile(name: string, text: string): Promise<vscode.Uri> {
  const ext = path.extname(name);
  const unique = `${path.basename(name, ext)}-${process.pid}-${++counter}${ext}`;
  const uri = vscode.Uri.joinPath(workspaceFolder(), unique);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  return uri;
}

/** Opens a file in an editor and waits until its current version has been reviewed. */
export async function openReviewed(uri: vscode.Uri): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  await (await api()).whenReviewed(doc);
  return { doc, editor };
}

/** A copy of a fixture dump in the workspace, open and reviewed. */
export async function openFixture(name = 'desk'): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor; text: string }> {
  const text = fixtureText(name);
  const uri = await writeWorkspaceFile(`${name}.txt`, text);
  const opened = await openReviewed(uri);
  return { ...opened, text };
}

/** Our diagnostics of a file. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter(d => d.source === SOURCE);
}

export function ruleOf(d: vscode.Diagnostic): string {
  const code = d.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await sleep(25);
  }
}

/**
 * The Map as drawn once `done` holds for it: `first` (a drawing awaited after the Map was asked
 * for), or the latest drawn since. The latest is read, not the next drawing waited for: a drawing
 * made between one wait and the next would be missed, and the wait would time out.
 */
export async function drawnUntil(first: MapRendered, done: (drawn: MapRendered) => boolean, what: string): Promise<MapRendered> {
  if (done(first)) return first;
  const a = await api();
  await waitFor(() => a.map().rendered !== undefined && done(a.map().rendered!), what, 20000);
  return a.map().rendered!;
}

export function sleep(ms: number): Promise<void> {
  return new Promise(r => setTimeout(r, ms));
}

/** Waits until the document's current version is reviewed and its diagnostics reflect it. */
export async function settled(doc: vscode.TextDocument): Promise<void> {
  const a = await api();
  await a.whenReviewed(doc);
}

export async function codeActions(doc: vscode.TextDocument, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  // VS Code cancels a code-action request when the editor changes under it (a tab opening, a
  // language extension activating); such a request is asked again rather than failing the test.
  for (let attempt = 0; ; attempt++) {
    try {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range, kind);
      return (actions ?? []).filter(a => a.command?.command.startsWith('editorialReview.') || false);
    } catch (error) {
      if (attempt >= 5 || !/cancel/i.test(String((error as Error)?.message ?? error))) throw error;
      await sleep(100);
    }
  }
}

export async function run<T = ApplyResult>(action: vscode.CodeAction): Promise<T> {
  assert.ok(action.command, `code action "${action.title}" has no command`);
  return vscode.commands.executeCommand<T>(action.command.command, ...(action.command.arguments ?? []));
}

export function findAction(actions: vscode.CodeAction[], title: string | RegExp): vscode.CodeAction {
  // A removal's title ends with the lines it takes ("Remove repeated passage (lines 25–30)").
  const matches = (a: vscode.CodeAction) =>
    typeof title === 'string' ? a.title === title || (a.title.startsWith(`${title} (`) && /\(lines? [\d–]+\)$/.test(a.title)) : title.test(a.title);
  const found = actions.find(matches);
  assert.ok(found, `no code action ${String(title)} among: ${actions.map(a => a.title).join(' | ')}`);
  return found;
}

/** Offsets (0-based lines) → the text without lines [from, to] (1-based, inclusive). */
export function withoutLines(text: string, ...ranges: [number, number][]): string {
  const lines = text.split(/(?<=\n)/);
  const drop = new Set<number>();
  for (const [from, to] of ranges) for (let l = from; l <= to; l++) drop.add(l - 1);
  return lines.filter((_, i) => !drop.has(i)).join('');
}

/** Undoes the last edit of the active editor and waits for the text to be `expected`. */
export async function undoTo(doc: vscode.TextDocument, expected: string): Promise<void> {
  const editor = await vscode.window.showTextDocument(doc);
  assert.strictEqual(vscode.window.activeTextEditor, editor);
  await vscode.commands.executeCommand('undo');
  await waitFor(() => doc.getText() === expected, 'undo to restore the text', 5000);
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor').then(undefined, () => undefined);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('editorialReview').update(key, value, vscode.ConfigurationTarget.Workspace);
}

export function lineOf(doc: vscode.TextDocument, offset: number): number {
  return doc.positionAt(offset).line + 1;
}
