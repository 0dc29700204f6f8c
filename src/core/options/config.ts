// User options: validation of what users write (config file, settings, command line) and merging
// of several layers over the defaults. Pure: no file system, no `vscode`.
import { ParseError, ParseErrorCode, parse as parseJsoncText, printParseErrorCode } from 'jsonc-parser';
import { defaultOptions } from './defaults';
import { OPTIONS, RULE_IDS, isRuleId } from '../rules/registry';
import { OptionKey, OptionSpec } from '../rules/rule';
import { occurrenceKey } from '../language/occurrences';
import { IgnoredOccurrence, ReviewOptions, RuleId, RuleOptions, Severity, UserTerm } from '../model/types';

export const CONFIG_FILE_NAME = '.editorial-review.json';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** What a user may write for one rule: `"off"`, a severity, `true`/`false`, or an object. */
export type RuleSetting = Severity | 'off' | boolean | { enabled?: boolean; severity?: Severity };

/** The user-facing shape of the options: every field optional. */
export type PartialOptions = {
  /** Allowed so that editors can find the schema; ignored otherwise. */
  $schema?: string;
  rules?: Partial<Record<RuleId, RuleSetting>>;
} & Partial<Pick<ReviewOptions, OptionKey>>;

/** The keys `validateOptions` accepts at the top level (kept equal to the JSON schema's). */
export const OPTION_KEYS: readonly (keyof PartialOptions)[] = ['$schema', 'rules', ...OPTIONS.map(o => o.key)];

export const OCCURRENCE_KEYS: readonly (keyof IgnoredOccurrence)[] = ['term', 'sentence'];
export const TERM_KEYS: readonly (keyof UserTerm)[] = ['term', 'suggestions', 'category', 'note'];
export const RULE_OBJECT_KEYS: readonly string[] = ['enabled', 'severity'];

/** Longest term, suggestion or cue, in characters. */
export const TEXT_LENGTH = 200;

/** Bounds of the numeric options (from their specs; the JSON schema states the same). */
export const LIMITS: Readonly<Record<string, { min: number; max: number }>> = Object.fromEntries(
  OPTIONS.flatMap(o => (o.type === 'integer' || o.type === 'number' ? [[o.key, { min: o.min, max: o.max }]] : [])),
);

/**
 * A problem with user options. The message names the source (and, for syntax errors, the line and
 * column, as `file:line:column:`) and every problem found, one per line.
 */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
    /** 1-based position of a syntax error. */
    readonly location?: { line: number; column: number },
  ) {
    const where = location ? `${source}:${location.line}:${location.column}` : source;
    super(problems.map(p => `${where}: ${p}`).join('\n'));
    this.name = 'ConfigError';
  }
}

// ---- Validation ----------------------------------------------------------------------------

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of a value for messages: `"eight"`, `12`, `an array`, `null`. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

// Only the distance module of natural: its index pulls in database clients and dotenv.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DamerauLevenshteinDistance } = require('natural/lib/natural/distance/levenshtein_distance') as {
  DamerauLevenshteinDistance(source: string, target: string): number;
};

/** Edits between two names, a swap of neighbouring letters counting as one (a typical typo). */
function editDistance(a: string, b: string): number {
  return DamerauLevenshteinDistance(a, b);
}

