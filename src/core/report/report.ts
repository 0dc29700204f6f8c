// Reports of reviews in several formats: text lines, JSON, SARIF 2.1.0 and Markdown.
// Pure: takes plain data ({path, text, review}) and returns strings or objects, so both the CLI and
// the extension's "Export Report" command can use it.
import { DOCS_URL, RULES, RULE_IDS, helpUri } from '../rules/registry';
import { LineIndex, hash32, normalizeForCompare } from '../text/text';
import { Article, ArticleMeta, Finding, OffsetRange, Review, RuleId, Severity } from '../model/types';
import { metaSummary } from '../segmentation/meta';
import type { Story } from '../collection/links';

/** One reviewed file. `path` is shown as given (the CLI passes it relative to the working folder). */
export interface FileReview {
  path: string;
  text: string;
  review: Review;
}

export interface ToolInfo {
  name: string;
  version: string;
}

export const DEFAULT_TOOL: ToolInfo = { name: 'editorial-review', version: '0.0.0' };

// ---- Positions -----------------------------------------------------------------------------

/** 1-based line and column; the column counts UTF-16 code units (the SARIF convention). */
export interface ReportPosition {
  line: number;
  column: number;
}

/** End exclusive. */
export interface ReportRange {
  start: ReportPosition;
  end: ReportPosition;
}

export function toReportPosition(index: LineIndex, offset: number): ReportPosition {
  const p = index.positionAt(offset);
  return { line: p.line + 1, column: p.character + 1 };
}

export function toReportRange(index: LineIndex, range: OffsetRange): ReportRange {
  return { start: toReportPosition(index, range.start), end: toReportPosition(index, range.end) };
}

/** Line indexes, built once per file review object. */
const indexCache = new WeakMap<FileReview, LineIndex>();
function lineIndexOf(file: FileReview): LineIndex {
  let index = indexCache.get(file);
  if (!index) {
    index = new LineIndex(file.text);
    indexCache.set(file, index);
  }
  return index;
}

/** The findings of a file in document order (by start, then end, then rule). */
function sortedFindings(review: Review): Finding[] {
  return [...review.findings].sort(
    (a, b) => a.range.start - b.range.start || a.range.end - b.range.end || RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule),
  );
}

