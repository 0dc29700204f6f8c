// Files for the command line: finding the text files under the given paths, reading them safely
// (binary, invalid UTF-8, BOM) and writing them back in place, keeping a copy until it is done.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { constants as bufferConstants } from 'buffer';
import { isReportFileName } from '../core/report/reportFiles';

export const TEXT_EXTENSIONS = ['.txt', '.md'];
const SKIPPED_FOLDERS = new Set(['node_modules']);

export interface CollectedFiles {
  /** Absolute paths, in the order given (folders sorted by name), without duplicates. */
  files: string[];
  /** One message per path that could not be used. */
  errors: string[];
}

function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'is a folder';
    default:
      return (e instanceof Error ? e.message : String(e)).replace(/^\w+: /, '');
  }
}

/**
 * A file's path as reports show it (and as the on-disk index knows it): relative to `cwd` when the
 * file is inside it, else absolute; with forward slashes.
 */
export function shownPath(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs);
  const shown = rel === '' ? path.basename(abs) : rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
  return shown.split(path.sep).join('/');
}

export function isTextFileName(name: string): boolean {
  return TEXT_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

/**
 * The files to review under `inputs` (files as given, folders searched recursively for .txt and
 * .md, skipping node_modules and dot-folders; symbolic links to folders are not followed).
 * `display` turns an absolute path into the form used in messages.
 */
export function collectFiles(inputs: readonly string[], cwd: string, display: (abs: string) => string): CollectedFiles {
  const files: string[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (abs: string) => {
    if (!seen.has(abs)) {
      seen.add(abs);
      files.push(abs);
    }
  };

  const walk = (dir: string, found: string[]) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      errors.push(`${display(dir)}: cannot read folder: ${fsReason(e)}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
        walk(full, found);
      } else if (isTextFileName(entry.name) && !isReportFileName(entry.name)) {
        // (our own reports, `x.editorial-review.md`, are never reviewed)
        if (entry.isFile()) found.push(full);
        else if (entry.isSymbolicLink()) {
          try {
            if (fs.statSync(full).isFile()) found.push(full);
          } catch {
            // a dangling link: nothing to review
          }
        }
      }
    }
  };

  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch (e) {
      errors.push(`${input}: ${fsReason(e)}`);
      continue;
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      walk(abs, found);
      if (found.length === 0) errors.push(`${input}: no .txt or .md files in this folder`);
      found.forEach(add);
    } else if (stat.isFile()) {
      add(abs);
    } else {
      errors.push(`${input}: not a regular file`);
    }
  }
  return { files, errors };
}

// ---- Reading -------------------------------------------------------------------------------

export type ReadResult =
  | { ok: true; text: string; bom: boolean; mtimeMs: number; size: number }
  | { ok: false; message: string };

/**
 * Offset of the first byte that does not belong to a valid UTF-8 sequence (no overlong forms, no
 * surrogates, nothing above U+10FFFF), or -1 if the bytes are valid UTF-8.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    const second = bytes[i + 1];
    if (second === undefined || second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

const { MAX_STRING_LENGTH } = bufferConstants;

function megabytes(n: number): string {
  return `${Math.floor(n / 1e6)} MB`;
}

/** Reads a text file as UTF-8, refusing binary files and invalid UTF-8 with a clear message. */
export function readTextFile(abs: string, shown: string): ReadResult {
  let bytes: Buffer;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
    bytes = fs.readFileSync(abs);
  } catch (e) {
    return { ok: false, message: `${shown}: cannot read: ${fsReason(e)}` };
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, message: `${shown}: is UTF-16 text (it starts with a UTF-16 byte order mark); convert it to UTF-8; skipped` };
  }
  // The whole file is read anyway: a NUL anywhere in it (not only near the start) means binary.
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { ok: false, message: `${shown}: looks like a binary file (NUL byte at offset ${nul}); skipped` };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    // Valid bytes that still cannot be decoded: more text than a JavaScript string can hold.
    if (at < 0) return { ok: false, message: `${shown}: is too large to review as one text (${megabytes(bytes.length)}; at most ${megabytes(MAX_STRING_LENGTH)} of plain ASCII text fits in one string); split it into smaller files; skipped` };
    const where =
      at >= 0
        ? ` (byte 0x${bytes[at].toString(16).toUpperCase().padStart(2, '0')} at offset ${at}, line ${lineOfByte(bytes, at)})`
        : '';
    return { ok: false, message: `${shown}: is not valid UTF-8${where}; convert it to UTF-8; skipped` };
  }
  // Not the bytes: a caller keeps the result for as long as it reviews the text, and a 100 MB
  // file's bytes are 100 MB more to hold.
  return { ok: true, text, bom, mtimeMs: stat.mtimeMs, size: stat.size };
}

// ---- Writing -------------------------------------------------------------------------------

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // already failing
  }
}

/**
 * Replaces a fixed file's content, only if it still has the size and modification time it had
 * when it was read (`expected`).
 *
 * The usual case is atomic: the new bytes go to a temporary file next to it (flushed, given the
 * original's mode and, when we may, its owner), which is then renamed over the original, so that
 * a reader or a crash sees either the old text or the new, never half of it. A rename cannot keep
 * a hard link (the other names would keep the old text) nor a mode or owner we are not allowed to
 * set, so those files are rewritten in place instead, through the same inode, with the original
 * saved next to them until the new content is on disk (`writeInPlace`).
 */
export function writeFixedFile(file: string, data: Uint8Array, original: Uint8Array, expected: { size: number; mtimeMs: number }): void {
  const target = fs.realpathSync(file);
  const stat = fs.statSync(target);
  if (!stat.isFile()) throw new Error('is not a regular file');
  if (stat.size !== expected.size || stat.mtimeMs !== expected.mtimeMs) throw new Error('changed while it was being reviewed');
  if (stat.nlink > 1 || !replaceAtomically(target, data, stat, expected)) writeInPlace(target, data, original, expected);
}

function temporaryNameBeside(target: string, suffix: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.${suffix}`);
}

/**
 * Writes a temporary copy with the new bytes and renames it over `target`. Returns false, having
 * changed nothing, when the copy cannot carry the original's mode or owner (then the caller
 * writes in place).
 */
function replaceAtomically(target: string, data: Uint8Array, stat: fs.Stats, expected: { size: number; mtimeMs: number }): boolean {
  const temp = temporaryNameBeside(target, 'tmp');
  writeCopy(temp, data);
  let renamed = false;
  try {
    const mode = stat.mode & 0o7777;
    if (typeof process.getuid === 'function' && process.getuid() === 0) fs.chownSync(temp, stat.uid, stat.gid);
    fs.chmodSync(temp, mode);
    const copy = fs.statSync(temp);
    // Another owner, or setuid/setgid the system would not let us set: keep the file's identity.
    if ((copy.mode & 0o7777) !== mode || copy.uid !== stat.uid || copy.gid !== stat.gid) return false;
    const now = fs.statSync(target);
    if (now.ino !== stat.ino || now.size !== expected.size || now.mtimeMs !== expected.mtimeMs) throw new Error('changed while it was being reviewed');
    fs.renameSync(temp, target);
    renamed = true;
    syncDirectory(path.dirname(target));
    return true;
  } finally {
    if (!renamed) removeQuietly(temp);
  }
}

/** Flushes a directory entry change (a rename) to disk where the platform allows it. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported here (Windows): the rename itself is still atomic.
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // not created, or already gone
  }
}

/**
 * Replaces a file's content in place, through the same inode, so that hard links, the owner and
 * the mode (setuid and setgid included) stay as they were. First the original bytes are saved to
 * a copy next to the file and flushed to disk; then the file is rewritten, truncated and flushed;
 * then the copy is deleted. If the rewrite fails half-way, the error names the copy that holds the
 * original.
 */
function writeInPlace(target: string, data: Uint8Array, original: Uint8Array, expected: { size: number; mtimeMs: number }): void {
  const copy = temporaryNameBeside(target, 'orig');
  const fd = fs.openSync(target, fs.constants.O_RDWR | (fs.constants.O_NONBLOCK ?? 0));
  try {
    // Checked on the descriptor that is written: the same file, unchanged since it was read.
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new Error('is not a regular file');
    if (stat.size !== expected.size || stat.mtimeMs !== expected.mtimeMs) throw new Error('changed while it was being reviewed');
    writeCopy(copy, original);
    try {
      let written = 0;
      while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written, written);
      fs.ftruncateSync(fd, data.length);
      fs.fsyncSync(fd);
      // Writing clears setuid and setgid for a process without the privilege to keep them.
      if ((fs.fstatSync(fd).mode & 0o7777) !== (stat.mode & 0o7777)) fs.fchmodSync(fd, stat.mode & 0o7777);
    } catch (e) {
      throw new Error(`${e instanceof Error ? e.message : String(e)}; the original content is in ${copy}`);
    }
    fs.unlinkSync(copy);
  } finally {
    closeQuietly(fd);
  }
}

/** Writes bytes to a new file (never over an existing one) and flushes them to disk. */
function writeCopy(file: string, data: Uint8Array): void {
  const fd = fs.openSync(file, 'wx', 0o600);
  try {
    let written = 0;
    while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written);
    fs.fsyncSync(fd);
  } catch (e) {
    closeQuietly(fd);
    removeQuietly(file);
    throw e;
  }
  fs.closeSync(fd);
}