/** ` (did you mean "x"?)` when a known name is close to the unknown one, else ''. */
function didYouMean(name: string, known: readonly string[]): string {
  const lower = name.toLowerCase();
  let best = '';
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(lower, k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? ` (did you mean "${best}"?)` : '';
}

const quote = (key: string) => `"${key}"`;

class Checker {
  readonly problems: string[] = [];

  fail(message: string): undefined {
    this.problems.push(message);
    return undefined;
  }

  unknownKeys(obj: Record<string, unknown>, known: readonly string[], where: string, what: string): void {
    for (const key of Object.keys(obj)) {
      if (!known.includes(key)) {
        this.fail(`${where}unknown ${what} ${quote(key)}${didYouMean(key, known)}; allowed: ${known.filter(k => k !== '$schema').join(', ')}`);
      }
    }
  }

  integer(value: unknown, name: string, min: number, max: number): number | undefined {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      return this.fail(`${quote(name)} must be an integer from ${min} to ${max}, got ${describe(value)}`);
    }
    return value;
  }

  number(value: unknown, name: string, min: number, max: number): number | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      return this.fail(`${quote(name)} must be a number from ${min} to ${max}, got ${describe(value)}`);
    }
    return value;
  }

  /** A non-empty string (trimmed), at most TEXT_LENGTH characters. */
  text(value: unknown, name: string, what = 'a non-empty string'): string | undefined {
    if (typeof value !== 'string') return this.fail(`${quote(name)} must be ${what}, got ${describe(value)}`);
    const trimmed = value.trim();
    if (trimmed === '') return this.fail(`${quote(name)} must be ${what}, got an empty string`);
    if (trimmed.length > TEXT_LENGTH) {
      return this.fail(`${quote(name)} is too long (${trimmed.length} characters; at most ${TEXT_LENGTH})`);
    }
    return trimmed;
  }

  /** Text matched as words: it must contain at least one letter or digit. */
  wordText(value: unknown, name: string): string | undefined {
    const text = this.text(value, name);
    if (text !== undefined && !/[\p{L}\p{N}]/u.test(text)) {
      return this.fail(`${quote(name)} must contain at least one letter or digit, got ${describe(text)}`);
    }
    return text;
  }

  textList(value: unknown, name: string): string[] | undefined {
    if (!Array.isArray(value)) return this.fail(`${quote(name)} must be a list of strings, got ${describe(value)}`);
    const out: string[] = [];
    value.forEach((item, i) => {
      const text = this.wordText(item, `${name}[${i}]`);
      if (text !== undefined) out.push(text);
    });
    return out;
  }

  severity(value: unknown, name: string): Severity | undefined {
    if (typeof value !== 'string' || !(SEVERITIES as readonly string[]).includes(value)) {
      return this.fail(`${quote(name)} must be one of ${SEVERITIES.join(', ')}, got ${describe(value)}`);
    }
    return value as Severity;
  }

  ruleSetting(value: unknown, name: string): { enabled?: boolean; severity?: Severity } | undefined {
    if (typeof value === 'boolean') return { enabled: value };
    if (typeof value === 'string') {
      if (value === 'off') return { enabled: false };
      if ((SEVERITIES as readonly string[]).includes(value)) return { enabled: true, severity: value as Severity };
      return this.fail(`${quote(name)} must be "off", one of ${SEVERITIES.join(', ')}, true, false or {"enabled", "severity"}, got ${describe(value)}`);
    }
    if (!isPlainObject(value)) {
      return this.fail(`${quote(name)} must be "off", a severity, true, false or {"enabled", "severity"}, got ${describe(value)}`);
    }
    this.unknownKeys(value, RULE_OBJECT_KEYS, `${quote(name)}: `, 'key');
    const out: { enabled?: boolean; severity?: Severity } = {};
    if (value.enabled !== undefined) {
      if (typeof value.enabled !== 'boolean') this.fail(`${quote(`${name}.enabled`)} must be true or false, got ${describe(value.enabled)}`);
      else out.enabled = value.enabled;
    }
    if (value.severity !== undefined) {
      const severity = this.severity(value.severity, `${name}.severity`);
      if (severity !== undefined) out.severity = severity;
    }
    return out;
  }

  rules(value: unknown): PartialOptions['rules'] {
    if (!isPlainObject(value)) {
      return this.fail(`"rules" must be an object mapping rule ids (${RULE_IDS.join(', ')}) to settings, got ${describe(value)}`);
    }
    const out: Partial<Record<RuleId, RuleSetting>> = {};
    for (const [id, setting] of Object.entries(value)) {
      if (!isRuleId(id)) {
        this.fail(`"rules" has an unknown rule ${quote(id)}${didYouMean(id, RULE_IDS)}; rules are ${RULE_IDS.join(', ')}`);
        continue;
      }
      const normalized = this.ruleSetting(setting, `rules.${id}`);
      if (normalized !== undefined) out[id] = normalized;
    }
    return out;
  }

  /** A value of an option, checked against its spec. */
  option(spec: OptionSpec, value: unknown): unknown {
    switch (spec.type) {
      case 'integer':
        return this.integer(value, spec.key, spec.min, spec.max);
      case 'number':
        return this.number(value, spec.key, spec.min, spec.max);
      case 'severity':
        return this.severity(value, spec.key);
      case 'boolean':
        return typeof value === 'boolean' ? value : this.fail(`${quote(spec.key)} must be true or false, got ${describe(value)}`);
      case 'words':
        return this.textList(value, spec.key);
      case 'terms':
        return this.terms(value);
      case 'occurrences':
        return this.occurrences(value, spec.key);
    }
  }

  /** `[{"term": "...", "sentence": "<fingerprint>"}]` as "Ignore this occurrence" writes them. */
  occurrences(value: unknown, name: string): IgnoredOccurrence[] | undefined {
    if (!Array.isArray(value)) return this.fail(`${quote(name)} must be a list of {"term", "sentence"} objects, got ${describe(value)}`);
    const out: IgnoredOccurrence[] = [];
    value.forEach((item, i) => {
      const where = `${name}[${i}]`;
      if (!isPlainObject(item)) {
        this.fail(`${quote(where)} must be an object like {"term": "...", "sentence": "..."}, got ${describe(item)}`);
        return;
      }
      const before = this.problems.length;
      this.unknownKeys(item, OCCURRENCE_KEYS, `${quote(where)}: `, 'key');
      const term = this.wordText(item.term, `${where}.term`);
      const sentence = typeof item.sentence === 'string' && /^[0-9a-f]{8}-[0-9a-z]+$/.test(item.sentence)
        ? item.sentence
        : this.fail(`${quote(`${where}.sentence`)} must be a sentence fingerprint such as "1f2e3d4c-2s", got ${describe(item.sentence)}`);
      if (this.problems.length === before && term !== undefined && sentence !== undefined) out.push({ term, sentence });
    });
    return out;
  }

  terms(value: unknown): UserTerm[] | undefined {
    if (!Array.isArray(value)) {
      return this.fail(`"terms" must be a list of {"term", "suggestions"} objects, got ${describe(value)}`);
    }
    const out: UserTerm[] = [];
    value.forEach((item, i) => {
      const name = `terms[${i}]`;
      if (!isPlainObject(item)) {
        this.fail(`${quote(name)} must be an object like {"term": "...", "suggestions": ["..."]}, got ${describe(item)}`);
        return;
      }
      const before = this.problems.length;
      this.unknownKeys(item, TERM_KEYS, `${quote(name)}: `, 'key');
      const label = typeof item.term === 'string' && item.term.trim() ? ` (${describe(item.term.trim())})` : '';
      const term = item.term === undefined ? this.fail(`${quote(name)} needs "term": the words to flag`) : this.wordText(item.term, `${name}.term`);
      let suggestions: string[] | undefined;
      if (item.suggestions === undefined) {
        this.fail(`${quote(name)}${label} needs "suggestions": a list of at least one neutral wording`);
      } else if (Array.isArray(item.suggestions) && item.suggestions.length === 0) {
        this.fail(`${quote(`${name}.suggestions`)}${label} must list at least one neutral wording`);
      } else if (!Array.isArray(item.suggestions)) {
        this.fail(`${quote(`${name}.suggestions`)} must be a list of strings, got ${describe(item.suggestions)}`);
      } else {
        suggestions = [];
        item.suggestions.forEach((s, j) => {
          const text = this.text(s, `${name}.suggestions[${j}]`);
          if (text !== undefined) suggestions!.push(text);
        });
      }
      const category = item.category === undefined ? undefined : this.text(item.category, `${name}.category`);
      const note = item.note === undefined ? undefined : this.text(item.note, `${name}.note`);
      if (this.problems.length === before && term !== undefined && suggestions !== undefined) {
        const entry: UserTerm = { term, suggestions };
        if (category !== undefined) entry.category = category;
        if (note !== undefined) entry.note = note;
        out.push(entry);
      }
    });
    return out;
  }
}