/** One line of a message (messages may carry line breaks, e.g. a word diff). */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** A short excerpt of the text in a range, white space collapsed. */
export function excerpt(text: string, range: OffsetRange, max = 80): string {
  const raw = text.slice(range.start, Math.min(range.end, range.start + max * 4));
  const collapsed = raw.replace(/\s+/g, ' ').trim();
  if (collapsed.length <= max && range.end - range.start <= max * 4) return collapsed;
  let cut = collapsed.slice(0, max - 1);
  // Do not cut a surrogate pair in half.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

// ---- Summary -------------------------------------------------------------------------------

export interface ReportSummary {
  files: number;
  filesWithFindings: number;
  findings: number;
  byRule: Record<RuleId, number>;
  bySeverity: Record<Severity, number>;
  /** Rules that stopped at their per-file cap: how many were found and how many are shown. */
  truncated: { path: string; rule: RuleId; found: number; shown: number }[];
}

/** A summary of no files, to which `addToSummary` adds one file at a time (a report written file by file). */
export function emptySummary(): ReportSummary {
  const byRule = Object.fromEntries(RULE_IDS.map(id => [id, 0])) as Record<RuleId, number>;
  return { files: 0, filesWithFindings: 0, findings: 0, byRule, bySeverity: { error: 0, warning: 0, info: 0, hint: 0 }, truncated: [] };
}

export function addToSummary(summary: ReportSummary, file: FileReview): ReportSummary {
  const list = file.review.findings;
  summary.files++;
  if (list.length > 0) summary.filesWithFindings++;
  summary.findings += list.length;
  for (const f of list) {
    summary.byRule[f.rule] = (summary.byRule[f.rule] ?? 0) + 1;
    summary.bySeverity[f.severity] = (summary.bySeverity[f.severity] ?? 0) + 1;
  }
  summary.truncated.push(...truncatedRules(file));
  return summary;
}

/** Adds the totals `other` (of other files) to `summary`. */
export function addSummaries(summary: ReportSummary, other: ReportSummary): ReportSummary {
  summary.files += other.files;
  summary.filesWithFindings += other.filesWithFindings;
  summary.findings += other.findings;
  for (const [id, n] of Object.entries(other.byRule) as [RuleId, number][]) summary.byRule[id] = (summary.byRule[id] ?? 0) + n;
  for (const [level, n] of Object.entries(other.bySeverity) as [Severity, number][]) summary.bySeverity[level] = (summary.bySeverity[level] ?? 0) + n;
  summary.truncated.push(...other.truncated);
  return summary;
}

/** The rules of a file that stopped at their cap: how many were found and how many are shown. */
function truncatedRules(file: FileReview): ReportSummary['truncated'] {
  const found: ReportSummary['truncated'] = [];
  for (const id of RULE_IDS) {
    const count = file.review.stats?.truncated?.[id];
    if (count !== undefined) {
      found.push({ path: file.path, rule: id, found: count, shown: file.review.findings.filter(f => f.rule === id).length });
    }
  }
  return found;
}

export function summarize(files: readonly FileReview[]): ReportSummary {
  const summary = emptySummary();
  for (const file of files) addToSummary(summary, file);
  return summary;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function ruleCounts(summary: ReportSummary): string {
  return RULE_IDS.filter(id => summary.byRule[id] > 0)
    .map(id => `${id} ${summary.byRule[id]}`)
    .join(', ');
}

// ---- Text ----------------------------------------------------------------------------------

/** One line per finding of a file: `file:line:column: severity rule message`, in document order. */
export function textFindingLines(file: FileReview): string[] {
  const index = lineIndexOf(file);
  return sortedFindings(file.review).map(f => {
    const p = toReportPosition(index, f.range.start);
    return `${file.path}:${p.line}:${p.column}: ${f.severity} ${f.rule} ${oneLine(f.message)}`;
  });
}

/** The summary after the findings: counts by rule and files, and any per-file caps reached. */
export function textSummaryLines(s: ReportSummary): string[] {
  const lines: string[] = [];
  if (s.findings === 0) {
    lines.push(`No findings in ${plural(s.files, 'file')}.`);
  } else {
    lines.push(
      `${plural(s.findings, 'finding')} (${ruleCounts(s)}) in ${s.filesWithFindings} of ${plural(s.files, 'file')}.`,
    );
  }
  for (const t of s.truncated) {
    lines.push(`${t.path}: ${t.rule} stopped at ${t.shown} of ${t.found} findings (maxFindingsPerRule).`);
  }
  return lines;
}

// ---- JSON ----------------------------------------------------------------------------------

export interface JsonReport {
  tool: ToolInfo;
  files: JsonFile[];
}

export interface JsonFile {
  path: string;
  articles: JsonArticle[];
  findings: JsonFinding[];
}

/**
 * An article. `duplicateOf` is the number of the earlier article of the same file that it copies,
 * or `{ path, index }` naming an article of an earlier file (`path` as in `files[].path`);
 * `nearDuplicateOf` marks an updated version the same way, with its similarity.
 */
export interface JsonArticle {
  index: number;
  title: string;
  range: ReportRange;
  duplicateOf: number | { path: string; index: number } | null;
  nearDuplicateOf?: number | { path: string; index: number; similarity: number } | { index: number; similarity: number };
  meta: ArticleMeta;
}

export interface JsonFinding {
  rule: RuleId;
  severity: Severity;
  message: string;
  range: ReportRange;
  /** `path` is set when the location is in another file (its range then counts lines only: columns 1). */
  related: { message: string; range: ReportRange; path?: string }[];
  fixes: { title: string; edits: { range: ReportRange; newText: string }[] }[];
  /** The rule's facts (see each rule's data type); offsets in it are UTF-16 offsets into the file. */
  data: Finding['data'];
}

/** A range in another file, known by its lines only (the report has no text of that file). */
function otherFileRange(lines: { start: number; end: number } | undefined): ReportRange {
  const start = lines?.start ?? 1;
  return { start: { line: start, column: 1 }, end: { line: (lines?.end ?? start) + 1, column: 1 } };
}

/**
 * One file of the JSON report, made by loops and module-level functions, not callbacks: a folder's
 * report is made file by file (ARCHITECTURE.md: no inline callbacks in per-file code).
 */
export function toJsonFile(file: FileReview): JsonFile {
  const index = lineIndexOf(file);
  // Arrays made at their length, here and below (one grown by push keeps room for more: a large
  // dump's report holds hundreds of thousands of them at once).
  const articles = new Array<JsonArticle>(file.review.articles.length);
  for (let i = 0; i < articles.length; i++) articles[i] = jsonArticle(file.review.articles[i], index);
  const sorted = sortedFindings(file.review);
  const findings = new Array<JsonFinding>(sorted.length);
  for (let i = 0; i < findings.length; i++) findings[i] = jsonFinding(sorted[i], index);
  return { path: file.path, articles, findings };
}

function jsonArticle(a: Article, index: LineIndex): JsonArticle {
  const article: JsonArticle = {
    index: a.index,
    title: a.title,
    range: toReportRange(index, a.range),
    duplicateOf: a.duplicateOfFile ? { path: a.duplicateOfFile.path, index: a.duplicateOfFile.index } : (a.duplicateOf ?? null),
    meta: a.meta ?? {},
  };
  const near = a.nearDuplicateOf;
  if (near) article.nearDuplicateOf = near.path !== undefined ? { path: near.path, index: near.index, similarity: near.similarity } : { index: near.index, similarity: near.similarity };
  return article;
}

function jsonFinding(f: Finding, index: LineIndex): JsonFinding {
  const relatedIn = f.related ?? [];
  const related: JsonFinding['related'] = new Array(relatedIn.length);
  for (let i = 0; i < related.length; i++) {
    const r = relatedIn[i];
    related[i] = r.path !== undefined ? { message: r.message, range: otherFileRange(r.lines), path: r.path } : { message: r.message, range: toReportRange(index, r.range) };
  }
  const fixesIn = f.fixes ?? [];
  const fixes: JsonFinding['fixes'] = new Array(fixesIn.length);
  for (let i = 0; i < fixes.length; i++) {
    const fix = fixesIn[i];
    const edits: JsonFinding['fixes'][number]['edits'] = new Array(fix.edits.length);
    for (let k = 0; k < edits.length; k++) edits[k] = { range: toReportRange(index, fix.edits[k].range), newText: fix.edits[k].newText };
    fixes[i] = { title: fix.title, edits };
  }
  return { rule: f.rule, severity: f.severity, message: f.message, range: toReportRange(index, f.range), related, fixes, data: f.data };
}

export function toJsonReport(files: readonly FileReview[], tool: ToolInfo = DEFAULT_TOOL): JsonReport {
  return { tool: { name: tool.name, version: tool.version }, files: files.map(toJsonFile) };
}

// ---- SARIF 2.1.0 ---------------------------------------------------------------------------

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface SarifPhysicalLocation {
  artifactLocation: { uri: string; index?: number };
  region: SarifRegion | { startLine: number; endLine: number };
}

function otherFileLocation(path: string, lines: { start: number; end: number } | undefined): SarifPhysicalLocation {
  const start = lines?.start ?? 1;
  return { artifactLocation: { uri: toSarifUri(path) }, region: { startLine: start, endLine: lines?.end ?? start } };
}

export interface SarifResult {
  ruleId: RuleId;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: { physicalLocation: SarifPhysicalLocation }[];
  relatedLocations?: { id: number; message: { text: string }; physicalLocation: SarifPhysicalLocation }[];
  partialFingerprints: Record<string, string>;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        semanticVersion: string;
        informationUri: string;
        rules: {
          id: RuleId;
          name: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          helpUri: string;
          help: { text: string };
          defaultConfiguration: { level: SarifLevel };
          properties: { tags: string[] };
        }[];
      };
    };
    columnKind: 'utf16CodeUnits';
    results: SarifResult[];
    artifacts: { location: { uri: string }; sourceLanguage: string }[];
  }[];
}

