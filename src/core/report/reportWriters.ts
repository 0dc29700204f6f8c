// Reports written file by file: each format is a writer that gives the text before the first file,
// one piece per file as its results come, and the text after the last. A folder review writes each
// piece as soon as the file is done and keeps none of it, so a report of any size holds at most
// one file's results in memory; the whole-report functions (formatJson, …) are the same writers
// run over a list, so that both give the same bytes.
//
// A file's part is made by `filePart`, which needs nothing but the file (a worker thread makes it
// where the review is), and the writer joins the parts in order (`add`): separators, the artifact
// list, totals. `file(f)` is `add(filePart(f))`, so both ways give the same bytes.
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
  addSummaries,
  addToSummary,
  emptySummary,
  markdownFile,
  markdownHead,
  markdownStories,
  markdownSummary,
  SarifArtifact,
  sarifArtifact,
  sarifDriver,
  sarifResults,
  textFindingLines,
  textSummaryLines,
  toJsonFile,
} from './report';
import { prettyJsonBytes, prettyJsonLines } from './prettyJson';
import type { Story } from '../collection/links';

export type ReportFormat = 'text' | 'json' | 'sarif' | 'markdown';

/**
 * One file's part of a report, made without the writer (`filePart`): plain data, so that it can
 * be made on a worker thread and joined on the main one.
 */
export interface FilePart {
  format: ReportFormat;
  /**
   * The file's text in the report, `count` elements: JSON the file's element; SARIF its results,
   * separated by commas; Markdown its section; text one line per finding. JSON and SARIF are
   * written as UTF-8 at once (`prettyJson.ts`); the others are once `encodePart` has made them so
   * (a worker thread encodes them, the main thread only writes them).
   */
  body: string | Uint8Array;
  count: number;
  /** The file's own totals (the text and Markdown reports end with the sum). */
  summary: ReportSummary;
  /** SARIF: the file's artifact entry, which the log lists after the results. */
  artifact?: SarifArtifact;
}

export interface ReportWriter {
  /** The text before the first file; `fileCount` is how many files the review is about to report. */
  begin(fileCount: number): string;
  /** One file's part of the report, and what comes before it. */
  file(file: FileReview): ReportChunk[];
  /**
   * A part made by `filePart` for this writer's format, joined in the report's order. A SARIF part
   * must have been made with `artifactIndex` = the number of files added before it (`added`).
   */
  add(part: FilePart): ReportChunk[];
  /**
   * A file that was reviewed but whose part could not be made (an internal error, said elsewhere):
   * it keeps its number, so the SARIF log still lists it as an artifact, without results.
   */
  unreported(path: string): string;
  /** How many files have been added so far (`add` and `unreported`). */
  readonly added: number;
  /** The text after the last file; `stories`: those of a collection (the Markdown report lists them). */
  end(stories?: readonly Story[]): string;
}

/** A piece of a report as written: text, or text already encoded as UTF-8. */
export type ReportChunk = string | Uint8Array;

// A BOM is text like any other here, never a marker to drop.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** A piece of a report as text. */
export function chunkText(chunk: ReportChunk): string {
  return typeof chunk === 'string' ? chunk : utf8.decode(chunk);
}

export interface ReportWriterOptions {
  tool?: ToolInfo;
  /** Text format: the totals after the findings (default true). */
  summary?: boolean;
}

/** The report's small pieces (its head, SARIF's artifacts) as text: `prettyJsonBytes`, as a file's part is written. */
function nested(value: unknown, depth: number): string {
  return chunkText(prettyJsonBytes(value, depth));
}

/**
 * A writer of a JSON array's elements (each already `nested` at the array's depth): `[` is written
 * by the caller, the commas before and between elements here.
 */
function elements(depth: number) {
  let count = 0;
  return {
    /** What comes before `n` more elements (themselves separated by commas): nothing when `n` is 0. */
    before(n: number): string {
      if (n === 0) return '';
      const lead = count === 0 ? '\n' : ',\n';
      count += n;
      return lead;
    },
    next(element: string): string {
      return `${this.before(1)}${element}`;
    },
    /** The array's closing bracket, on its own line unless the array is empty. */
    close(): string {
      return count === 0 ? ']' : `\n${'  '.repeat(depth - 1)}]`;
    },
  };
}

/** Depth of a file's element in the JSON report, and of a result in the SARIF log. */
const JSON_FILE_DEPTH = 2;
const SARIF_RESULT_DEPTH = 4;

/** The file's totals alone. */
function ownSummary(file: FileReview): ReportSummary {
  return addToSummary(emptySummary(), file);
}

/**
 * One file's part of a report in `format`, made from the file alone. `artifactIndex` (SARIF): the
 * file's number among the files of the log, counted from 0.
 */
