// Command-line arguments of editorial-review.
import { RULE_IDS, RuleId } from '../core/model/types';

export const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliArgs {
  format: Format;
  config?: string;
  /** Only these rules (from --rules). */
  rules?: RuleId[];
  fix: boolean;
  quiet: boolean;
  /** Review each file on its own (from --apart); by default the files are one collection. */
  apart: boolean;
  /** The collection's order (from --order): natural sort of paths, or modification time. */
  order: 'name' | 'mtime';
  /** Worker threads (from --jobs); undefined: every core. */
  jobs?: number;
  /** The on-disk index (from --index FILE): unchanged files are not reviewed again. */
  index?: string;
  /** Where to write the index's tables as Parquet (from --export-parquet DIR). */
  exportParquet?: string;
  help: boolean;
  version: boolean;
  paths: string[];
}

/** A mistake on the command line: reported with a hint to --help, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage: editorial-review [options] PATH...

Reviews plain-text news dumps for repeated passages, near duplicates, unattributed claims and
loaded terms. PATH is a file or a folder (read recursively for .txt and .md files, skipping
node_modules and folders whose name starts with a dot).

Options:
  -f, --format FORMAT  text (default), json, sarif or markdown; written to standard output
  -c, --config FILE    options from FILE instead of the nearest .editorial-review.json
                       found from each file's folder upward
  -r, --rules IDS      run only these rules (comma-separated): ${RULE_IDS.join(', ')}
      --fix            remove every repeated passage (only those) and write the files back
                       in place (hard links and mode kept); the report then shows what is
                       left. Without --fix no file is written.
      --apart          review each file on its own; by default the files are one collection,
                       in which a story, paragraph or sentence that comes back in a later file
                       is a repeat of its first occurrence
      --order ORDER    the collection's order, which decides what is the original: name
                       (default: paths in natural sort order, day2 before day10) or mtime
                       (modification time, oldest first)
  -j, --jobs N         review on N worker threads (default: every core); the output is the
                       same byte for byte whatever N is
      --index FILE     keep an on-disk index (DuckDB) in FILE: a later run reads again only new
                       or changed files (size, modification time, options) and drops deleted
                       ones; the report is the one a run without an index gives
      --export-parquet DIR
                       write the index's tables (files, articles, paragraphs, bands) as Parquet
                       files in DIR, for an engine past one machine (sql/cross_file_copies.sql)
  -q, --quiet          findings only: no summary, no progress line and no notes on standard error
  -h, --help           show this help
  -v, --version        show the version

Exit status: 0 nothing found, 1 findings reported, 2 usage or input errors.
`;

const VALUE_FLAGS: Record<string, 'format' | 'config' | 'rules' | 'order' | 'jobs' | 'index' | 'exportParquet'> = {
  '--index': 'index',
  '--export-parquet': 'exportParquet',
  '--order': 'order',
  '--jobs': 'jobs',
  '-j': 'jobs',
  '--format': 'format',
  '-f': 'format',
  '--config': 'config',
  '-c': 'config',
  '--rules': 'rules',
  '-r': 'rules',
};

const BOOLEAN_FLAGS: Record<string, 'fix' | 'quiet' | 'help' | 'version' | 'apart'> = {
  '--apart': 'apart',
  '--fix': 'fix',
  '--quiet': 'quiet',
  '-q': 'quiet',
  '--help': 'help',
  '-h': 'help',
  '--version': 'version',
  '-v': 'version',
};

export function parseRuleList(value: string): RuleId[] {
  const ids = value
    .split(',')
    .map(s => s.trim())
    .filter(s => s !== '');
  if (ids.length === 0) throw new UsageError(`--rules needs at least one rule id: ${RULE_IDS.join(', ')}`);
  const unknown = ids.filter(id => !(RULE_IDS as readonly string[]).includes(id));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown rule ${unknown.map(u => `"${u}"`).join(', ')} in --rules; rules are ${RULE_IDS.join(', ')}`,
    );
  }
  return [...new Set(ids)] as RuleId[];
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { format: 'text', fix: false, quiet: false, help: false, version: false, apart: false, order: 'name', paths: [] };
  const seen = new Set<string>();
  // An empty PATH is an unset shell variable, not the current folder (with --fix that would
  // rewrite every text file under it).
  const addPath = (p: string) => {
    if (p === '') throw new UsageError('empty PATH (an unset variable?); give a file or folder, e.g. "." for the current folder');
    args.paths.push(p);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      argv.slice(i + 1).forEach(addPath);
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      if (arg === '-') throw new UsageError('reading from standard input is not supported; give a file or folder');
      addPath(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq >= 0 ? arg.slice(0, eq) : arg;
    const valueFlag = VALUE_FLAGS[flag];
    if (valueFlag) {
      let value: string;
      if (eq >= 0) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length && !(argv[i + 1].startsWith('-') && argv[i + 1] !== '-')) value = argv[++i];
      else throw new UsageError(`${flag} needs a value`);
      if (seen.has(valueFlag)) throw new UsageError(`--${valueFlag} given more than once`);
      seen.add(valueFlag);
      if (valueFlag === 'format') {
        if (!(FORMATS as readonly string[]).includes(value)) {
          throw new UsageError(`unknown format "${value}"; use ${FORMATS.join(', ')}`);
        }
        args.format = value as Format;
      } else if (valueFlag === 'index' || valueFlag === 'exportParquet') {
        if (value === '') throw new UsageError(`--${valueFlag === 'index' ? 'index' : 'export-parquet'} needs a path`);
        args[valueFlag] = value;
      } else if (valueFlag === 'order') {
        if (value !== 'name' && value !== 'mtime') throw new UsageError(`unknown order "${value}"; use name or mtime`);
        args.order = value;
      } else if (valueFlag === 'jobs') {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--jobs needs a whole number from 1 to 256, not "${value}"`);
        args.jobs = n;
      } else if (valueFlag === 'config') {
        if (value === '') throw new UsageError('--config needs a file name');
        args.config = value;
      } else {
        args.rules = parseRuleList(value);
      }
      continue;
    }
    const booleanFlag = BOOLEAN_FLAGS[flag];
    if (booleanFlag) {
      if (eq >= 0) throw new UsageError(`${flag} takes no value`);
      args[booleanFlag] = true;
      continue;
    }
    throw new UsageError(`unknown option ${flag}`);
  }
  return args;
}
