// The on-disk index of a folder review (`--index FILE`): an embedded DuckDB database (no server)
// holding, per file, its path, size, modification time and content hash with the options it was
// reviewed under, its stored results (its review and fingerprint, so that an unchanged file is not
// reviewed again; its cross-file links with the chain key they hold under, linkChain.ts, so that
// they are not computed again either), and its fingerprints as rows — articles, paragraphs (exact
// hash) and MinHash band keys — which `exportParquet` writes as Parquet for an engine past one
// machine (Spark SQL joins them with sql/cross_file_copies.sql).
//
// `@duckdb/node-api` is an optional dependency, loaded only here and only when an index is asked
// for: the plain review never loads it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileFingerprint, SKETCHED, FINGERPRINT_VERSION } from '../../core/collection/fingerprint';
import { decodeIndex, encodeIndex } from '../../core/collection/fingerprintCodec';
import { naturalSortKey } from '../../core/collection/order';
import { BANDS } from '../../core/text/minhash';
import type { Review } from '../../core/model/types';

/** Bumped when the tables change: an index of another version is rebuilt. */
export const INDEX_SCHEMA_VERSION = 2;

/** Where a DuckDB database file says what it is: "DUCK" after the header's 8-byte checksum. */
const MAGIC_AT = 8;
const MAGIC = 'DUCK';

/**
 * Why `file` cannot be an index (it exists, holds something, and is not a DuckDB database: a
 * report, a Parquet or JSON file given by mistake), or undefined. Said before DuckDB opens it:
 * DuckDB would refuse some such files and open others as data to query (a `.json` or `.csv` one).
 */