/**
 * A path as a URI reference for SARIF: forward slashes, each segment percent-encoded; relative
 * paths stay relative (what GitHub code scanning maps to the repository), absolute ones become
 * `file:` URIs.
 */
export function toSarifUri(filePath: string): string {
  const slashed = filePath.replace(/\\/g, '/');
  const encode = (p: string) => p.split('/').map(seg => encodeURIComponent(seg)).join('/');
  const drive = /^([A-Za-z]):\//.exec(slashed);
  if (drive) return `file:///${drive[1]}:/${encode(slashed.slice(3))}`;
  if (slashed.startsWith('/')) return `file://${encode(slashed)}`;
  return encode(slashed.replace(/^(\.\/)+/, ''));
}

function sarifRegion(index: LineIndex, range: OffsetRange): SarifRegion {
  const r = toReportRange(index, range);
  return { startLine: r.start.line, startColumn: r.start.column, endLine: r.end.line, endColumn: r.end.column };
}

export type SarifDriver = SarifLog['runs'][number]['tool']['driver'];
export type SarifArtifact = SarifLog['runs'][number]['artifacts'][number];

/** The tool and its rules, as SARIF describes them. */
export function sarifDriver(tool: ToolInfo): SarifDriver {
  return {
    name: tool.name,
    version: tool.version,
    semanticVersion: tool.version,
    informationUri: DOCS_URL,
    rules: RULES.map(r => ({
      id: r.id,
      name: r.name,
      shortDescription: { text: r.shortDescription },
      fullDescription: { text: r.fullDescription },
      helpUri: helpUri(r),
      help: { text: `${r.fullDescription} See ${helpUri(r)}` },
      defaultConfiguration: { level: sarifLevel(r.defaultSeverity) },
      properties: { tags: ['editorial', r.id] },
    })),
  };
}

