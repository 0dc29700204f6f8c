// Files for the command line: finding the text files under the given paths, reading them safely
// (binary, invalid UTF-8, BOM) and writing them back atomically.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { isReportFileName } from '../core/reportFiles';

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
  | { ok: true; text: string; bom: boolean; bytes: Buffer; mtimeMs: number; size: number }
  | { ok: false; message: string };

const BINARY_SNIFF_BYTES = 8192;

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
  const nul = bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0);
  if (nul >= 0) {
    return { ok: false, message: `${shown}: looks like a binary file (NUL byte at offset ${nul}); skipped` };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const where =
      at >= 0
        ? ` (byte 0x${bytes[at].toString(16).toUpperCase().padStart(2, '0')} at offset ${at}, line ${lineOfByte(bytes, at)})`
        : '';
    return { ok: false, message: `${shown}: is not valid UTF-8${where}; convert it to UTF-8; skipped` };
  }
  return { ok: true, text, bom, bytes, mtimeMs: stat.mtimeMs, size: stat.size };
}

// ---- Writing -------------------------------------------------------------------------------

/**
 * Replaces a file's content atomically: a temporary file in the same folder, written in full and
 * flushed to disk (fsync), given the original's permissions, then renamed over the original
 * (through symbolic links, to their target). The folder is flushed too where the system allows.
 */
export function writeFileAtomic(file: string, data: Uint8Array): void {
  const target = fs.realpathSync(file);
  const stat = fs.statSync(target);
  const mode = stat.mode & 0o7777;
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined = fs.openSync(tmp, 'wx', mode);
  try {
    let written = 0;
    while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written);
    fs.fchmodSync(fd, mode);
    if (typeof process.getuid === 'function' && process.getuid() === 0) {
      try {
        fs.fchownSync(fd, stat.uid, stat.gid);
      } catch {
        // keep the new owner
      }
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing
      }
    }
    try {
      fs.unlinkSync(tmp);
    } catch {
      // not created, or already renamed
    }
    throw e;
  }
  try {
    const dirFd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(dirFd);
    } finally {
      fs.closeSync(dirFd);
    }
  } catch {
    // folders cannot be flushed on every system (e.g. Windows)
  }
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
