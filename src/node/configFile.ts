// Finding and reading `.editorial-review.json` (Node file system; used by the CLI and the extension).
import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE_NAME, ConfigError, PartialOptions, parseConfigText } from '../core/options/config';

/**
 * The nearest `.editorial-review.json` in `startDir` or one of its parents, or undefined.
 * Unreadable folders are passed over; a directory with the config file's name is not a config file.
 * Anything else with that name (a named pipe, a device) is returned, so that `loadConfigFile`
 * refuses it with a message instead of the walk going past it silently.
 */
export function findConfigFile(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    try {
      if (!fs.statSync(candidate).isDirectory()) return candidate;
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

/** What a file system entry is, for refusing anything but a regular file. */
function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'something other than a regular file';
}

/**
 * Reads, parses and validates a config file. Every failure is a ConfigError naming the file.
 * Only a regular file is read: it is opened without blocking (a named pipe would otherwise wait
 * for a writer for ever) and checked on the open descriptor, so it cannot be swapped in between.
 */
export function loadConfigFile(file: string): PartialOptions {
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) {
      throw new ConfigError(file, [`is ${kindOf(stat)}, not a config file; give a regular JSON file`]);
    }
    if (stat.size > MAX_CONFIG_BYTES) {
      throw new ConfigError(file, [`is too large for a config file (${stat.size} bytes)`]);
    }
    bytes = fs.readFileSync(fd);
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError(file, [`cannot read the config file: ${describeFsError(e)}`]);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ConfigError(file, ['is not valid UTF-8 text']);
  }
  return parseConfigText(text, file);
}