export function filePart(format: ReportFormat, file: FileReview, artifactIndex = 0): FilePart {
  const summary = ownSummary(file);
  switch (format) {
    case 'json':
      return { format, body: prettyJsonBytes(toJsonFile(file), JSON_FILE_DEPTH), count: 1, summary };
    case 'sarif': {
      const results = sarifResults(file, artifactIndex);
      const body = prettyJsonLines(results, SARIF_RESULT_DEPTH);
      return { format, body, count: results.length, summary, artifact: sarifArtifact(file) };
    }
    case 'markdown':
      return { format, body: `${markdownFile(file).join('\n')}\n`, count: 1, summary };
    default: {
      const lines = textFindingLines(file);
      return { format, body: lines.map(line => `${line}\n`).join(''), count: lines.length, summary };
    }
  }
}

/** The part with its text encoded as UTF-8 (in a buffer of its own, which can be moved to another thread). */
export function encodePart(part: FilePart): FilePart {
  return typeof part.body === 'string' ? { ...part, body: new TextEncoder().encode(part.body) } : part;
}

/** What every writer does with a part: the format checked, the files and their totals counted; `join` gives its text. */
abstract class PartWriter implements ReportWriter {
  protected readonly summary: ReportSummary = emptySummary();
  added = 0;

  constructor(private readonly format: ReportFormat) {}

  abstract begin(fileCount: number): string;
  abstract end(stories?: readonly Story[]): string;
  /** The part's text in the report, and what comes before it. */
  protected abstract join(part: FilePart): ReportChunk[];

  file(file: FileReview): ReportChunk[] {
    return this.add(filePart(this.format, file, this.added));
  }

  add(part: FilePart): ReportChunk[] {
    if (part.format !== this.format) throw new Error(`a ${part.format} part given to a ${this.format} report`);
    this.added++;
    addSummaries(this.summary, part.summary);
    return this.join(part);
  }

  unreported(_path: string): string {
    this.added++;
    return '';
  }
}

class JsonWriter extends PartWriter {
  private readonly files = elements(JSON_FILE_DEPTH);

  constructor(private readonly tool: ToolInfo) {
    super('json');
  }

  begin(): string {
    return `{\n  "tool": ${nested({ name: this.tool.name, version: this.tool.version }, 1).trimStart()},\n  "files": [`;
  }

  protected join(part: FilePart): ReportChunk[] {
    return [this.files.before(part.count), part.body];
  }

  end(): string {
    return `${this.files.close()}\n}\n`;
  }
}

class SarifWriter extends PartWriter {
  private readonly results = elements(SARIF_RESULT_DEPTH);
  /** Only the artifact entries are kept until the end: a path each. */
  private readonly artifacts: SarifArtifact[] = [];

  constructor(private readonly tool: ToolInfo) {
    super('sarif');
  }

  begin(): string {
    return (
      `{\n  "$schema": ${JSON.stringify(SARIF_SCHEMA)},\n  "version": "2.1.0",\n  "runs": [\n    {\n` +
      `      "tool": {\n        "driver": ${nested(sarifDriver(this.tool), 4).trimStart()}\n      },\n` +
      `      "columnKind": "utf16CodeUnits",\n      "results": [`
    );
  }

  unreported(path: string): string {
    this.artifacts.push(sarifArtifact({ path }));
    return super.unreported(path);
  }

  protected join(part: FilePart): ReportChunk[] {
    this.artifacts.push(part.artifact as SarifArtifact);
    return [this.results.before(part.count), part.body];
  }

  end(): string {
    const list = elements(4);
    const body = this.artifacts.map(a => list.next(nested(a, 4))).join('');
    return `${this.results.close()},\n      "artifacts": [${body}${list.close()}\n    }\n  ]\n}\n`;
  }
}

class MarkdownWriter extends PartWriter {
  constructor(private readonly tool: ToolInfo) {
    super('markdown');
  }

  begin(count: number): string {
    return `${markdownHead(count, this.tool).join('\n')}\n`;
  }

  protected join(part: FilePart): ReportChunk[] {
    return [part.body];
  }

  end(stories?: readonly Story[]): string {
    return `${[...markdownStories(stories ?? []), ...markdownSummary(this.summary)].join('\n').trimEnd()}\n`;
  }
}

class TextWriter extends PartWriter {
  constructor(private readonly withSummary: boolean) {
    super('text');
  }

  begin(): string {
    return '';
  }

  protected join(part: FilePart): ReportChunk[] {
    return [part.body];
  }

  end(): string {
    if (!this.withSummary) return '';
    // One line per finding came before the totals.
    return `${this.summary.findings > 0 ? '\n' : ''}${textSummaryLines(this.summary).join('\n')}\n`;
  }
}

export function reportWriter(format: ReportFormat, options: ReportWriterOptions = {}): ReportWriter {
  const tool = options.tool ?? DEFAULT_TOOL;
  switch (format) {
    case 'json':
      return new JsonWriter(tool);
    case 'sarif':
      return new SarifWriter(tool);
    case 'markdown':
      return new MarkdownWriter(tool);
    default:
      return new TextWriter(options.summary !== false);
  }
}

/** A whole report of a list of files (the same bytes as writing it file by file). */
export function formatReport(format: ReportFormat, files: readonly FileReview[], options: ReportWriterOptions = {}): string {
  const writer = reportWriter(format, options);
  let out = writer.begin(files.length);
  for (const file of files) for (const chunk of writer.file(file)) out += chunkText(chunk);
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
