// editorial-review: the command line over the engine.
import * as path from 'path';
import { version } from '../../package.json';
import { ConfigError, PartialOptions, resolveOptions } from '../core/options/config';
import { applyEdits, removeAllRepeatedPassages, withWebDebris } from '../core/review/fixes';
import { FileReview, ToolInfo } from '../core/report/report';
import { formatJson, formatSarif, formatText, toMarkdown } from '../core/report/reportWriters';
import { CompiledLexicons, compileLexicons } from '../core/language/lexicon';
import { review } from '../core/review/review';
import { RULE_IDS, Review, ReviewOptions, RuleId } from '../core/model/types';
import { findConfigFile, loadConfigFile } from '../node/configFile';
import { CliArgs, USAGE, UsageError, parseArgs } from './args';
import { isReportText } from '../core/report/reportFiles';
import { collectFiles, isWritable, readTextFile, unchangedSince, writeFixedFile } from './files';

export const TOOL: ToolInfo = { name: 'editorial-review', version };

/** The engine functions the command line uses (replaceable in tests). */
export interface CliEngine {
  review: typeof review;
  removeAllRepeatedPassages: typeof removeAllRepeatedPassages;
  applyEdits: typeof applyEdits;
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Defaults to the real engine. */
  engine?: CliEngine;
}

const PREFIX = 'editorial-review';

/** The `--rules a,b` layer: only the rules listed are enabled. */
function onlyRules(ids: readonly RuleId[]): PartialOptions {
  const rules: NonNullable<PartialOptions['rules']> = {};
  for (const id of RULE_IDS) rules[id] = { enabled: ids.includes(id) };
  return { rules };
}

