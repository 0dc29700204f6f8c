// Quick fixes on findings and `source.fixAll.editorialReview`. Each quick fix is read from the
// finding its diagnostic shows (the publisher's map from diagnostic to finding), never found again
// from ranges and messages. Every text fix is a command carrying the document version it was
// computed for; the command refuses to apply it to changed text.
import * as vscode from 'vscode';
import { fixAllEdits, removeAllRepeatedPassages, removeAllWebDebris } from '../../core/review/fixes';
import { occurrenceOf } from '../../core/language/occurrences';
import { Finding, TextEdit } from '../../core/model/types';
import { CMD } from '../common/commandIds';
import type { IgnoreArgs, IgnoreOccurrenceArgs, OccurrenceEntry } from '../commands/configCommands';
import { DiagnosticsPublisher, ruleOfDiagnostic } from '../common/diagnostics';
import type { ApplyEditsArgs } from '../commands/editCommands';
import { matchedWords, originalOf } from '../common/findingText';
import type { OriginalArgs } from '../commands/originals';
import type { Reviewer } from '../review/reviewer';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('editorialReview');

/** What "Ignore this occurrence" keeps of a loaded term or a claim: its words and its sentence's fingerprint. */
export function occurrenceOfFinding(finding: Finding, text: string): OccurrenceEntry | undefined {
  if (finding.rule !== 'loaded-term' && finding.rule !== 'unattributed-claim') return undefined;
  const { matched, sentence } = finding.data;
  return occurrenceOf(matched, text.slice(sentence.start, sentence.end));
}

export class EditorialCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly reviewer: Reviewer,
    private readonly diagnostics: DiagnosticsPublisher,
  ) {}

  provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const state = this.reviewer.current(document);
    if (!state) return [];
    const actions: vscode.CodeAction[] = [];
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.intersects(kind);
    const uri = document.uri.toString();
    const version = document.version;
    const applyCommand = (title: string, edits: TextEdit[]): vscode.Command => ({
      command: CMD.applyEdits,
      title,
      arguments: [{ uri, version, title, edits } satisfies ApplyEditsArgs],
    });

    const allRepeats = () => removeAllRepeatedPassages(state.review);

    if (context.only && wants(FIX_ALL_KIND) && !context.only.contains(vscode.CodeActionKind.QuickFix)) {
      // With editorialReview.fixAllRemovesWebDebris, the lines of web debris go too.
      const edits = fixAllEdits(state.review, state.text);
      if (edits.length > 0) {
        const title = state.review.fixAllRemovesWebDebris ? 'Remove all repeated passages and web debris' : 'Remove all repeated passages';
        const action = new vscode.CodeAction(title, FIX_ALL_KIND);
        action.command = applyCommand(title, edits);
        actions.push(action);
      }
    }
    if (!wants(vscode.CodeActionKind.QuickFix)) return actions;

    // The findings of our diagnostics in the context; without any (a request for a bare range),
    // the findings under the range.
    const pairs: { finding: Finding; diagnostic?: vscode.Diagnostic }[] = [];
    for (const d of context.diagnostics) {
      if (ruleOfDiagnostic(d) === undefined) continue;
      const finding = this.diagnostics.findingOf(document.uri, d);
      if (finding) pairs.push({ finding, diagnostic: d });
    }
    if (pairs.length === 0) {
      const start = document.offsetAt(range.start);
      const end = document.offsetAt(range.end);
      for (const finding of state.review.findings) if (finding.range.start <= end && finding.range.end >= start) pairs.push({ finding });
    }

    let offeredRemoveAll = false;
    let offeredRemoveDebris = false;
    for (const { finding, diagnostic } of pairs) {
      const add = (title: string, command: vscode.Command, preferred = false) => {
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.command = command;
        if (diagnostic) action.diagnostics = [diagnostic];
        if (preferred) action.isPreferred = true;
        actions.push(action);
      };
      for (const fix of finding.fixes ?? []) add(fix.title, applyCommand(fix.title, fix.edits), fix.preferred === true);

      const original = originalOf(finding);
      const originalArgs = original ? ({ uri, version, range: finding.range, original } satisfies OriginalArgs) : undefined;
      const ignoreOccurrence = () => {
        const occurrence = occurrenceOfFinding(finding, state.text);
        if (!occurrence) return;
        const title = `Ignore this occurrence of \u00AB${matchedWords(finding) ?? occurrence.term}\u00BB`;
        add(title, { command: CMD.ignoreOccurrence, title, arguments: [{ uri, occurrence } satisfies IgnoreOccurrenceArgs] });
      };
      switch (finding.rule) {
        case 'repeated-passage': {
          if (!offeredRemoveAll) {
            const edits = allRepeats();
            if (edits.length > 1) {
              add('Remove all repeated passages in this file', applyCommand('Remove all repeated passages in this file', edits));
              offeredRemoveAll = true;
            }
          }
          if (originalArgs) {
            add('Show original', { command: CMD.showOriginal, title: 'Show original', arguments: [originalArgs] });
            add('Compare with original', { command: CMD.compareWithOriginal, title: 'Compare with original', arguments: [originalArgs] });
          }
          break;
        }
        case 'near-duplicate': {
          if (originalArgs) {
            add('Compare with original', { command: CMD.compareWithOriginal, title: 'Compare with original', arguments: [originalArgs] });
            add('Show original', { command: CMD.showOriginal, title: 'Show original', arguments: [originalArgs] });
          }
          break;
        }
        case 'loaded-term': {
          const term = finding.data.term;
          const every = replaceEvery(state.review.findings, term);
          if (every.count > 1) {
            const title = `Replace every \u00AB${term}\u00BB in this file with \u00AB${every.suggestion}\u00BB (${every.count})`;
            add(title, applyCommand(title, every.edits));
          }
          ignoreOccurrence();
          const title = `Ignore \u00AB${term}\u00BB in this workspace`;
          add(title, { command: CMD.ignoreTerm, title, arguments: [{ uri, value: term } satisfies IgnoreArgs] });
          break;
        }
        case 'boilerplate': {
          if (!offeredRemoveDebris) {
            const edits = removeAllWebDebris(state.review);
            if (edits.length > 1) {
              add('Remove all web debris in this file', applyCommand('Remove all web debris in this file', edits));
              offeredRemoveDebris = true;
            }
          }
          break;
        }
        case 'unattributed-claim': {
          ignoreOccurrence();
          // The words as written: silencing them silences the cue (the engine matches either).
          const cue = finding.data.matched;
          const title = `Ignore the cue \u00AB${cue}\u00BB in this workspace`;
          add(title, { command: CMD.ignoreCue, title, arguments: [{ uri, value: cue } satisfies IgnoreArgs] });
          break;
        }
      }
    }
    return actions;
  }
}

/**
 * Every finding of the same loaded term replaced with its first suggestion (each keeping its own
 * case, as the engine's fixes do: the first fix of a loaded term replaces it with the first
 * suggestion).
 */
export function replaceEvery(findings: readonly Finding[], term: string): { edits: TextEdit[]; count: number; suggestion: string } {
  const key = term.toLowerCase();
  const edits: TextEdit[] = [];
  let suggestion = '';
  for (const f of findings) {
    if (f.rule !== 'loaded-term' || f.data.term.toLowerCase() !== key) continue;
    const first = f.data.suggestions[0];
    if (first === undefined) continue;
    if (!suggestion) suggestion = first;
    edits.push({ range: f.range, newText: first });
  }
  edits.sort((a, b) => a.range.start - b.range.start);
  return { edits, count: edits.length, suggestion };
}
