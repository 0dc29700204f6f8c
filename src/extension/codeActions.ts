// Quick fixes on findings and `source.fixAll.editorialReview`. Every text fix is a command carrying
// the document version it was computed for; the command refuses to apply it to changed text.
import * as vscode from 'vscode';
import { removeAllRepeatedPassages } from '../core/fixes';
import { Finding, OffsetRange, TextEdit } from '../core/types';
import { ruleOfDiagnostic } from './diagnostics';
import { Reviewer } from './reviewer';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('editorialReview');

export const COMMAND = {
  applyEdits: 'editorialReview.applyEdits',
  showOriginal: 'editorialReview.showOriginal',
  compareWithOriginal: 'editorialReview.compareWithOriginal',
  ignoreTerm: 'editorialReview.ignoreTerm',
  ignoreCue: 'editorialReview.ignoreCue',
} as const;

/** Arguments of `editorialReview.applyEdits`: edits in UTF-16 offsets for one document version. */
export interface ApplyEditsArgs {
  uri: string;
  version: number;
  title: string;
  edits: TextEdit[];
}

/** Arguments of Show original / Compare with original. */
export interface OriginalArgs {
  uri: string;
  version: number;
  /** The later copy (the finding). */
  range: OffsetRange;
  /** The original passage. */
  original: OffsetRange;
}

export interface IgnoreArgs {
  uri: string;
  value: string;
}

function originalOf(finding: Finding): OffsetRange | undefined {
  if (finding.rule === 'repeated-passage' || finding.rule === 'near-duplicate') return finding.data.original;
  return finding.related?.[0]?.range;
}

export class EditorialCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly reviewer: Reviewer) {}

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
      command: COMMAND.applyEdits,
      title,
      arguments: [{ uri, version, title, edits } satisfies ApplyEditsArgs],
    });

    const allRepeats = () => removeAllRepeatedPassages(state.review);

    if (context.only && wants(FIX_ALL_KIND) && !context.only.contains(vscode.CodeActionKind.QuickFix)) {
      const edits = allRepeats();
      if (edits.length > 0) {
        const action = new vscode.CodeAction('Remove all repeated passages', FIX_ALL_KIND);
        action.command = applyCommand('Remove all repeated passages', edits);
        actions.push(action);
      }
    }
    if (!wants(vscode.CodeActionKind.QuickFix)) return actions;

    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    const hits = state.review.findings.filter(f => f.range.start <= end && f.range.end >= start);
    let offeredRemoveAll = false;
    for (const finding of hits) {
      const diagnostic = matchDiagnostic(context.diagnostics, finding, state.toRange(finding.range));
      const add = (title: string, command: vscode.Command, preferred = false) => {
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.command = command;
        if (diagnostic) action.diagnostics = [diagnostic];
        if (preferred) action.isPreferred = true;
        actions.push(action);
      };
      const engineFixes = finding.fixes ?? [];
      for (const fix of engineFixes) add(fix.title, applyCommand(fix.title, fix.edits), fix.preferred === true);

      const original = originalOf(finding);
      const originalArgs = original ? ({ uri, version, range: finding.range, original } satisfies OriginalArgs) : undefined;
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
            add('Show original', { command: COMMAND.showOriginal, title: 'Show original', arguments: [originalArgs] });
            add('Compare with original', { command: COMMAND.compareWithOriginal, title: 'Compare with original', arguments: [originalArgs] });
          }
          break;
        }
        case 'near-duplicate': {
          if (originalArgs) {
            add('Compare with original', { command: COMMAND.compareWithOriginal, title: 'Compare with original', arguments: [originalArgs] });
            add('Show original', { command: COMMAND.showOriginal, title: 'Show original', arguments: [originalArgs] });
          }
          break;
        }
        case 'loaded-term': {
          const term = finding.data.term;
          const every = replaceEvery(state.review.findings, term);
          if (every.count > 1) {
            const title = `Replace every «${term}» in this file with «${every.suggestion}» (${every.count})`;
            add(title, applyCommand(title, every.edits));
          }
          const title = `Ignore «${term}» in this workspace`;
          add(title, { command: COMMAND.ignoreTerm, title, arguments: [{ uri, value: term } satisfies IgnoreArgs] });
          break;
        }
        case 'unattributed-claim': {
          // The words as written: silencing them silences the cue (the engine matches either).
          const cue = finding.data.matched;
          const title = `Ignore the cue «${cue}» in this workspace`;
          add(title, { command: COMMAND.ignoreCue, title, arguments: [{ uri, value: cue } satisfies IgnoreArgs] });
          break;
        }
      }
    }
    return actions;
  }
}

/** Our diagnostic for a finding among those VS Code passed in (they are copies, not our objects). */
function matchDiagnostic(diagnostics: readonly vscode.Diagnostic[], finding: Finding, range: vscode.Range): vscode.Diagnostic | undefined {
  return diagnostics.find(d => ruleOfDiagnostic(d) === finding.rule && d.range.isEqual(range) && d.message === finding.message);
}

/**
 * Every finding of the same loaded term replaced with its first suggestion (each keeping its own
 * case, as the engine's fixes do).
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