export function sarifArtifact(file: { path: string }): SarifArtifact {
  return { location: { uri: toSarifUri(file.path) }, sourceLanguage: 'plaintext' };
}

/** The results of one file, which is artifact number `artifactIndex` of the log. */
export function sarifResults(file: FileReview, artifactIndex: number): SarifResult[] {
  const index = lineIndexOf(file);
  const uri = toSarifUri(file.path);
  const location = (range: OffsetRange): SarifPhysicalLocation => ({
    artifactLocation: { uri, index: artifactIndex },
    region: sarifRegion(index, range),
  });
  // Fingerprints stay stable when text moves: rule + normalised text + occurrence number.
  const seen = new Map<string, number>();
  return sortedFindings(file.review).map(f => {
    const key = `${f.rule}\u0000${normalizeForCompare(file.text.slice(f.range.start, Math.min(f.range.end, f.range.start + 2000)))}`;
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    const result: SarifResult = {
      ruleId: f.rule,
      ruleIndex: RULE_IDS.indexOf(f.rule),
      level: sarifLevel(f.severity),
      message: { text: f.message },
      locations: [{ physicalLocation: location(f.range) }],
      partialFingerprints: { 'editorialReview/v1': `${hash32(key).toString(16).padStart(8, '0')}:${occurrence}` },
    };
    if (f.related && f.related.length > 0) {
      result.relatedLocations = f.related.map((r, i) => ({
        id: i + 1,
        message: { text: r.message },
        // In another file of the collection: its URI and lines (no index: it is an earlier artifact).
        physicalLocation: r.path !== undefined ? otherFileLocation(r.path, r.lines) : location(r.range),
      }));
    }
    return result;
  });
}

/**
 * The whole log. Results come before the artifacts they point to (a log written file by file
 * learns its artifacts as it goes).
 */
export function toSarif(files: readonly FileReview[], tool: ToolInfo = DEFAULT_TOOL): SarifLog {
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: sarifDriver(tool) },
        columnKind: 'utf16CodeUnits',
        results: files.flatMap((file, i) => sarifResults(file, i)),
        artifacts: files.map(sarifArtifact),
      },
    ],
  };
}

// ---- Markdown ------------------------------------------------------------------------------