/** True when the file still has the size and modification time it had when read. */
export function unchangedSince(file: string, size: number, mtimeMs: number): boolean {
  try {
    const stat = fs.statSync(file);
    return stat.size === size && stat.mtimeMs === mtimeMs;
  } catch {
    return false;
  }
}

/** False for read-only files (no write permission bit, or no access for this user). */
export function isWritable(file: string): boolean {
  try {
    const target = fs.realpathSync(file);
    if ((fs.statSync(target).mode & 0o222) === 0) return false;
    fs.accessSync(target, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why a folder for output files (`--export-parquet DIR`) cannot be used, or undefined: it is a
 * file, or it (or the nearest folder above it that exists, where it would be made) is not writable.
 * Checked before the review, so that an hour's run does not end in a folder it cannot write.
 */
export function outputFolderProblem(dir: string): string | undefined {
  const target = path.resolve(dir);
  let existing = target;
  while (!fs.existsSync(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(existing);
  } catch (e) {
    return `cannot be read (${e instanceof Error ? e.message : String(e)})`;
  }
  const where = existing === target ? 'it' : existing;
  if (!stat.isDirectory()) return `${where} is a file, not a folder`;
  try {
    fs.accessSync(existing, fs.constants.W_OK);
  } catch {
    return `${where} is not writable`;
  }
  return undefined;
}
