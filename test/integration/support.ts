// Helpers shared by the extension's integration tests (run inside VS Code, see ./index.ts).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { EditorialReviewApi } from '../../src/extension/api';
import type { ApplyResult } from '../../src/extension/commands/commands';

export const EXTENSION_ID = 'editorial-review.editorial-review';
export const SOURCE = 'editorial-review';
/** The project root (this file is compiled to out/test/integration/). */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SEED_NAME = '000_3a395dbec85fd210';

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

/** Where the seed dump of the shared corpus (`../shared/corpus/` beside the project) may be. */
function seedCandidates(name: string): string[] {
  return [
    path.resolve(PROJECT_ROOT, '..', 'shared', 'corpus', name),
    path.resolve(PROJECT_ROOT, 'test', 'fixtures', 'corpus', name),
  ];
}

function seedFile(name: string): string | undefined {
  return seedCandidates(name).find(p => fs.existsSync(p));
}

/**
 * For a suite that works on the seed dump: without `../shared/corpus` its tests are skipped with a
 * printed reason (a clone of the project alone still passes `npm test`); in CI, where the corpus
 * is always beside the project, its absence fails instead. Call it first in the `describe`.
 */
export function needsSeed(): void {
  before(function () {
    if (seedFile(`${SEED_NAME}.txt`) && seedFile(`${SEED_NAME}.labels.json`)) return;
    const reason = `the seed dump is not beside the project (looked in ${seedCandidates(`${SEED_NAME}.txt`).join(', ')})`;
    if (process.env.CI) throw new Error(reason);
    console.log(`      skipped: ${reason}`);
    this.skip();
  });
}

/** The seed dump of the shared corpus. */
export function seedText(): string {
  const found = seedFile(`${SEED_NAME}.txt`);
  assert.ok(found, `the seed dump is missing; looked in ${seedCandidates(`${SEED_NAME}.txt`).join(', ')}`);
  return fs.readFileSync(found, 'utf8');
}

export interface SeedLabels {
  articles: { index: number; startLine: number; endLine: number; duplicateOf: number | null }[];
  repeatedPassages: { startLine: number; endLine: number; originalStartLine: number; originalEndLine: number }[];
  unattributedClaims: { line: number; column: number; endColumn: number; text: string; required: boolean }[];
  loadedTerms: { line: number; column: number; endColumn: number; text: string; required: boolean }[];
}

/** The seed's labels; empty lists when the corpus is absent (its suites are then skipped by `needsSeed`). */
export function seedLabels(): SeedLabels {
  const found = seedFile(`${SEED_NAME}.labels.json`);
  if (!found) return { articles: [], repeatedPassages: [], unattributedClaims: [], loadedTerms: [] };
  return JSON.parse(fs.readFileSync(found, 'utf8')) as SeedLabels;
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

/** A copy of the seed dump in the workspace, open and reviewed. */
export async function openSeed(): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor; text: string }> {
  const text = seedText();
  const uri = await writeWorkspaceFile('seed.txt', text);
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
  const found = actions.find(a => (typeof title === 'string' ? a.title === title : title.test(a.title)));
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
