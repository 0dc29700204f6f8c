// Applying an edit plan (common/editPlans.ts) — the one way every command, quick fix, hover link and
// panel action changes the text: refused for a document that changed since the plan was made;
// asked first (a modal dialog) when it would remove lines that exist nowhere else in the file and
// its title does not name them; applied as one WorkspaceEdit (one undo step); then said: what went,
// with the line count, in a notification with Undo (a status bar message for a replacement or an
// insertion, which remove no line).
import * as vscode from 'vscode';
import { LostText, textLostBy } from '../../core/review/lostText';
import { CheckedPlan, EditPlan, Question, checkPlan, describeEdit } from '../common/editPlans';
import type { ReviewClient } from '../review/reviewClient';
import { basename, findOpenDocument } from '../review/reviewState';

export interface ApplyResult {
  applied: boolean;
  reason?: 'stale' | 'closed' | 'rejected' | 'nothing' | 'cancelled';
  edits?: number;
  /** What the user was told afterwards. */
  message?: string;
  /** Whole lines removed. */
  removedLines?: number;
  /** Lines removed that existed nowhere else (after the user said yes). */
  lost?: number;
  /** The question asked first, if any. */
  asked?: Question;
}

/** The last edit applied, with what was said about it and its Undo. */
export interface EditReport {
  uri: string;
  title: string;
  message: string;
  removedLines: number;
  /** Undoes the edit if the document is still as the edit left it (what the notification's Undo runs). */
  undo(): Promise<boolean>;
}

/** Texts longer than this are checked in the review worker (the check reads the whole text). */
const CHECK_IN_WORKER_FROM = 300_000;

export class EditApplier {
  /** Answers given in place of the dialog (the integration tests' clicks), first in first out. */
  private readonly scripted: boolean[] = [];
  /** Every question asked so far (for the tests). */
  readonly asked: Question[] = [];
  last: EditReport | undefined;

  constructor(private readonly client: ReviewClient) {}

  /** The next questions are answered with these (true: go ahead) instead of showing the dialog. */
  scriptAnswers(answers: readonly boolean[]): void {
    this.scripted.push(...answers);
  }

  /** Asks before an edit that would lose text: a modal dialog, Cancel by default. */
  async confirm(question: Question): Promise<boolean> {
    this.asked.push(question);
    const scripted = this.scripted.shift();
    if (scripted !== undefined) return scripted;
    const choice = await vscode.window.showWarningMessage(question.message, { modal: true, detail: question.detail }, question.button);
    return choice === question.button;
  }

  /** What the plan's edits would remove that exists nowhere else in the text. */
  private async lostOf(text: string, plan: EditPlan): Promise<LostText[]> {
    if (text.length < CHECK_IN_WORKER_FROM) return textLostBy(text, plan.edits);
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Editorial Review: checking what "${plan.title}" removes…` },
      () => this.client.lost(text, plan.edits),
    );
  }

  /** Applies a plan made for `version` of the document `uri`. */
  async apply(uri: string, version: number, plan: EditPlan): Promise<ApplyResult> {
    let doc = findOpenDocument(uri);
    if (!doc) {
      void vscode.window.showWarningMessage(`Editorial Review did not apply "${plan.title}": the document is no longer open.`);
      return { applied: false, reason: 'closed' };
    }
    const stale = (d: vscode.TextDocument): ApplyResult => {
      void vscode.window.showWarningMessage(
        `Editorial Review did not apply "${plan.title}": ${basename(d.uri)} changed after it was offered. Try again on the current text.`,
      );
      return { applied: false, reason: 'stale' };
    };
    if (doc.version !== version) return stale(doc);
    if (plan.edits.length === 0) {
      vscode.window.setStatusBarMessage(`Editorial Review: "${plan.title}" has nothing to change.`, 4000);
      return { applied: false, reason: 'nothing' };
    }
    const before = doc.getText();
    const checked: CheckedPlan = checkPlan(before, plan, await this.lostOf(before, plan));
    if (checked.question) {
      const yes = await this.confirm(checked.question);
      if (!yes) {
        vscode.window.setStatusBarMessage(`Editorial Review: "${plan.title}" not applied; nothing was removed.`, 5000);
        return { applied: false, reason: 'cancelled', asked: checked.question };
      }
    }
    doc = findOpenDocument(uri);
    if (!doc) return { applied: false, reason: 'closed' };
    if (doc.version !== version) return stale(doc);
    const edit = new vscode.WorkspaceEdit();
    for (const e of plan.edits) {
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.range.start), doc.positionAt(e.range.end)), e.newText, {
        label: plan.title,
        needsConfirmation: false,
      });
    }
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showWarningMessage(`Editorial Review could not apply "${plan.title}" (the editor refused the edit).`);
      return { applied: false, reason: 'rejected' };
    }
    const { message, removedLines } = describeEdit(before, plan, checked.lost);
    this.report(doc, plan.title, before, `Editorial Review: ${message}`, removedLines);
    return { applied: true, edits: plan.edits.length, message, removedLines, lost: new Set(checked.lost.map(l => l.line)).size, asked: checked.question };
  }

  /** Says what an edit did: a notification with Undo when lines went, else a status bar message. */
  private report(doc: vscode.TextDocument, title: string, before: string, message: string, removedLines: number): void {
    const uri = doc.uri.toString();
    const versionAfter = doc.version;
    const report: EditReport = {
      uri,
      title,
      message,
      removedLines,
      undo: async () => {
        const now = findOpenDocument(uri);
        if (!now || now.version !== versionAfter) {
          void vscode.window.showWarningMessage(`Editorial Review: ${basename(doc.uri)} changed after "${title}"; use Edit > Undo to go back step by step.`);
          return false;
        }
        await vscode.window.showTextDocument(now, { preview: false });
        await vscode.commands.executeCommand('undo');
        const restored = now.getText() === before;
        vscode.window.setStatusBarMessage(restored ? `Editorial Review: undid "${title}".` : `Editorial Review: "${title}" was not undone completely.`, 5000);
        return restored;
      },
    };
    this.last = report;
    if (removedLines > 0) {
      void vscode.window.showInformationMessage(message, 'Undo').then(choice => {
        if (choice === 'Undo') void report.undo();
      });
    } else {
      vscode.window.setStatusBarMessage(`${message} Ctrl+Z undoes it.`, 6000);
    }
  }
}