function message(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

/** How many repeated passages a review found: all of them, also those past the display cap. */
function repeatCount(result: Review): number {
  return result.stats.truncated['repeated-passage'] ?? result.findings.filter(f => f.rule === 'repeated-passage').length;
}

/** How many lines of web debris a review found (also those past the display cap). */
function debrisCount(result: Review): number {
  return result.stats.truncated.boilerplate ?? result.findings.filter(f => f.rule === 'boilerplate').length;
}

/** Runs the command line; returns the exit code (0 nothing found, 1 findings, 2 usage/input errors). */
export function run(argv: readonly string[], io: CliIo): number {
  const note = (text: string) => io.stderr(`${text}\n`);
  const engine: CliEngine = io.engine ?? { review, removeAllRepeatedPassages, applyEdits };
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      note(`${PREFIX}: ${e.message}`);
      note(`Run '${PREFIX} --help' for usage.`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (args.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  if (args.paths.length === 0) {
    note(`${PREFIX}: no PATH given`);
    note(`Run '${PREFIX} --help' for usage.`);
    return 2;
  }

  const cwd = io.cwd;
  const display = (abs: string) => {
    const rel = path.relative(cwd, abs);
    const shown = rel === '' ? path.basename(abs) : rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
    return shown.split(path.sep).join('/');
  };
  const info = (text: string) => {
    if (!args.quiet) note(text);
  };
  let inputError = false;
  const fail = (text: string) => {
    note(text);
    inputError = true;
  };

  // Options: --config FILE for every file, or the nearest config file from each file's folder.
  const cliLayer: PartialOptions = args.rules ? onlyRules(args.rules) : {};
  let explicitConfig: PartialOptions | undefined;
  if (args.config !== undefined) {
    try {
      explicitConfig = loadConfigFile(path.resolve(cwd, args.config));
    } catch (e) {
      note(e instanceof ConfigError ? e.message : `${args.config}: ${message(e)}`);
      return 2;
    }
  }
  const configCache = new Map<string, PartialOptions | ConfigError>();
  const configPathCache = new Map<string, string | undefined>();
  // Options and their compiled lexicons, once per configuration (not per file).
  const configured = (options: ReviewOptions) => ({ options, lexicons: compileLexicons(options) });
  const noConfig = configured(resolveOptions(explicitConfig ?? {}, cliLayer));
  const configuredCache = new Map<string, { options: ReviewOptions; lexicons: CompiledLexicons }>();
  const optionsFor = (file: string): { options: ReviewOptions; lexicons: CompiledLexicons } | undefined => {
    if (explicitConfig) return noConfig;
    const dir = path.dirname(file);
    if (!configPathCache.has(dir)) configPathCache.set(dir, findConfigFile(dir));
    const configPath = configPathCache.get(dir);
    if (!configPath) return noConfig;
    let layer = configCache.get(configPath);
    if (layer === undefined) {
      try {
        layer = loadConfigFile(configPath);
      } catch (e) {
        layer = e instanceof ConfigError ? e : new ConfigError(configPath, [message(e)]);
        fail(layer.message);
      }
      configCache.set(configPath, layer);
    }
    if (layer instanceof ConfigError) return undefined;
    let found = configuredCache.get(configPath);
    if (!found) configuredCache.set(configPath, (found = configured(resolveOptions(layer, cliLayer))));
    return found;
  };

  const { files, errors } = collectFiles(args.paths, cwd, display);
  for (const e of errors) fail(`${PREFIX}: ${e}`);

  let internalError = false;
  const reviewed: FileReview[] = [];
  for (const file of files) {
    const shown = display(file);
    const read = readTextFile(file, shown);
    if (!read.ok) {
      fail(`${PREFIX}: ${read.message}`);
      continue;
    }
    if (isReportText(read.text)) {
      note(`${PREFIX}: ${shown}: a report of this tool, not a dump; skipped`);
      continue;
    }
    const config = optionsFor(file);
    if (!config) {
      fail(`${PREFIX}: ${shown}: skipped because of the config file error above`);
      continue;
    }
    try {
      let text = read.text;
      let result = engine.review(text, config.options, config.lexicons);
      if (args.fix) {
        // With fixAllRemovesWebDebris, the lines of web debris go too.
        const edits = withWebDebris(engine.removeAllRepeatedPassages(result), result, text);
        const fixed = edits.length > 0 ? engine.applyEdits(text, edits) : text;
        if (fixed !== text) {
          if (!isWritable(file)) {
            fail(`${PREFIX}: ${shown}: is read-only; not fixed`);
          } else if (!unchangedSince(file, read.size, read.mtimeMs)) {
            fail(`${PREFIX}: ${shown}: changed while it was being reviewed; not fixed`);
          } else {
            const body = Buffer.from(fixed, 'utf8');
            const data = read.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
            try {
              writeFixedFile(file, data, read.bytes, read);
              const count = repeatCount(result);
              const debris = result.fixAllRemovesWebDebris ? debrisCount(result) : 0;
              const andDebris = debris > 0 ? ` and ${debris} line${debris === 1 ? '' : 's'} of web debris` : '';
              info(`${shown}: removed ${count} repeated passage${count === 1 ? '' : 's'}${andDebris}`);
              text = fixed;
              result = engine.review(text, config.options, config.lexicons);
            } catch (e) {
              fail(`${PREFIX}: ${shown}: cannot write the fixed file: ${message(e)}`);
            }
          }
        }
      }
      reviewed.push({ path: shown, text, review: result });
    } catch (e) {
      note(`${PREFIX}: internal error while reviewing ${shown}: ${message(e)}`);
      internalError = true;
    }
  }

  switch (args.format) {
    case 'json':
      io.stdout(formatJson(reviewed, TOOL));
      break;
    case 'sarif':
      io.stdout(formatSarif(reviewed, TOOL));
      break;
    case 'markdown':
      io.stdout(toMarkdown(reviewed, TOOL));
      break;
    default:
      if (args.quiet || reviewed.length === 0) io.stdout(formatText(reviewed, { summary: false }));
      else io.stdout(formatText(reviewed));
  }

  if (inputError || internalError) return 2;
  return reviewed.some(r => r.review.findings.length > 0) ? 1 : 0;
}

/** Entry point of the bundled CLI: real process streams, exit code set without cutting output. */
export function cli(): void {
  const writeOut = (text: string) => {
    if (text) process.stdout.write(text);
  };
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // The reader went away (e.g. `| head`): stop quietly.
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  try {
    process.exitCode = run(process.argv.slice(2), {
      stdout: writeOut,
      stderr: text => process.stderr.write(text),
      cwd: process.cwd(),
    });
  } catch (e) {
    process.stderr.write(`${PREFIX}: internal error: ${message(e)}\n`);
    process.exitCode = 2;
  }
}

if (require.main === module) cli();
