// Turning rules and reviews off, as linters do, each undoable like the ignores (the notification's
// Undo, or Undo Last Ignore or Disable): "Disable «rule» in this workspace" sets the rule to "off"
// in `.editorial-review.json` (read by the CLI too); "Disable «rule» for this file" adds the file
// to `editorialReview.rulesOffInFiles`; Turn Review Off / On for This File edits
// `editorialReview.ignoredFiles` (workspace settings: per-file choices of the editor).
import * as path from 'path';
import * as vscode from 'vscode';
import { RuleId } from '../../core/model/types';
import { isRuleId } from '../../core/rules/registry';
import { ConfigCommands, UndoStep } from './configCommands';
import { RULE_LABEL } from '../common/ruleLabels';
import { SECTION } from '../config/settings';
import { ruleValue, setRuleValue } from '../config/ruleConfigEdit';
import { WorkspaceConfig } from '../config/workspaceConfig';
import { filePathOf } from '../review/reviewable';
import type { Reviewer } from '../review/reviewer';
import { basename, findOpenDocument } from '../review/reviewState';

export interface DisableRuleArgs {
  uri: string;
  rule: RuleId;
  scope: 'file' | 'workspace';
}

export interface DisableResult {
  /** Where the choice was written: the config file, or the settings key. */
  where: string;
  changed: boolean;
}

const decoder = new TextDecoder('utf-8');

/** The pattern that names one file in the settings: its path in its workspace folder, else its full path. */
function patternOf(uri: vscode.Uri): string {
  const p = filePathOf(uri);
  return p.relative ?? p.absolute.replace(/\\/g, '/');
}

/** Workspace settings when a folder is open, else the user's. */
function target(): vscode.ConfigurationTarget {
  return vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
}

/** The value of a setting at the level this extension writes (workspace, else user). */
function writtenValue<T>(key: string, uri: vscode.Uri): T | undefined {
  const i = vscode.workspace.getConfiguration(SECTION, uri).inspect<T>(key);
  return target() === vscode.ConfigurationTarget.Workspace ? i?.workspaceValue : i?.globalValue;
}

async function writeSetting(key: string, uri: vscode.Uri, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION, uri).update(key, value, target());
}

export class RuleCommands {
  constructor(
    private readonly reviewer: Reviewer,
    private readonly config: WorkspaceConfig,
    private readonly silencing: ConfigCommands,
  ) {}

  async disableRule(args: DisableRuleArgs): Promise<DisableResult | undefined> {
    if (!args || !isRuleId(args.rule)) return undefined;
    const uri = vscode.Uri.parse(args.uri);
    return args.scope === 'file' ? this.disableForFile(uri, args.rule) : this.disableInWorkspace(uri, args.rule);
  }

