// Quick fixes on findings and `source.fixAll.editorialReview`. Each quick fix is read from the
// finding its diagnostic shows (the publisher's map from diagnostic to finding), never found again
// from ranges and messages. Every text fix is a command carrying the document version it was
// computed for; the command refuses to apply it to changed text.
import * as vscode from 'vscode';
import { occurrenceOf } from '../../core/language/occurrences';
import { Finding, RuleId } from '../../core/model/types';
import { EditPlan, findingFixPlan, fixAllPlan, linesRemoved, removeAllDebrisPlan, removeAllRepeatsPlan, replaceEveryPlan } from '../common/editPlans';
import { crossFileActions } from '../collection/crossFileActions';
import { RULE_LABEL } from '../common/ruleLabels';
import type { DisableRuleArgs } from '../commands/ruleCommands';
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
    const planCommand = (plan: EditPlan): vscode.Command => ({
      command: CMD.applyEdits,
      title: plan.title,
      arguments: [{ uri, version, title: plan.title, edits: plan.edits, named: plan.named } satisfies ApplyEditsArgs],
    });

    if (context.only && wants(FIX_ALL_KIND) && !context.only.contains(vscode.CodeActionKind.QuickFix)) {
      // With editorialReview.fixAllRemovesWebDebris, the lines of web debris go too.
      const plan = fixAllPlan(state.review, state.text);
      if (plan.edits.length > 0) {
        const action = new vscode.CodeAction(plan.title, FIX_ALL_KIND);
        action.command = planCommand(plan);
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
    const disabling = new Map<RuleId, vscode.Diagnostic | undefined>();
    for (const { finding, diagnostic } of pairs) {
      const add = (title: string, command: vscode.Command, preferred = false) => {
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.command = command;
        if (diagnostic) action.diagnostics = [diagnostic];
        if (preferred) action.isPreferred = true;
        actions.push(action);
      };
      const across = crossFileActions(finding, { uri, version });
      for (const fix of finding.fixes ?? []) {
        if (across && fix.otherFiles?.length) continue;
        const plan = findingFixPlan(state.text, finding, fix);
        // A copy of another file's text: the lines it removes are kept there (its title says so).
        if (across) plan.named = linesRemoved(state.text, plan.edits);
        add(plan.title, planCommand(plan), fix.preferred === true);
      }
      for (const action of across ?? []) add(action.title, action);
      if (!disabling.has(finding.rule)) disabling.set(finding.rule, diagnostic);

      const original = across ? undefined : originalOf(finding);
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
            // The command, not these edits: it removes in rounds until nothing more is found.
            const plan = removeAllRepeatsPlan(state.review, 'Remove all repeated passages in this file');
            if (plan.edits.length > 1) {
              add(plan.title, { command: CMD.removeAllRepeatedPassages, title: plan.title, arguments: [{ uri: document.uri, version }] });
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
          const every = replaceEveryPlan(state.text, state.review, term);
          if (every && every.edits.length > 1) add(every.title, planCommand(every));
          ignoreOccurrence();
          const title = `Ignore \u00AB${term}\u00BB in this workspace`;
          add(title, { command: CMD.ignoreTerm, title, arguments: [{ uri, value: term } satisfies IgnoreArgs] });
          break;
        }
        case 'boilerplate': {
          if (!offeredRemoveDebris) {
            const plan = removeAllDebrisPlan(state.review, state.text);
            if (plan.edits.length > 1) {
              add(plan.title, planCommand(plan));
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
    // Last, once per rule: turn the rule off here or in the whole workspace (undoable).
    for (const [rule, diagnostic] of disabling) {
      const name = RULE_LABEL[rule].title;
      for (const scope of ['file', 'workspace'] as const) {
        const title = scope === 'file' ? `Disable \u00AB${name}\u00BB for this file` : `Disable \u00AB${name}\u00BB in this workspace`;
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.command = { command: CMD.disableRule, title, arguments: [{ uri, rule, scope } satisfies DisableRuleArgs] };
        if (diagnostic) action.diagnostics = [diagnostic];
        actions.push(action);
      }
    }
    return actions;
  }
}
