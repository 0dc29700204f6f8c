// The commands that edit `.editorial-review.json`: Ignore «term» / the cue (in the workspace),
// Ignore this occurrence (one term in one sentence, by its fingerprint), the notification after
// each with Undo and Open configuration, Undo Last Ignore or Disable (shared with
// ruleCommands.ts), and Open Workspace Configuration. The file is edited with jsonc-parser
// (core/options/configEdit.ts): only the list concerned changes, the rest keeps its formatting.
import * as path from 'path';
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../../core/options/config';
import { addListEntry, removeListEntry } from '../../core/options/configEdit';
import type { Reviewer } from '../review/reviewer';
import { ConfigFileChange, WorkspaceConfig } from '../config/workspaceConfig';

export interface IgnoreArgs {
  uri: string;
  value: string;
}

/** One occurrence: the words as written and the fingerprint of their sentence. */
export interface OccurrenceEntry {
  term: string;
  sentence: string;
}

export interface IgnoreOccurrenceArgs {
  uri: string;
  occurrence: OccurrenceEntry;
}

export type IgnoreList = 'ignoredTerms' | 'ignoredCues' | 'ignoredOccurrences';

export interface IgnoreResult {
  file: vscode.Uri;
  list: IgnoreList;
  /** False when the entry was there already. */
  added: boolean;
}

interface Silencing {
  list: IgnoreList;
  value: string | OccurrenceEntry;
  /** For messages. */
  what: string;
}

const lower = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

function sameEntry(value: string | OccurrenceEntry): (item: unknown) => boolean {
  if (typeof value === 'string') return item => typeof item === 'string' && lower(item) === lower(value);
  return item => {
    const o = item as Partial<OccurrenceEntry> | null;
    return !!o && typeof o === 'object' && typeof o.term === 'string' && lower(o.term) === lower(value.term) && o.sentence === value.sentence;
  };
}

/** Something the last silencing command did, and how to take it back. */
export interface UndoStep {
  /** For the message after undoing ("reporting «Kiev» again"). */
  again: string;
  run(): Promise<boolean>;
}

export class ConfigCommands {
  /** The last silencing (an ignore, a rule disabled, a file's review turned off), for Undo. */
  private lastUndo: UndoStep | undefined;

  constructor(
    private readonly reviewer: Reviewer,
    private readonly config: WorkspaceConfig,
  ) {}

  /** Keeps the undo of a silencing as the one "Undo Last Ignore or Disable" takes back. */
  remember(step: UndoStep): void {
    this.lastUndo = step;
  }

  /** Runs an undo step (once), then reviews again and says so. */
  async runUndo(step: UndoStep): Promise<boolean> {
    if (this.lastUndo === step) this.lastUndo = undefined;
    let ok: boolean;
    try {
      ok = await step.run();
    } catch (err) {
      void vscode.window.showErrorMessage(`Editorial Review could not undo: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
    if (!ok) return false;
    await this.reviewer.reviewAgainAllReviewed();
    vscode.window.setStatusBarMessage(`Editorial Review: ${step.again}.`, 4000);
    return true;
  }

  ignoreTerm(args: IgnoreArgs): Promise<IgnoreResult | undefined> {
    return this.silence(args?.uri, { list: 'ignoredTerms', value: args.value.trim(), what: `the term \u00AB${args.value.trim()}\u00BB in this workspace` });
  }

  ignoreCue(args: IgnoreArgs): Promise<IgnoreResult | undefined> {
    return this.silence(args?.uri, { list: 'ignoredCues', value: args.value.trim(), what: `the cue \u00AB${args.value.trim()}\u00BB in this workspace` });
  }

  ignoreOccurrence(args: IgnoreOccurrenceArgs): Promise<IgnoreResult | undefined> {
    const occurrence = { term: args.occurrence.term, sentence: args.occurrence.sentence };
    return this.silence(args?.uri, { list: 'ignoredOccurrences', value: occurrence, what: `\u00AB${occurrence.term}\u00BB in this sentence` });
  }

  /** Takes the last silencing back (an ignore's entry is removed; a file it created is deleted if unchanged). */
  async undo(): Promise<boolean> {
    const last = this.lastUndo;
    if (!last) {
      vscode.window.setStatusBarMessage('Editorial Review: nothing to undo.', 3000);
      return false;
    }
    return this.runUndo(last);
  }

  /** The undo of an ignore: its entry removed (the file deleted when this command created it and it is unchanged). */
  private undoOfIgnore(silencing: Silencing, change: ConfigFileChange): UndoStep {
    return {
      again: `reporting ${silencing.what.replace(/ in this workspace$/, '')} again`,
      run: async () => {
        let current = '';
        try {
          current = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(change.uri));
        } catch {
          return false;
        }
        if (change.created && current === change.after) await this.config.remove(change.uri);
        else await this.config.write(change.uri, removeListEntry(current, silencing.list, sameEntry(silencing.value)));
        return true;
      },
    };
  }

  async openConfigFile(): Promise<vscode.Uri | undefined> {
    const active = vscode.window.activeTextEditor?.document.uri;
    const existing = active ? await this.config.find(active) : undefined;
    const target = existing ?? this.config.defaultLocation(active);
    if (!target) {
      void vscode.window.showInformationMessage(`Editorial Review: open a folder to create ${CONFIG_FILE_NAME}.`);
      return undefined;
    }
    if (!existing) {
      try {
        await vscode.workspace.fs.stat(target);
      } catch {
        const initial = { rules: {}, terms: [], ignoredTerms: [], ignoredCues: [] };
        await vscode.workspace.fs.writeFile(target, Buffer.from(JSON.stringify(initial, null, 2) + '\n', 'utf8'));
      }
    }
    await vscode.window.showTextDocument(target);
    return target;
  }

  private async silence(uriArg: string | undefined, silencing: Silencing): Promise<IgnoreResult | undefined> {
    const docUri = uriArg ? vscode.Uri.parse(uriArg) : vscode.window.activeTextEditor?.document.uri;
    let change: ConfigFileChange;
    try {
      change = await this.config.edit(docUri, text => addListEntry(text, silencing.list, silencing.value, sameEntry(silencing.value)));
    } catch (err) {
      void vscode.window.showErrorMessage(`Editorial Review: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
    const added = change.after !== change.before;
    const step = this.undoOfIgnore(silencing, change);
    if (added) this.remember(step);
    // The problem disappears now, not when the file watcher reports the change.
    await this.reviewer.reviewAgainAllReviewed();
    const file = path.posix.basename(change.uri.path);
    const message = added
      ? `Editorial Review: ignoring ${silencing.what} (${silencing.list} in ${file}).`
      : `Editorial Review: ${silencing.what} was already ignored (${file}).`;
    this.notify(message, added ? step : undefined, () => vscode.window.showTextDocument(change.uri));
    return { file: change.uri, list: silencing.list, added };
  }

  /** The notification after a silencing: Undo (when something changed) and Open configuration. */
  notify(message: string, step: UndoStep | undefined, open: () => Thenable<unknown>): void {
    const actions = step ? ['Undo', 'Open configuration'] : ['Open configuration'];
    void vscode.window.showInformationMessage(message, ...actions).then(choice => {
      if (choice === 'Undo' && step) void this.runUndo(step);
      else if (choice === 'Open configuration') void open();
    });
  }
}