/** Checks one value of an option against its spec: the clean value, or the problems found. */
export function checkOptionValue(spec: OptionSpec, value: unknown): { value?: unknown; problems: string[] } {
  const check = new Checker();
  const checked = check.option(spec, value);
  return check.problems.length > 0 ? { problems: check.problems } : { value: checked, problems: [] };
}

/**
 * Checks options written by a user and returns them in a clean form (rule shorthands expanded to
 * `{enabled?, severity?}`, strings trimmed). Throws ConfigError listing every problem, each
 * prefixed with `source` (e.g. the config file's path). Terms are kept as literal text.
 */
export function validateOptions(input: unknown, source: string): PartialOptions {
  const check = new Checker();
  if (!isPlainObject(input)) {
    throw new ConfigError(source, [`expected an object with options, got ${describe(input)}`]);
  }
  check.unknownKeys(input, OPTION_KEYS, '', 'option');
  const out: PartialOptions = {};
  const set = <K extends keyof PartialOptions>(key: K, value: PartialOptions[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  const values = out as Record<string, unknown>;
  if (input.$schema !== undefined && typeof input.$schema !== 'string') {
    check.fail(`"$schema" must be a string, got ${describe(input.$schema)}`);
  }
  if (input.rules !== undefined) set('rules', check.rules(input.rules));
  for (const spec of OPTIONS) {
    const value = input[spec.key];
    const checked = value === undefined ? undefined : check.option(spec, value);
    if (checked !== undefined) values[spec.key] = checked;
  }
  if (check.problems.length > 0) throw new ConfigError(source, check.problems);
  return out;
}

// ---- Merging -------------------------------------------------------------------------------

function applyRuleSetting(current: RuleOptions, setting: RuleSetting): RuleOptions {
  if (setting === 'off' || setting === false) return { ...current, enabled: false };
  if (setting === true) return { ...current, enabled: true };
  if (typeof setting === 'string') return { enabled: true, severity: setting };
  return {
    enabled: setting.enabled ?? current.enabled,
    severity: setting.severity ?? current.severity,
  };
}

const termKey = (term: string) => term.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/** Appends to a list, skipping entries already present (by `keyOf`: words compare case-insensitively). */
function appendUnique<T>(list: T[], more: readonly T[], keyOf: (item: T) => string): void {
  const seen = new Set(list.map(keyOf));
  for (const item of more) {
    const key = keyOf(item);
    if (!seen.has(key)) {
      seen.add(key);
      list.push(item);
    }
  }
}

/**
 * The options to review with: the defaults, then each layer in turn (later layers win; `terms`,
 * `ignoredTerms` and `ignoredCues` are concatenated, and a term given again replaces the earlier
 * entry). Layers should have been through `validateOptions`. The result is a fresh object.
 */
export function resolveOptions(...layers: PartialOptions[]): ReviewOptions {
  const options = defaultOptions();
  const values = options as unknown as Record<OptionKey, unknown>;
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.rules) {
      for (const id of RULE_IDS) {
        const setting = layer.rules[id];
        if (setting !== undefined) options.rules[id] = applyRuleSetting(options.rules[id], setting);
      }
    }
    for (const spec of OPTIONS) {
      const value = layer[spec.key];
      if (value === undefined) continue;
      if (spec.type === 'words') appendUnique(values[spec.key] as string[], value as string[], termKey);
      else if (spec.type === 'occurrences') appendUnique(values[spec.key] as IgnoredOccurrence[], (value as IgnoredOccurrence[]).map(o => ({ ...o })), occurrenceKey);
      else if (spec.type === 'terms') mergeTerms(values[spec.key] as UserTerm[], value as UserTerm[]);
      else values[spec.key] = value;
    }
  }
  return options;
}

