// Reports written file by file: each format is a writer that gives the text before the first file,
// one piece per file as its results come, and the text after the last. A folder review writes each
// piece as soon as the file is done and keeps none of it, so a report of any size holds at most
// one file's results in memory; the whole-report functions (formatJson, …) are the same writers
// run over a list, so that both give the same bytes.
//
// JSON keeps one document ({ tool, files: [...] }): a reader that needs one file at a time can
// stream it array element by array element. SARIF lists its results first and its artifacts (the
// files, known as they come) after them. Markdown and text put their totals at the end.
import {
  FileReview,
  ReportSummary,
  SARIF_SCHEMA,
  ToolInfo,
  DEFAULT_TOOL,
  addToSummary,
  emptySummary,
  markdownFile,
  markdownHead,
  markdownStories,
  markdownSummary,
  sarifArtifact,
  sarifDriver,
  sarifResults,
  textFindingLines,
  textSummaryLines,
  toJsonFile,
} from './report';
import type { Story } from '../collection/links';

export type ReportFormat = 'text' | 'json' | 'sarif' | 'markdown';

export interface ReportWriter {
  /** The text before the first file; `fileCount` is how many files the review is about to report. */
  begin(fileCount: number): string;
  /** One file's part of the report. */
  file(file: FileReview): string;
  /** The text after the last file; `stories`: those of a collection (the Markdown report lists them). */
  end(stories?: readonly Story[]): string;
}

export interface ReportWriterOptions {
  tool?: ToolInfo;
  /** Text format: the totals after the findings (default true). */
  summary?: boolean;
}

/**
 * `JSON.stringify(value, null, 2)` as it appears `depth` levels inside a larger document: the
 * value stringified inside that many arrays, then cut out (one pass over a large file's results,
 * not a second one to indent them).
 */
function nested(value: unknown, depth: number): string {
  let wrapped: unknown = value;
  for (let d = 0; d < depth; d++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Each array k levels deep adds "[" and a line break before the value (after k indentations),
  // and a line break, k indentations and "]" after it: d(d + 1) characters on each side.
  const cut = depth * (depth + 1);
  return text.slice(cut, text.length - cut);
}

/** A writer of JSON arrays' elements: `[` is written by the caller, commas between elements here. */
function elements(depth: number) {
  let count = 0;
  return {
    next(value: unknown): string {
      return `${count++ === 0 ? '\n' : ',\n'}${nested(value, depth)}`;
    },
    /** The array's closing bracket, on its own line unless the array is empty. */
    close(): string {
      return count === 0 ? ']' : `\n${'  '.repeat(depth - 1)}]`;
    },
  };
}

function jsonWriter(tool: ToolInfo): ReportWriter {
  const files = elements(2);
  return {
    begin: () => `{\n  "tool": ${nested({ name: tool.name, version: tool.version }, 1).trimStart()},\n  "files": [`,
    file: file => files.next(toJsonFile(file)),
    end: () => `${files.close()}\n}\n`,
  };
}

function sarifWriter(tool: ToolInfo): ReportWriter {
  const results = elements(4);
  const artifacts: unknown[] = [];
  return {
    begin: () =>
      `{\n  "$schema": ${JSON.stringify(SARIF_SCHEMA)},\n  "version": "2.1.0",\n  "runs": [\n    {\n` +
      `      "tool": {\n        "driver": ${nested(sarifDriver(tool), 4).trimStart()}\n      },\n` +
      `      "columnKind": "utf16CodeUnits",\n      "results": [`,
    file: file => {
      // Only the artifact entries are kept until the end: a path each.
      artifacts.push(sarifArtifact(file));
      return sarifResults(file, artifacts.length - 1)
        .map(result => results.next(result))
        .join('');
    },
    end: () => {
      const list = elements(4);
      const body = artifacts.map(a => list.next(a)).join('');
      return `${results.close()},\n      "artifacts": [${body}${list.close()}\n    }\n  ]\n}\n`;
    },
  };
}

function markdownWriter(tool: ToolInfo): ReportWriter {
  const summary: ReportSummary = emptySummary();
  return {
    begin: count => `${markdownHead(count, tool).join('\n')}\n`,
    file: file => {
      addToSummary(summary, file);
      return `${markdownFile(file).join('\n')}\n`;
    },
    end: stories => `${[...markdownStories(stories ?? []), ...markdownSummary(summary)].join('\n').trimEnd()}\n`,
  };
}

function textWriter(withSummary: boolean): ReportWriter {
  const summary: ReportSummary = emptySummary();
  let lines = 0;
  return {
    begin: () => '',
    file: file => {
      addToSummary(summary, file);
      const found = textFindingLines(file);
      lines += found.length;
      return found.map(line => `${line}\n`).join('');
    },
    end: () => {
      if (!withSummary) return '';
      return `${lines > 0 ? '\n' : ''}${textSummaryLines(summary).join('\n')}\n`;
    },
  };
}

export function reportWriter(format: ReportFormat, options: ReportWriterOptions = {}): ReportWriter {
  const tool = options.tool ?? DEFAULT_TOOL;
  switch (format) {
    case 'json':
      return jsonWriter(tool);
    case 'sarif':
      return sarifWriter(tool);
    case 'markdown':
      return markdownWriter(tool);
    default:
      return textWriter(options.summary !== false);
  }
}

/** A whole report of a list of files (the same bytes as writing it file by file). */
export function formatReport(format: ReportFormat, files: readonly FileReview[], options: ReportWriterOptions = {}): string {
  const writer = reportWriter(format, options);
  let out = writer.begin(files.length);
  for (const file of files) out += writer.file(file);
  return out + writer.end();
}

export function formatJson(files: readonly FileReview[], tool: ToolInfo = DEFAULT_TOOL): string {
  return formatReport('json', files, { tool });
}

export function formatSarif(files: readonly FileReview[], tool: ToolInfo = DEFAULT_TOOL): string {
  return formatReport('sarif', files, { tool });
}

export function toMarkdown(files: readonly FileReview[], tool: ToolInfo = DEFAULT_TOOL): string {
  return formatReport('markdown', files, { tool });
}

export function formatText(files: readonly FileReview[], options: { summary?: boolean } = {}): string {
  return formatReport('text', files, options);
}