/** Text made safe for a Markdown table cell or paragraph. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/([\\`*_[\]{}#|!~])/g, '\\$1')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A file name as inline code, with enough backticks around it. */
function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(m => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/[\r\n]+/g, ' ')}${pad}${fence}`;
}

function lineSpan(index: LineIndex, range: OffsetRange): string {
  const r = toReportRange(index, range);
  // A range that ends at the start of a line (after a line break) ends on the line before.
  const endLine = r.end.column === 1 && r.end.line > r.start.line ? r.end.line - 1 : r.end.line;
  return endLine === r.start.line ? `${r.start.line}` : `${r.start.line}–${endLine}`;
}

/** The top of a Markdown report (`isReportText` recognises it): what reviewed how many files. */
export function markdownHead(fileCount: number, tool: ToolInfo): string[] {
  return ['# Editorial review', '', `${plural(fileCount, 'file')} reviewed by ${escapeMarkdown(tool.name)} ${escapeMarkdown(tool.version)}.`, ''];
}

/** One file's section: its articles, then its findings grouped by rule, then the caps it reached. */
export function markdownFile(file: FileReview): string[] {
  const out: string[] = [];
  const index = lineIndexOf(file);
  const { articles } = file.review;
  const findings = sortedFindings(file.review);
  out.push(`## ${inlineCode(file.path)}`, '');
  out.push(`${plural(articles.length, 'article')}, ${plural(findings.length, 'finding')}.`, '');

  if (articles.length > 0) {
    out.push('### Articles', '', '| # | Title | Dateline · byline · source · date | Lines | Repeats |', '|---:|---|---|---|---|');
    for (const a of articles) {
      const title = a.title.trim() ? escapeMarkdown(excerpt(a.title, { start: 0, end: a.title.length }, 100)) : '*(untitled)*';
      const meta = escapeMarkdown(a.meta ? metaSummary(a.meta) : '');
      out.push(`| ${a.index} | ${title} | ${meta} | ${lineSpan(index, a.range)} | ${a.duplicateOf ? `article ${a.duplicateOf}` : ''} |`);
    }
    out.push('');
  }

  if (findings.length > 0) {
    out.push('### Findings', '');
    for (const r of RULES) {
      const list = findings.filter(f => f.rule === r.id);
      if (list.length === 0) continue;
      out.push(`#### [${escapeMarkdown(r.title)}](${helpUri(r)}) (${list.length})`, '');
      out.push(`${escapeMarkdown(r.shortDescription)}`, '');
      out.push('| Line | Severity | Text | Message |', '|---:|---|---|---|');
      for (const f of list) {
        const p = toReportPosition(index, f.range.start);
        out.push(
          `| ${lineSpan(index, f.range)} (col ${p.column}) | ${f.severity} | ${escapeMarkdown(excerpt(file.text, f.range))} | ${escapeMarkdown(oneLine(f.message))} |`,
        );
      }
      out.push('');
    }
  }
  for (const t of truncatedRules(file)) {
    out.push(`> ${escapeMarkdown(t.rule)} stopped at ${t.shown} of ${t.found} findings in this file (maxFindingsPerRule).`, '');
  }
  return out;
}

/** The stories found in several files of a collection: each title, then every file and article it is in. */
export function markdownStories(stories: readonly Story[]): string[] {
  if (stories.length === 0) return [];
  const out: string[] = ['## Stories in several files', ''];
  for (const story of stories) {
    out.push(`- ${escapeMarkdown(excerpt(story.title, { start: 0, end: story.title.length }, 100)) || '*(untitled)*'}`);
    for (const o of story.occurrences) {
      const what = o.kind === 'original' ? 'first' : o.kind === 'exact' ? 'copy' : 'updated version';
      out.push(`  - ${inlineCode(o.path)} article ${o.index}, line ${o.startLine} (${what})`);
    }
  }
  out.push('');
  return out;
}

/** The end of a Markdown report: the totals, by rule. */
export function markdownSummary(s: ReportSummary): string[] {
  const out: string[] = ['## Summary', ''];
  const counts = s.findings === 0 ? 'No findings' : `${plural(s.findings, 'finding')} (${ruleCounts(s)}) in ${s.filesWithFindings}`;
  out.push(`${counts} of ${plural(s.files, 'file')} reviewed.`, '');
  if (s.findings > 0) {
    out.push('| Rule | Findings |', '|---|---:|');
    for (const r of RULES) {
      if (s.byRule[r.id] > 0) out.push(`| [${escapeMarkdown(r.title)}](${helpUri(r)}) | ${s.byRule[r.id]} |`);
    }
    out.push('');
  }
  return out;
}