/** Adds terms to a list; a term given again replaces the earlier entry. */
function mergeTerms(terms: UserTerm[], more: readonly UserTerm[]): void {
  for (const t of more) {
    const entry: UserTerm = { ...t, suggestions: [...t.suggestions] };
    const at = terms.findIndex(existing => termKey(existing.term) === termKey(t.term));
    if (at >= 0) terms[at] = entry;
    else terms.push(entry);
  }
}

// ---- Parsing -------------------------------------------------------------------------------

/** 1-based line and column (UTF-16) of an offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** What jsonc-parser's error codes mean, in the words of the error message. */
const SYNTAX_PROBLEMS: Record<ParseErrorCode, string> = {
  [ParseErrorCode.InvalidSymbol]: 'unexpected character; strings and property names need double quotes',
  [ParseErrorCode.InvalidNumberFormat]: 'invalid number',
  [ParseErrorCode.PropertyNameExpected]: 'expected a property name in double quotes',
  [ParseErrorCode.ValueExpected]: 'expected a value',
  [ParseErrorCode.ColonExpected]: "expected ':' after the property name",
  [ParseErrorCode.CommaExpected]: "expected ',' between entries",
  [ParseErrorCode.CloseBraceExpected]: "expected ',' or '}'",
  [ParseErrorCode.CloseBracketExpected]: "expected ',' or ']'",
  [ParseErrorCode.EndOfFileExpected]: 'expected the end of the file (only one JSON value is allowed)',
  [ParseErrorCode.InvalidCommentToken]: 'invalid comment',
  [ParseErrorCode.UnexpectedEndOfComment]: 'unterminated comment',
  [ParseErrorCode.UnexpectedEndOfString]: 'unterminated string',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'unexpected end of a number',
  [ParseErrorCode.InvalidUnicode]: 'invalid \\u escape in a string (needs 4 hex digits)',
  [ParseErrorCode.InvalidEscapeCharacter]: 'invalid escape in a string',
  [ParseErrorCode.InvalidCharacter]: 'a control character inside a string; write it as an escape',
};

