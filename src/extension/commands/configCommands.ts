// The commands that edit `.editorial-review.json`: Ignore «term» / the cue (in the workspace),
// Ignore this occurrence (one term in one sentence, by its fingerprint), the notification after
// each with Undo and Open configuration, and Open Workspace Configuration. The file is edited
// with jsonc-parser (src/core/configEdit.ts): only the list concerned changes, the rest of the
// file keeps its formatting.
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

export class ConfigCommands {
  /** The last silencing, for Undo. */
  private lastChange: { silencing: Silencing; change: ConfigFileChange } | undefined;

  constructor(
    private readonly reviewer: Reviewer,
    private readonly config: WorkspaceConfig,
  ) {}

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

  /** Takes the last silencing back (the entry is removed; a file it created is deleted if unchanged). */
  async undo(): Promise<boolean> {
    const last = this.lastChange;
    if (!last) {
      vscode.window.setStatusBarMessage('Editorial Review: nothing to undo.', 3000);
      return false;
    }
    return this.undoChange(last);
  }

  private async undoChange(record: { silencing: Silencing; change: ConfigFileChange }): Promise<boolean> {
    if (this.lastChange === record) this.lastChange = undefined;
    const { change, silencing } = record;
    try {
      let current = '';
      try {
        current = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(change.uri));
      } catch {
        return false;
      }
      if (change.created && current === change.after) await this.config.remove(change.uri);
      else await this.config.write(change.uri, removeListEntry(current, silencing.list, sameEntry(silencing.value)));
    } catch (err) {
      void vscode.window.showErrorMessage(`Editorial Review could not undo: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
    await this.reviewer.reviewAgainAllReviewed();
    vscode.window.setStatusBarMessage(`Editorial Review: reporting ${silencing.what.replace(/ in this workspace$/, '')} again.`, 4000);
    return true;
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
    const record = { silencing, change };
    if (added) this.lastChange = record;
    // The problem disappears now, not when the file watcher reports the change.
    await this.reviewer.reviewAgainAllReviewed();
    this.notify(record, added);
    return { file: change.uri, list: silencing.list, added };
  }

  private notify(record: { silencing: Silencing; change: ConfigFileChange }, added: boolean): void {
    const { silencing, change } = record;
    const file = path.posix.basename(change.uri.path);
    const message = added
      ? `Editorial Review: ignoring ${silencing.what} (${silencing.list} in ${file}).`
      : `Editorial Review: ${silencing.what} was already ignored (${file}).`;
    const actions = added ? ['Undo', 'Open configuration'] : ['Open configuration'];
    void vscode.window.showInformationMessage(message, ...actions).then(choice => {
      if (choice === 'Undo') void this.undoChange(record);
      else if (choice === 'Open configuration') void vscode.window.showTextDocument(change.uri);
    });
  }
}
