// Reads the extension's settings (`editorialReview.*`), live. Engine options become a layer in the
// shape of `.editorial-review.json` (only the values the user actually set), so that the config
// module validates both the same way.
import * as vscode from 'vscode';
import { OPTIONS, RULES } from '../../core/rules/registry';

export const SECTION = 'editorialReview';

export type RunMode = 'onType' | 'onSave' | 'manual';

export interface ExtensionSettings {
  languages: string[];
  run: RunMode;
  debounce: number;
  maxFileSize: number;
  workspaceInclude: string;
  workspaceExclude: string;
  workspaceMaxFiles: number;
  /** Files never reviewed (globs relative to their workspace folder, or absolute paths). */
  ignoredFiles: string[];
  /** Rules turned off in some files: glob → rule ids. */
  rulesOffInFiles: Record<string, string[]>;
}

export const DEFAULT_LANGUAGES = ['plaintext', 'markdown'];

export function readExtensionSettings(scope?: vscode.ConfigurationScope): ExtensionSettings {
  // `null`: the value for no resource in particular (what VS Code asks for when there is none).
  const c = vscode.workspace.getConfiguration(SECTION, scope ?? null);
  const w = vscode.workspace.getConfiguration(`${SECTION}.workspace`);
  const languages = c.get<unknown>('languages');
  const run = c.get<string>('run');
  return {
    languages: Array.isArray(languages) ? languages.filter((l): l is string => typeof l === 'string') : DEFAULT_LANGUAGES,
    run: run === 'onSave' || run === 'manual' ? run : 'onType',
    debounce: clampNumber(c.get<number>('debounce'), 0, 10000, 300),
    maxFileSize: clampNumber(c.get<number>('maxFileSize'), 0, Number.MAX_SAFE_INTEGER, 2_000_000),
    workspaceInclude: w.get<string>('include') || '**/*.{txt,md,markdown}',
    workspaceExclude: w.get<string>('exclude') ?? '**/{node_modules,.git,out,dist}/**',
    workspaceMaxFiles: clampNumber(w.get<number>('maxFiles'), 1, 100000, 5000),
    ignoredFiles: stringList(c.get<unknown>('ignoredFiles')),
    rulesOffInFiles: ruleLists(c.get<unknown>('rulesOffInFiles')),
  };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

function ruleLists(value: unknown): Record<string, string[]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: Record<string, string[]> = {};
  for (const [glob, rules] of Object.entries(value as Record<string, unknown>)) {
    const list = stringList(rules);
    if (glob.trim() !== '' && list.length > 0) out[glob] = list;
  }
  return out;
}

function clampNumber(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}

/** The value the user set (folder, workspace or user), ignoring the contributed default. */
function explicit<T>(c: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const i = c.inspect<T>(key);
  if (!i) return undefined;
  return i.workspaceFolderValue ?? i.workspaceValue ?? i.globalValue;
}

/**
 * Engine options as set in the settings, in the `.editorial-review.json` shape
 * (`{rules: {'loaded-term': {enabled, severity}}, minWords, ...}`), with only the keys the user set.
 */
export function readEngineSettings(scope?: vscode.ConfigurationScope): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration(SECTION, scope ?? null);
  const out: Record<string, unknown> = {};
  const rules: Record<string, Record<string, unknown>> = {};
  // `editorialReview.rules.<settingKey>.enabled|severity` for each rule.
  for (const { id: rule, settingKey: seg } of RULES) {
    const enabled = explicit<boolean>(c, `rules.${seg}.enabled`);
    const severity = explicit<string>(c, `rules.${seg}.severity`);
    if (enabled !== undefined || severity !== undefined) {
      rules[rule] = {};
      if (enabled !== undefined) rules[rule].enabled = enabled;
      if (severity !== undefined) rules[rule].severity = severity;
    }
  }
  if (Object.keys(rules).length > 0) out.rules = rules;
  for (const { key } of OPTIONS) {
    const v = explicit<unknown>(c, key);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** The extension's settings per document, cached until the `editorialReview` settings change. */
export class SettingsCache implements vscode.Disposable {
  private readonly cache = new Map<string, ExtensionSettings>();
  private readonly listener = vscode.workspace.onDidChangeConfiguration(e => {
    if (e.affectsConfiguration(SECTION)) this.cache.clear();
  });

  get(uri?: vscode.Uri): ExtensionSettings {
    const key = uri?.toString() ?? '';
    let s = this.cache.get(key);
    if (!s) {
      s = readExtensionSettings(uri);
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(key, s);
    }
    return s;
  }

  dispose(): void {
    this.listener.dispose();
  }
}
