// The settings of the workspace's collection (`editorialReview.collection.*`) and which files
// belong to it: inside a workspace folder, matching `include` (files.exclude applies, through
// findFiles), not matching `exclude`, not turned off (editorialReview.ignoredFiles), at most
// `editorialReview.maxFileSize` characters. Names in findings are workspace-relative paths.
import * as vscode from 'vscode';
import type { CollectionOrder } from '../../core/collection/order';
import { SECTION, readExtensionSettings } from '../config/settings';
import { matchingPattern } from '../config/fileRules';
import { filePathOf } from '../review/reviewable';

export interface CollectionSettings {
  enabled: boolean;
  include: string;
  exclude: string;
  order: CollectionOrder;
  maxFiles: number;
  maxFileSize: number;
  ignoredFiles: string[];
}

export function readCollectionSettings(): CollectionSettings {
  const c = vscode.workspace.getConfiguration(`${SECTION}.collection`);
  const ext = readExtensionSettings();
  return {
    enabled: c.get<boolean>('enabled') !== false,
    include: c.get<string>('include') || ext.workspaceInclude,
    exclude: c.get<string>('exclude') || ext.workspaceExclude,
    order: c.get<string>('order') === 'mtime' ? 'mtime' : 'name',
    maxFiles: ext.workspaceMaxFiles,
    maxFileSize: ext.maxFileSize,
    ignoredFiles: ext.ignoredFiles,
  };
}

/** The setting names whose change means the collection must be listed again. */
export function affectsCollection(e: vscode.ConfigurationChangeEvent): boolean {
  return (
    e.affectsConfiguration(`${SECTION}.collection`) ||
    e.affectsConfiguration(`${SECTION}.workspace`) ||
    e.affectsConfiguration(`${SECTION}.ignoredFiles`) ||
    e.affectsConfiguration(`${SECTION}.maxFileSize`) ||
    e.affectsConfiguration('files.exclude')
  );
}

/** A file's name in the collection: its path inside its workspace folder (with the folder's name when several are open). */
export function collectionKey(uri: vscode.Uri): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return undefined;
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

/** Whether a file belongs to the collection by its name (include, exclude, ignoredFiles); files.exclude is applied by findFiles. */
export function inCollection(uri: vscode.Uri, s: CollectionSettings): boolean {
  if (!collectionKey(uri)) return false;
  const where = filePathOf(uri);
  if (matchingPattern([s.include], where) === undefined) return false;
  if (s.exclude && matchingPattern([s.exclude], where) !== undefined) return false;
  return s.ignoredFiles.length === 0 || matchingPattern(s.ignoredFiles, where) === undefined;
}
