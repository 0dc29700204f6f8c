// Hovers on findings: what the rule looks for and why (with a link to its section of the README),
// the suggestions of a loaded term (each a link that applies it), and for a repeat or near
// duplicate the first words of the original with a link to it. The diagnostic's own hover already
// shows the message.
import * as vscode from 'vscode';
import { ruleById } from '../../core/rules/registry';
import { Finding } from '../../core/model/types';
import { CMD } from '../common/commandIds';
import type { ApplyEditsArgs } from '../commands/editCommands';
import { firstWords, originalOf, suggestionsOf } from '../common/findingText';
import type { OriginalArgs } from '../commands/originals';
import type { Reviewer } from '../review/reviewer';
import { ReviewState } from '../review/reviewState';
import { RuleDocs } from '../common/ruleDocs';

function commandLink(command: string, args: unknown): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([args]))}`;
}

const escape = (text: string) => text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, c => `\\${c}`);

export class FindingHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly reviewer: Reviewer,
    private readonly docs: RuleDocs,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const state = this.reviewer.current(document);
    if (!state) return undefined;
    const offset = document.offsetAt(position);
    const hits = state.review.findings.filter(f => f.range.start <= offset && offset < f.range.end);
    if (hits.length === 0) return undefined;
    // Short findings (a term inside a repeated paragraph) first: they are what the pointer is on.
    hits.sort((a, b) => a.range.end - a.range.start - (b.range.end - b.range.start));
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: [CMD.applyEdits, CMD.showOriginal, CMD.compareWithOriginal] };
    hits.slice(0, 3).forEach((f, i) => {
      if (i > 0) md.appendMarkdown('\n\n---\n\n');
      this.describe(md, f, state, document);
    });
    return new vscode.Hover(md, state.toRange(hits[0].range));
  }

  private describe(md: vscode.MarkdownString, f: Finding, state: ReviewState, document: vscode.TextDocument): void {
    const info = ruleById(f.rule);
    md.appendMarkdown(`**${escape(info.title)}** \`${f.rule}\` · [documentation](${this.docs.uri(f.rule).toString()})\n\n`);
    md.appendMarkdown(`${escape(info.fullDescription)}\n\n`);
    const uri = document.uri.toString();
    const version = state.version;
    if (f.rule === 'loaded-term') {
      const suggestions = suggestionsOf(f);
      if (suggestions.length > 0) {
        const links = suggestions.map(s => {
          const args: ApplyEditsArgs = { uri, version, title: `Replace with \u00AB${s}\u00BB`, edits: [{ range: f.range, newText: s }] };
          return `[${escape(s)}](${commandLink(CMD.applyEdits, args)} "Replace with ${s.replace(/"/g, "'")}")`;
        });
        md.appendMarkdown(`Suggestions: ${links.join(', ')}\n\n`);
      }
    }
    const original = originalOf(f);
    if (original && (f.rule === 'repeated-passage' || f.rule === 'near-duplicate')) {
      const line = state.toRange(original).start.line + 1;
      const args: OriginalArgs = { uri, version, range: f.range, original };
      md.appendMarkdown(`Original, line ${line}: \u201C${escape(firstWords(state.text.slice(original.start, original.end)))}\u201D · `);
      md.appendMarkdown(`[Show original](${commandLink(CMD.showOriginal, args)}) · [Compare](${commandLink(CMD.compareWithOriginal, args)})\n\n`);
    }
  }
}
