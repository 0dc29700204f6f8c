// Finding and reading `.editorial-review.json` (Node file system; used by the CLI and the extension).
import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE_NAME, ConfigError, PartialOptions, parseConfigText } from '../core/config';

/**
 * The nearest `.editorial-review.json` in `startDir` or one of its parents, or undefined.
 * Unreadable folders are passed over; a directory with the config file's name is not a config file.
 */
export function findConfigFile(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not there (or not readable): keep walking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Largest config file read, in bytes (a config file is a few hundred bytes; this is a guard). */
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/** Reads, parses and validates a config file. Every failure is a ConfigError naming the file. */
export function loadConfigFile(file: string): PartialOptions {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (stat.size > MAX_CONFIG_BYTES) {
      throw new ConfigError(file, [`is too large for a config file (${stat.size} bytes)`]);
    }
    bytes = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError(file, [`cannot read the config file: ${describeFsError(e)}`]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ConfigError(file, ['is not valid UTF-8 text']);
  }
  return parseConfigText(text, file);
}
