// Findings → VS Code diagnostics, in the one DiagnosticCollection of the extension.
import * as vscode from 'vscode';
import { LineIndex } from '../../core/text/text';
import { Finding, OffsetRange, RelatedLocation, Review, Severity } from '../../core/model/types';

export const SOURCE = 'editorial-review';

/** Converts engine offsets into editor ranges for one text. */
export type RangeConverter = (range: OffsetRange) => vscode.Range;

export function documentRanges(doc: vscode.TextDocument): RangeConverter {
  return r => new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end));
}

export function textRanges(text: string): RangeConverter {
  const index = new LineIndex(text);
  return r => {
    const s = index.positionAt(r.start);
    const e = index.positionAt(r.end);
    return new vscode.Range(s.line, s.character, e.line, e.character);
  };
}

export function toVsSeverity(severity: Severity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'info':
      return vscode.DiagnosticSeverity.Information;
    default:
      return vscode.DiagnosticSeverity.Hint;
  }
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** The URI of another file of the workspace's collection, from its name in findings (collection/). */
export type PathResolver = (path: string) => vscode.Uri | undefined;

/** Where a related location points: this file, or (with `path`) its lines in another file of the collection. */
function relatedLocation(r: RelatedLocation, uri: vscode.Uri, toRange: RangeConverter, resolve?: PathResolver): vscode.Location | undefined {
  if (r.path === undefined) return new vscode.Location(uri, toRange(r.range));
  const other = resolve?.(r.path);
  if (!other || !r.lines) return undefined;
  return new vscode.Location(other, new vscode.Range(r.lines.start - 1, 0, r.lines.end, 0));
}

export function findingToDiagnostic(finding: Finding, uri: vscode.Uri, toRange: RangeConverter, docs: (rule: string) => vscode.Uri, resolve?: PathResolver): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(finding.range), finding.message, toVsSeverity(finding.severity));
  d.source = SOURCE;
  d.code = { value: finding.rule, target: docs(finding.rule) };
  if (finding.related && finding.related.length > 0) {
    const related: vscode.DiagnosticRelatedInformation[] = [];
    for (const r of finding.related) {
      const location = relatedLocation(r, uri, toRange, resolve);
      if (location) related.push(new vscode.DiagnosticRelatedInformation(location, r.message));
    }
    d.relatedInformation = related;
  }
  return d;
}

/** The rule id of one of our diagnostics, or undefined for anybody else's. */
export function ruleOfDiagnostic(d: vscode.Diagnostic): string | undefined {
  if (d.source !== SOURCE) return undefined;
  const code = d.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

/** What identifies one of our diagnostics (VS Code hands code actions copies, not our objects). */
function diagnosticKey(rule: string | undefined, range: vscode.Range, message: string): string {
  return `${rule}|${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}|${message}`;
}

/**
 * The one DiagnosticCollection of the extension, and a map from each published diagnostic to the
 * finding it shows, so that the code actions and hovers read the finding (and its typed `data`)
 * instead of finding it again.
 */
export class DiagnosticsPublisher implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(SOURCE);
  private readonly published = new Map<string, Map<string, Finding>>();
  /** Set by collection/ when a folder is open: related locations in other files. */
  resolvePath: PathResolver | undefined;

  constructor(private readonly docs: (rule: string) => vscode.Uri) {}

  set(uri: vscode.Uri, review: Review, toRange: RangeConverter): void {
    // VS Code keeps at most 1,000 problems per file: put the most severe first so that they stay.
    const findings = [...review.findings].sort(
      (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.range.start - b.range.start,
    );
    const map = new Map<string, Finding>();
    const diagnostics = findings.map(f => {
      const d = findingToDiagnostic(f, uri, toRange, this.docs, this.resolvePath);
      map.set(diagnosticKey(f.rule, d.range, d.message), f);
      return d;
    });
    this.published.set(uri.toString(), map);
    this.collection.set(uri, diagnostics);
  }

  /** The finding a diagnostic of ours shows (undefined for anybody else's or a stale one). */
  findingOf(uri: vscode.Uri, d: vscode.Diagnostic): Finding | undefined {
    return this.published.get(uri.toString())?.get(diagnosticKey(ruleOfDiagnostic(d), d.range, d.message));
  }

  delete(uri: vscode.Uri): void {
    this.published.delete(uri.toString());
    this.collection.delete(uri);
  }

  clear(): void {
    this.published.clear();
    this.collection.clear();
  }

  dispose(): void {
    this.collection.dispose();
  }
}