function notADatabase(file: string): string | undefined {
  let fd: number | undefined;
  try {
    if (!fs.statSync(file).isFile()) return undefined;
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(MAGIC_AT + MAGIC.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    if (read === 0) return undefined;
    return head.toString('latin1', MAGIC_AT, MAGIC_AT + MAGIC.length) === MAGIC ? undefined : notADatabaseMessage(file);
  } catch {
    // Missing (it is made) or unreadable (DuckDB says why).
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function notADatabaseMessage(file: string): string {
  return `${file} is not an index of this tool (not a DuckDB database); it was left as it was: give a new file name, or the path of an index made by --index`;
}

/** The database client could not be loaded (the optional dependency is missing): said, exit 2. */
export class IndexUnavailable extends Error {}

/** What an unchanged file must still match to be taken from the index. */
export interface StoredStamp {
  size: number;
  mtimeMs: number;
  optionsKey: string;
}

/** A file's cross-file links as JSON, with the chain key they were computed under (linkChain.ts). */
export interface StoredLinks {
  key: string;
  json: string;
}

export interface StoredFile {
  review: Review;
  fingerprint: FileFingerprint;
  contentHash: number;
  links?: StoredLinks;
}

// The few parts of the client this module uses (typed here: the package is optional).
interface Reader {
  getRowObjectsJson(): Record<string, unknown>[];
  /** Values as the client gives them: strings, numbers, null, and a BLOB as an object with its `bytes`. */
  getRowObjects(): Record<string, unknown>[];
}
interface Appender {
  appendVarchar(v: string): void;
  appendDouble(v: number): void;
  appendInteger(v: number): void;
  appendUInteger(v: number): void;
  appendNull(): void;
  appendBlob(v: Uint8Array): void;
  endRow(): void;
  closeSync(): void;
}
interface Prepared {
  bindVarchar(i: number, v: string): void;
  run(): Promise<unknown>;
  runAndReadAll(): Promise<Reader>;
}
interface Connection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<Reader>;
  prepare(sql: string): Promise<Prepared>;
  createAppender(table: string): Promise<Appender>;
  closeSync(): void;
}
interface Instance {
  connect(): Promise<Connection>;
  closeSync(): void;
}

function loadClient(): { create(file: string): Promise<Instance> } {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const api = require('@duckdb/node-api') as { DuckDBInstance: { create(file: string): Promise<Instance> } };
    return { create: file => api.DuckDBInstance.create(file) };
  } catch (e) {
    throw new IndexUnavailable(
      `the on-disk index needs the optional package @duckdb/node-api, which is not installed (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); ` +
        'install it with `npm install @duckdb/node-api`, or run without --index and --export-parquet',
    );
  }
}

const TABLES = ['files', 'articles', 'paragraphs', 'bands'] as const;

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)`,
  // sort_key: the path in natural order (digit runs padded), so that ORDER BY sort_key is the collection's order.
  `CREATE TABLE IF NOT EXISTS files (path VARCHAR PRIMARY KEY, sort_key VARCHAR, size DOUBLE, mtime_ms DOUBLE, content_hash DOUBLE, options_key VARCHAR, fingerprint_version INTEGER, review VARCHAR, fingerprint BLOB, links_key VARCHAR, links VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS articles (path VARCHAR, article INTEGER, title VARCHAR, title_hash DOUBLE, start_line INTEGER, end_line INTEGER, first_paragraph INTEGER, paragraph_count INTEGER, words INTEGER)`,
  `CREATE TABLE IF NOT EXISTS paragraphs (path VARCHAR, paragraph INTEGER, article INTEGER, hash DOUBLE, words INTEGER, flags INTEGER, start_line INTEGER, end_line INTEGER)`,
  `CREATE TABLE IF NOT EXISTS bands (path VARCHAR, paragraph INTEGER, band INTEGER, band_key UINTEGER)`,
];

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Rows appended are written to the database (the appenders closed) once about this many bytes wait
 * (stored results and rows), and before any other statement. Closing an appender writes its rows at a cost of
 * its own: closed after every file (2,000 closes for a 100 MB folder of 500 dumps), they took 74 s
 * of a first build's 105 s; in batches of this size 19 s, and the build 59 s. The rows waiting are
 * held in memory, hence the bound.
 */
const FLUSH_BYTES = 64 * 1024 * 1024;

/**
 * What DuckDB may hold in memory, at most (it caches the database's blocks up to its limit, 80 % of
 * the machine's memory by default). The first index build of a 1 GB folder peaked at 6.0 GB with
 * DuckDB's default and at 3.9 GB with 2 GB, in the same time; at 512 MB DuckDB could not commit a
 * batch. A single 300 MB dump's rows (one batch) are stored within 2 GB.
 */
const DATABASE_MEMORY_MB = 2048;

/** `DATABASE_MEMORY_MB`, or DuckDB's own default where the machine has less memory than that allows. */
function databaseMemoryMb(): number {
  return Math.min(DATABASE_MEMORY_MB, Math.floor((0.8 * os.totalmem()) / (1024 * 1024)));
}

/** A stored file's results from its row of `files`, or undefined when they cannot be read back. */
function storedFileOf(row: Record<string, unknown>): StoredFile | undefined {
  try {
    const bytes = (row.fingerprint as { bytes?: unknown } | null)?.bytes;
    const fingerprint = bytes instanceof Uint8Array ? decodeIndex(bytes)?.fingerprints[0] : undefined;
    if (!fingerprint) return undefined;
    const links = typeof row.links_key === 'string' && typeof row.links === 'string' ? { key: row.links_key, json: row.links } : undefined;
    return { review: JSON.parse(String(row.review)) as Review, fingerprint, contentHash: Number(row.content_hash), links };
  } catch {
    return undefined;
  }
}

/** About what a row waiting in an appender takes (a path and a few numbers). */
const ROW_BYTES = 48;

type TableAppenders = Record<(typeof TABLES)[number], Appender>;

export class ArchiveIndex {
  /** Appenders with rows not yet written (`flush`), and about the bytes they hold. */
  private pending: TableAppenders | null = null;
  private pendingBytes = 0;

  private constructor(
    private readonly instance: Instance,
    private readonly db: Connection,
    private readonly flushBytes: number,
    private readonly keepResults: boolean,
  ) {}

  private async appenders(): Promise<TableAppenders> {
    if (!this.pending) {
      const opened: Partial<TableAppenders> = {};
      for (const t of TABLES) opened[t] = await this.db.createAppender(t);
      this.pending = opened as TableAppenders;
    }
    return this.pending;
  }

  /** Writes the rows appended so far (each appender closed, even when one of them fails). */
  flush(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    this.pendingBytes = 0;
    let failure: unknown;
    for (const t of TABLES) {
      try {
        pending[t].closeSync();
      } catch (e) {
        failure ??= e;
      }
    }
    if (failure !== undefined) throw failure;
  }

  /**
   * Opens (or creates) the index in `file`; an index of another schema version has its tables made again, empty.
   * `flushBytes`: FLUSH_BYTES unless given (tests write in smaller batches). `rowsOnly`: an index
   * made for one run's Parquet export and never read back, which keeps the rows the export writes
   * and not each file's results (the review, the fingerprint's bytes, the links: most of what an
   * index holds).
   */
  static async open(file: string, options: { flushBytes?: number; rowsOnly?: boolean } = {}): Promise<ArchiveIndex> {
    const client = loadClient();
    const refused = notADatabase(file);
    if (refused) throw new Error(refused);
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const instance = await client.create(file);
    const db = await instance.connect();
    const index = new ArchiveIndex(instance, db, options.flushBytes ?? FLUSH_BYTES, !options.rowsOnly);
    // DuckDB opens some files that are not databases as data to query, in a database held in memory:
    // an index there would be lost at the end of every run, silently.
    const kept = (await db.runAndReadAll(`SELECT path FROM duckdb_databases() WHERE database_name = current_database()`)).getRowObjectsJson()[0]?.path;
    if (kept === null || kept === undefined) {
      index.close();
      throw new Error(notADatabaseMessage(file));
    }
    await db.run(`SET memory_limit = '${databaseMemoryMb()}MB'`);
    for (const sql of SCHEMA) await db.run(sql);
    const version = (await db.runAndReadAll(`SELECT value FROM meta WHERE key = 'schema'`)).getRowObjectsJson()[0]?.value;
    if (version !== String(INDEX_SCHEMA_VERSION)) {
      // Made again from scratch: another version's tables may have other columns.
      for (const t of TABLES) await db.run(`DROP TABLE IF EXISTS ${t}`);
      for (const sql of SCHEMA) await db.run(sql);
      await db.run(`INSERT OR REPLACE INTO meta VALUES ('schema', '${INDEX_SCHEMA_VERSION}')`);
    }
    return index;
  }

  /** The stamps of the stored files, by path. */
  async stamps(): Promise<Map<string, StoredStamp>> {
    this.flush();
    const rows = (await this.db.runAndReadAll(`SELECT path, size, mtime_ms, options_key, fingerprint_version FROM files`)).getRowObjectsJson();
    const out = new Map<string, StoredStamp>();
    for (const r of rows) {
      if (Number(r.fingerprint_version) !== FINGERPRINT_VERSION) continue;
      out.set(String(r.path), { size: Number(r.size), mtimeMs: Number(r.mtime_ms), optionsKey: String(r.options_key) });
    }
    return out;
  }

  /** A stored file's results, or undefined when they cannot be read back. */
  async get(filePath: string): Promise<StoredFile | undefined> {
    return (await this.getMany([filePath])).get(filePath)?.();
  }

  /**
   * Several stored files' results in one query (a query per file was a millisecond of the
   * database's each, most of an unchanged folder's waiting): for each path found, a function
   * that decodes its results (undefined when they cannot be read back), so that only the file
   * being delivered is held decoded.
   */
  async getMany(paths: readonly string[]): Promise<Map<string, () => StoredFile | undefined>> {
    this.flush();
    const found = new Map<string, () => StoredFile | undefined>();
    if (paths.length === 0) return found;
    const places = paths.map((_, k) => `$${k + 1}`).join(', ');
    const query = await this.db.prepare(`SELECT path, review, fingerprint, content_hash, links_key, links FROM files WHERE path IN (${places})`);
    paths.forEach((p, k) => query.bindVarchar(k + 1, p));
    for (const row of (await query.runAndReadAll()).getRowObjects()) found.set(String(row.path), () => storedFileOf(row));
    return found;
  }

  /**
   * Stores a file's stamp, results (and cross-file links, when they were taken) and fingerprint
   * rows; `replace` when the index holds an older version of it (dropping rows scans the tables: a
   * first build never does).
   */
  async put(fp: FileFingerprint, review: Review, optionsKey: string, replace: boolean, links?: StoredLinks): Promise<void> {
    if (replace) await this.remove([fp.path]);
    const { files, articles, paragraphs, bands } = await this.appenders();
    const reviewJson = this.keepResults ? JSON.stringify(review) : '';
    const fingerprint = this.keepResults ? encodeIndex({ key: '', fingerprints: [fp] }) : new Uint8Array(0);
    files.appendVarchar(fp.path);
    files.appendVarchar(naturalSortKey(fp.path));
    files.appendDouble(fp.size);
    files.appendDouble(fp.mtimeMs);
    files.appendDouble(fp.contentHash);
    files.appendVarchar(optionsKey);
    files.appendInteger(fp.version);
    files.appendVarchar(reviewJson);
    files.appendBlob(fingerprint);
    if (links && this.keepResults) {
      files.appendVarchar(links.key);
      files.appendVarchar(links.json);
    } else {
      files.appendNull();
      files.appendNull();
    }
    files.endRow();

    for (const a of fp.articles) {
      articles.appendVarchar(fp.path);
      articles.appendInteger(a.index);
      articles.appendVarchar(a.title);
      articles.appendDouble(a.titleHash);
      articles.appendInteger(a.startLine);
      articles.appendInteger(a.endLine);
      articles.appendInteger(a.firstParagraph);
      articles.appendInteger(a.paragraphCount);
      articles.appendInteger(a.words);
      articles.endRow();
    }

    const cols = fp.paragraphs;
    for (let i = 0; i < cols.count; i++) {
      paragraphs.appendVarchar(fp.path);
      paragraphs.appendInteger(i);
      paragraphs.appendInteger(cols.article[i] + 1);
      paragraphs.appendDouble(cols.hash[i]);
      paragraphs.appendInteger(cols.words[i]);
      paragraphs.appendInteger(cols.flags[i]);
      paragraphs.appendInteger(cols.startLine[i]);
      paragraphs.appendInteger(cols.endLine[i]);
      paragraphs.endRow();
      if (!(cols.flags[i] & SKETCHED)) continue;
      for (let b = 0; b < BANDS; b++) {
        bands.appendVarchar(fp.path);
        bands.appendInteger(i);
        bands.appendInteger(b);
        bands.appendUInteger(cols.bands[i * BANDS + b]);
        bands.endRow();
      }
    }
    // (the rows themselves counted too, roughly: an index of rows only stores nothing else)
    this.pendingBytes += 2 * (reviewJson.length + (links?.json.length ?? 0)) + fingerprint.byteLength + ROW_BYTES * (fp.articles.length + cols.count * (1 + BANDS));
    if (this.pendingBytes >= this.flushBytes) this.flush();
  }

  /** Stores the cross-file links of a stored file (computed again: the files before it changed). */
  async setLinks(filePath: string, links: StoredLinks): Promise<void> {
    this.flush();
    const update = await this.db.prepare(`UPDATE files SET links_key = $1, links = $2 WHERE path = $3`);
    update.bindVarchar(1, links.key);
    update.bindVarchar(2, links.json);
    update.bindVarchar(3, filePath);
    await update.run();
  }

  /**
   * The folder the stored paths are relative to: the working folder of the run that made the
   * index (its paths are then those its report showed, `shownPath`), recorded as `cwd` when the
   * index does not say yet. Later runs, from any folder, key files the same way, so that what the
   * index holds never depends on where a run starts.
   */
  async baseFolder(cwd: string): Promise<string> {
    this.flush();
    const value = (await this.db.runAndReadAll(`SELECT value FROM meta WHERE key = 'base'`)).getRowObjectsJson()[0]?.value;
    if (typeof value === 'string') return value;
    await this.db.run(`INSERT OR REPLACE INTO meta VALUES ('base', ${quote(cwd)})`);
    return cwd;
  }

  /** Drops files (their stamp, results and rows). */
  async remove(paths: readonly string[]): Promise<void> {
    if (paths.length === 0) return;
    this.flush();
    const list = paths.map(quote).join(', ');
    for (const t of TABLES) await this.db.run(`DELETE FROM ${t} WHERE path IN (${list})`);
  }

  /** Writes the fingerprint tables as Parquet files in `dir` (files.parquet without the stored results), whole or not at all. */
  async exportParquet(dir: string): Promise<string[]> {
    this.flush();
    fs.mkdirSync(dir, { recursive: true });
    const written: string[] = [];
    const select: Record<(typeof TABLES)[number], string> = {
      files: 'SELECT path, sort_key, size, mtime_ms, content_hash, options_key, fingerprint_version FROM files',
      articles: 'SELECT * FROM articles',
      paragraphs: 'SELECT * FROM paragraphs',
      bands: 'SELECT * FROM bands',
    };
    // Each table is written beside its place and the four renamed once all are whole: a failure
    // (a full disk) leaves the folder's earlier files as they were, never a truncated one.
    const partial = (t: string) => path.join(dir, `.${t}.parquet.partial`);
    try {
      for (const t of TABLES) await this.db.run(`COPY (${select[t]}) TO ${quote(partial(t))} (FORMAT PARQUET)`);
    } catch (e) {
      for (const t of TABLES) fs.rmSync(partial(t), { force: true });
      throw e;
    }
    for (const t of TABLES) {
      const target = path.join(dir, `${t}.parquet`);
      fs.renameSync(partial(t), target);
      written.push(target);
    }
    return written;
  }

  /** Runs a query (tests, and the shipped SQL). */
  async query(sql: string): Promise<Record<string, unknown>[]> {
    this.flush();
    return (await this.db.runAndReadAll(sql)).getRowObjectsJson();
  }

  /** Writes what waits and closes the database. */
  close(): void {
    try {
      this.flush();
    } finally {
      this.db.closeSync();
      this.instance.closeSync();
    }
  }
}