/**
 * Parses JSON with comments (JSONC, as VS Code's own settings files are read: `//` and `/* *\/`
 * comments and trailing commas are allowed) with jsonc-parser. Returns the value, or the first
 * syntax problem with its offset.
 */
function parseJsonc(text: string): { value: unknown } | { offset: number; message: string } {
  const errors: ParseError[] = [];
  let value: unknown;
  try {
    value = parseJsoncText(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  } catch (e) {
    // The parser recurses per nesting level: a pathological file is refused, not a crash.
    if (e instanceof RangeError) return { offset: 0, message: 'nested too deeply' };
    throw e;
  }
  if (errors.length === 0) return { value };
  const first = errors[0];
  const atEnd = first.offset >= text.length;
  const message = SYNTAX_PROBLEMS[first.error] ?? printParseErrorCode(first.error);
  return { offset: first.offset, message: atEnd ? `unexpected end of the file; ${message}` : message };
}

/**
 * Parses the text of `.editorial-review.json` (JSON with comments) and validates it. A leading BOM is ignored and a
 * file with nothing but white space means "no options". Syntax errors become ConfigError with the
 * line and column of the problem.
 */
export function parseConfigText(json: string, source: string): PartialOptions {
  const text = json.charCodeAt(0) === 0xfeff ? json.slice(1) : json;
  if (text.trim() === '') return {};
  const parsed = parseJsonc(text);
  if (!('value' in parsed)) {
    const location = lineColumn(text, parsed.offset);
    throw new ConfigError(source, [`invalid JSON (line ${location.line}, column ${location.column}): ${parsed.message}`], location);
  }
  const value = parsed.value;
  return validateOptions(value, source);
}
