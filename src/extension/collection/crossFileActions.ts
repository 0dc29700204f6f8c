// The quick fixes of a finding whose original is in another file of the collection (besides its
// own fixes): Open original (in that file), Compare with original (a diff across the two files),
// and the explicit fixes that edit the other file ("Keep this version and remove article #3 of
// day01.txt"). Undefined for a finding inside one file.
import type * as vscode from 'vscode';
import type { Finding } from '../../core/model/types';
import { COLLECTION_CMD, CompareArgs, OtherFileEditArgs, PlaceArgs } from './collectionCommands';

export function crossFileActions(finding: Finding, doc: { uri: string; version: number }): vscode.Command[] | undefined {
  if (finding.rule !== 'repeated-passage' && finding.rule !== 'near-duplicate') return undefined;
  const path = finding.data.originalPath;
  if (path === undefined) return undefined;
  const lines = finding.related?.find(r => r.path === path)?.lines;
  const out: vscode.Command[] = [];
  const open: PlaceArgs = { path, line: lines?.start ?? 1, endLine: lines?.end, focus: true };
  out.push({ command: COLLECTION_CMD.openInCollection, title: 'Open original', arguments: [open] });
  const compare: CompareArgs = { uri: doc.uri, version: doc.version, range: finding.range, path, original: finding.data.original };
  out.push({ command: COLLECTION_CMD.compareAcrossFiles, title: 'Compare with original', arguments: [compare] });
  for (const fix of finding.fixes ?? []) {
    for (const other of fix.otherFiles ?? []) {
      const args: OtherFileEditArgs = { title: fix.title, path: other.path, edits: other.edits };
      out.push({ command: COLLECTION_CMD.removeInOtherFile, title: fix.title, arguments: [args] });
    }
  }
  return out;
}