  private async disableInWorkspace(uri: vscode.Uri, rule: RuleId): Promise<DisableResult | undefined> {
    const name = RULE_LABEL[rule].title;
    let previous: unknown;
    let change;
    try {
      change = await this.config.edit(uri, text => {
        previous = ruleValue(text, rule);
        return previous === 'off' || previous === false ? text : setRuleValue(text, rule, 'off');
      });
    } catch (err) {
      void vscode.window.showErrorMessage(`Editorial Review: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
    const changed = change.after !== change.before;
    const file = change.uri;
    const step: UndoStep = {
      again: `reporting ${name} again`,
      run: async () => {
        let current: string;
        try {
          current = decoder.decode(await vscode.workspace.fs.readFile(file));
        } catch {
          return false;
        }
        if (change.created && current === change.after) await this.config.remove(file);
        else if (ruleValue(current, rule) === 'off') await this.config.write(file, setRuleValue(current, rule, previous));
        return true;
      },
    };
    if (changed) this.silencing.remember(step);
    await this.reviewer.reviewAgainAllReviewed();
    const where = path.posix.basename(file.path);
    this.silencing.notify(
      changed ? `Editorial Review: ${name} is off in this workspace ("${rule}": "off" in ${where}).` : `Editorial Review: ${name} was already off in ${where}.`,
      changed ? step : undefined,
      () => vscode.window.showTextDocument(file),
    );
    return { where: file.toString(), changed };
  }

  private async disableForFile(uri: vscode.Uri, rule: RuleId): Promise<DisableResult> {
    const key = 'rulesOffInFiles';
    const before = writtenValue<Record<string, string[]>>(key, uri);
    const pattern = patternOf(uri);
    const list = before?.[pattern] ?? [];
    const changed = !list.includes(rule);
    if (changed) await writeSetting(key, uri, { ...(before ?? {}), [pattern]: [...list, rule] });
    const name = RULE_LABEL[rule].title;
    const step: UndoStep = {
      again: `reporting ${name} in ${basename(uri)} again`,
      run: async () => {
        await writeSetting(key, uri, before);
        return true;
      },
    };
    if (changed) this.silencing.remember(step);
    await this.reviewer.reviewAgainAllReviewed();
    this.silencing.notify(
      changed ? `Editorial Review: ${name} is off for ${basename(uri)} (editorialReview.${key}).` : `Editorial Review: ${name} was already off for ${basename(uri)}.`,
      changed ? step : undefined,
      () => vscode.commands.executeCommand('workbench.action.openWorkspaceSettingsFile'),
    );
    return { where: `editorialReview.${key}`, changed };
  }

  /** Turn Review Off for This File: no review, no problems, until it is turned on again. */
  async turnOff(arg?: unknown): Promise<boolean> {
    const uri = this.uriOf(arg);
    if (!uri) return false;
    const key = 'ignoredFiles';
    const before = writtenValue<string[]>(key, uri);
    const pattern = patternOf(uri);
    if (this.reviewer.turnedOffBy(uri) !== undefined) {
      vscode.window.setStatusBarMessage(`Editorial Review: review is already off for ${basename(uri)}.`, 4000);
      return false;
    }
    await writeSetting(key, uri, [...(before ?? []), pattern]);
    this.reviewer.forget(uri);
    const step: UndoStep = {
      again: `reviewing ${basename(uri)} again`,
      run: async () => {
        await writeSetting(key, uri, before);
        this.reviewAgain(uri);
        return true;
      },
    };
    this.silencing.remember(step);
    this.silencing.notify(`Editorial Review: review is off for ${basename(uri)} (editorialReview.${key}).`, step, () =>
      vscode.commands.executeCommand('workbench.action.openWorkspaceSettingsFile'),
    );
    return true;
  }

  /** Turn Review On for This File: removes its entry from editorialReview.ignoredFiles and reviews it. */
  async turnOn(arg?: unknown): Promise<boolean> {
    const uri = this.uriOf(arg);
    if (!uri) return false;
    const pattern = this.reviewer.turnedOffBy(uri);
    if (pattern === undefined) {
      vscode.window.setStatusBarMessage(`Editorial Review: review is on for ${basename(uri)}.`, 4000);
      return false;
    }
    const key = 'ignoredFiles';
    const before = writtenValue<string[]>(key, uri) ?? [];
    if (!before.includes(pattern)) {
      // A pattern of another settings level, or one naming several files: the user decides.
      void vscode.window
        .showInformationMessage(`Editorial Review: ${basename(uri)} is not reviewed because of "${pattern}" in editorialReview.${key}.`, 'Open Settings')
        .then(choice => {
          if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', `editorialReview.${key}`);
        });
      return false;
    }
    await writeSetting(key, uri, before.filter(p => p !== pattern));
    this.reviewAgain(uri);
    vscode.window.setStatusBarMessage(`Editorial Review: review is on for ${basename(uri)}.`, 4000);
    return true;
  }

  private reviewAgain(uri: vscode.Uri): void {
    const doc = findOpenDocument(uri.toString());
    if (doc && this.reviewer.isReviewable(doc)) this.reviewer.schedule(doc, 0, 'turned on');
  }

  private uriOf(arg: unknown): vscode.Uri | undefined {
    if (arg instanceof vscode.Uri) return arg;
    if (typeof arg === 'string') return vscode.Uri.parse(arg);
    const active = vscode.window.activeTextEditor?.document;
    if (!active) {
      void vscode.window.showInformationMessage('Editorial Review: open a file first.');
      return undefined;
    }
    return active.uri;
  }
}
