import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CONFIG_FILE_NAME,
  ConfigError,
  LIMITS,
  OPTION_KEYS,
  SEVERITIES,
  TERM_KEYS,
  parseConfigText,
  resolveOptions,
  validateOptions,
} from '../../src/core/options/config';
import { defaultOptions } from '../../src/core/options/defaults';
import { RULE_IDS } from '../../src/core/model/types';
import { findConfigFile, loadConfigFile } from '../../src/node/configFile';

const ROOT = path.resolve(__dirname, '../../..');
const SRC = '/x/.editorial-review.json';

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ConfigError, `expected ConfigError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a ConfigError');
}

describe('config: validateOptions', () => {
  it('accepts an empty object and every option', () => {
    assert.deepStrictEqual(validateOptions({}, SRC), {});
    const full = {
      $schema: './schemas/editorial-review.schema.json',
      rules: { 'repeated-passage': 'error', 'near-duplicate': 'off', 'unattributed-claim': { severity: 'hint' }, 'loaded-term': false },
      minWords: 10,
      nearDuplicateThreshold: 0.9,
      terms: [{ term: 'freedom fighters', suggestions: ['fighters'], category: 'contested label', note: 'takes a side' }],
      ignoredTerms: ['regime'],
      ignoredCues: ['reportedly'],
      maxFindingsPerRule: 50,
    };
    const out = validateOptions(full, SRC);
    assert.deepStrictEqual(out.rules, {
      'repeated-passage': { enabled: true, severity: 'error' },
      'near-duplicate': { enabled: false },
      'unattributed-claim': { severity: 'hint' },
      'loaded-term': { enabled: false },
    });
    assert.strictEqual(out.minWords, 10);
    assert.strictEqual(out.terms?.[0].term, 'freedom fighters');
  });

  it('names the source, the option and the value in the message', () => {
    const e = configError(() => validateOptions({ minWords: 'eight' }, SRC));
    assert.strictEqual(e.message, `${SRC}: "minWords" must be an integer from 1 to 100, got "eight"`);
    assert.strictEqual(e.source, SRC);
  });

  it('rejects unknown keys, with a suggestion', () => {
    const e = configError(() => validateOptions({ minword: 3 }, SRC));
    assert.match(e.message, /unknown option "minword" \(did you mean "minWords"\?\)/);
    assert.match(configError(() => validateOptions({ rules: { 'loaded-term': { enabled: true, level: 'x' } } }, SRC)).message, /unknown key "level"/);
    assert.match(configError(() => validateOptions({ terms: [{ term: 'a', suggestions: ['b'], regex: true }] }, SRC)).message, /unknown key "regex"/);
  });

  it('rejects wrong types and values out of range', () => {
    const cases: [unknown, RegExp][] = [
      [{ minWords: 0 }, /"minWords" must be an integer from 1 to 100, got 0/],
      [{ minWords: 8.5 }, /"minWords" must be an integer/],
      [{ minWords: 101 }, /got 101/],
      [{ nearDuplicateThreshold: 0.4 }, /"nearDuplicateThreshold" must be a number from 0.5 to 1, got 0.4/],
      [{ nearDuplicateThreshold: 1.01 }, /nearDuplicateThreshold/],
      [{ nearDuplicateThreshold: '0.8' }, /got "0.8"/],
      [{ maxFindingsPerRule: -1 }, /"maxFindingsPerRule" must be an integer/],
      [{ rules: [] }, /"rules" must be an object/],
      [{ rules: { 'loaded-terms': 'off' } }, /unknown rule "loaded-terms" \(did you mean "loaded-term"\?\)/],
      [{ rules: { 'loaded-term': 'loud' } }, /"rules.loaded-term" must be "off", one of error, warning, info, hint/],
      [{ rules: { 'loaded-term': { severity: 'fatal' } } }, /"rules.loaded-term.severity" must be one of error, warning, info, hint, got "fatal"/],
      [{ rules: { 'loaded-term': { enabled: 'yes' } } }, /"rules.loaded-term.enabled" must be true or false/],
      [{ terms: {} }, /"terms" must be a list/],
      [{ terms: ['Kiev'] }, /"terms\[0\]" must be an object/],
      [{ terms: [{ term: 'Kiev' }] }, /"terms\[0\]" \("Kiev"\) needs "suggestions"/],
      [{ terms: [{ term: 'Kiev', suggestions: [] }] }, /"terms\[0\].suggestions" \("Kiev"\) must list at least one/],
      [{ terms: [{ term: 'Kiev', suggestions: [''] }] }, /"terms\[0\].suggestions\[0\]" must be a non-empty string, got an empty string/],
      [{ terms: [{ suggestions: ['x'] }] }, /"terms\[0\]" needs "term"/],
      [{ terms: [{ term: '   ', suggestions: ['x'] }] }, /"terms\[0\].term" must be a non-empty string/],
      [{ terms: [{ term: '.*', suggestions: ['x'] }] }, /must contain at least one letter or digit/],
      [{ terms: [{ term: 'x'.repeat(201), suggestions: ['x'] }] }, /too long/],
      [{ ignoredTerms: 'regime' }, /"ignoredTerms" must be a list of strings, got "regime"/],
      [{ ignoredCues: [3] }, /"ignoredCues\[0\]" must be a non-empty string, got 3/],
      [{ $schema: 3 }, /"\$schema" must be a string/],
    ];
    for (const [input, pattern] of cases) {
      const e = configError(() => validateOptions(input, SRC));
      assert.match(e.message, pattern, JSON.stringify(input));
      assert.ok(e.message.startsWith(`${SRC}: `), e.message);
    }
  });

  it('reports every problem at once, each line naming the source', () => {
    const e = configError(() => validateOptions({ minWords: 'x', nearDuplicateThreshold: 2, foo: 1 }, SRC));
    assert.strictEqual(e.problems.length, 3);
    for (const line of e.message.split('\n')) assert.ok(line.startsWith(`${SRC}: `));
  });

  it('rejects a non-object', () => {
    for (const input of [null, [], 'x', 3]) {
      assert.match(configError(() => validateOptions(input, SRC)).message, /expected an object with options/);
    }
  });

  it('keeps user terms as literal text (regular-expression syntax is not interpreted)', () => {
    const out = validateOptions({ terms: [{ term: 'a.b (c)+', suggestions: ['x'] }], ignoredTerms: ['[regime]'] }, SRC);
    assert.strictEqual(out.terms?.[0].term, 'a.b (c)+');
    assert.deepStrictEqual(out.ignoredTerms, ['[regime]']);
  });
});

describe('config: resolveOptions', () => {
  it('gives the defaults without layers, as a fresh object', () => {
    const a = resolveOptions();
    assert.deepStrictEqual(a, defaultOptions());
    a.rules['loaded-term'].enabled = false;
    a.ignoredTerms.push('x');
    assert.deepStrictEqual(resolveOptions(), defaultOptions());
  });

  it('lets later layers win and concatenates lists', () => {
    const o = resolveOptions(
      validateOptions({ minWords: 5, rules: { 'loaded-term': 'off' }, ignoredTerms: ['regime'], terms: [{ term: 'Foo', suggestions: ['a'] }] }, 'a'),
      validateOptions({ minWords: 6, rules: { 'loaded-term': { severity: 'error' } }, ignoredTerms: ['Regime', 'junta'], ignoredCues: ['reportedly'], terms: [{ term: 'bar', suggestions: ['b'] }, { term: 'foo', suggestions: ['c'] }] }, 'b'),
    );
    assert.strictEqual(o.minWords, 6);
    // "off" kept the severity; a later severity alone does not turn the rule back on.
    assert.deepStrictEqual(o.rules['loaded-term'], { enabled: false, severity: 'error' });
    assert.deepStrictEqual(o.ignoredTerms, ['regime', 'junta']);
    assert.deepStrictEqual(o.ignoredCues, ['reportedly']);
    assert.deepStrictEqual(o.terms.map(t => [t.term, t.suggestions[0]]), [['foo', 'c'], ['bar', 'b']]);
    assert.strictEqual(o.nearDuplicateThreshold, defaultOptions().nearDuplicateThreshold);
  });

  it('turns a rule on with a severity shorthand and off with false', () => {
    const o = resolveOptions({ rules: { 'near-duplicate': 'off' } }, { rules: { 'near-duplicate': 'hint', 'repeated-passage': false } });
    assert.deepStrictEqual(o.rules['near-duplicate'], { enabled: true, severity: 'hint' });
    assert.strictEqual(o.rules['repeated-passage'].enabled, false);
  });
});

describe('config: parseConfigText', () => {
  it('parses valid JSON, with or without a BOM; blank means no options', () => {
    assert.deepStrictEqual(parseConfigText('{"minWords": 9}', SRC), { minWords: 9 });
    assert.deepStrictEqual(parseConfigText('\uFEFF{"minWords": 9}', SRC), { minWords: 9 });
    assert.deepStrictEqual(parseConfigText(' \n', SRC), {});
  });

  it('gives the line and column of a syntax error', () => {
    const cases: [string, number, number, RegExp][] = [
      ['{\n  "minWords": 8\n  "rules": {}\n}', 3, 3, /expected ','/],
      ['{"a": tru}', 1, 7, /unexpected character/],
      ['{"a": "x', 1, 7, /unterminated string/],
      ["{'a': 1}", 1, 2, /double quotes/],
      ['{"a": 1} 2', 1, 10, /only one JSON value/],
      ['{"a": 1', 1, 8, /unexpected end of the file/],
      ['{"a": "\\q"}', 1, 7, /invalid escape/],
      ['{\n  /* never closed\n  "minWords": 8\n}', 2, 3, /unterminated comment/],
      ['\r\n\r\n  {]', 3, 4, /property name/],
    ];
    for (const [text, line, column, pattern] of cases) {
      const e = configError(() => parseConfigText(text, SRC));
      assert.deepStrictEqual(e.location, { line, column }, `${JSON.stringify(text)}: ${e.message}`);
      assert.ok(e.message.startsWith(`${SRC}:${line}:${column}: invalid JSON (line ${line}, column ${column}): `), e.message);
      assert.match(e.message, pattern);
    }
  });

  it('reads JSON with comments and trailing commas, as VS Code reads its own settings', () => {
    const text = '{\n  // why: the wire copy uses short sentences\n  "minWords": 8, /* inline */\n  "ignoredTerms": ["regime",],\n}\n';
    assert.deepStrictEqual(parseConfigText(text, SRC), { minWords: 8, ignoredTerms: ['regime'] });
  });

  it('refuses a pathologically nested file with a message, not a crash', () => {
    const deep = '{"a":' + '['.repeat(200000) + ']'.repeat(200000) + '}';
    assert.match(configError(() => parseConfigText(deep, SRC)).message, /invalid JSON|must be/);
  });

  it('validates after parsing, and rejects a top-level array', () => {
    assert.match(configError(() => parseConfigText('{"minWords": "eight"}', SRC)).message, /"minWords" must be an integer from 1 to 100, got "eight"/);
    assert.match(configError(() => parseConfigText('[]', SRC)).message, /expected an object with options, got an array/);
  });
});

describe('config: files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'er-config-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds the nearest config file upward', () => {
    const deep = path.join(dir, 'a', 'b', 'c');
    fs.mkdirSync(deep, { recursive: true });
    fs.writeFileSync(path.join(dir, CONFIG_FILE_NAME), '{}');
    fs.writeFileSync(path.join(dir, 'a', CONFIG_FILE_NAME), '{"minWords": 4}');
    assert.strictEqual(findConfigFile(deep), path.join(dir, 'a', CONFIG_FILE_NAME));
    assert.strictEqual(findConfigFile(dir), path.join(dir, CONFIG_FILE_NAME));
    assert.deepStrictEqual(loadConfigFile(findConfigFile(deep)!), { minWords: 4 });
  });

  it('passes over a folder that has the config file name', () => {
    const sub = path.join(dir, 'sub');
    fs.mkdirSync(path.join(sub, CONFIG_FILE_NAME), { recursive: true });
    const found = findConfigFile(sub);
    assert.ok(found === undefined || !found.startsWith(dir));
  });

  it('names the file in every error', () => {
    const file = path.join(dir, CONFIG_FILE_NAME);
    assert.match(configError(() => loadConfigFile(file)).message, new RegExp(`^${file.replace(/[.\\]/g, '\\$&')}: cannot read the config file: no such file`));
    fs.writeFileSync(file, '{"minWords" 8}');
    assert.match(configError(() => loadConfigFile(file)).message, /:1:13: invalid JSON/);
    fs.writeFileSync(file, Buffer.from([0x7b, 0xff, 0x7d]));
    assert.match(configError(() => loadConfigFile(file)).message, /not valid UTF-8/);
    fs.writeFileSync(file, '{"rules": {"loaded-term": "loud"}}');
    assert.ok(configError(() => loadConfigFile(file)).message.startsWith(`${file}: "rules.loaded-term"`));
  });
});

describe('config: JSON schema', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'editorial-review.schema.json'), 'utf8'));

  it('is draft-07 and closed', () => {
    assert.strictEqual(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.strictEqual(schema.additionalProperties, false);
  });

  it('has exactly the keys validateOptions accepts', () => {
    assert.deepStrictEqual(Object.keys(schema.properties).sort(), [...OPTION_KEYS].sort());
    assert.deepStrictEqual(Object.keys(schema.properties.rules.properties).sort(), [...RULE_IDS].sort());
    assert.deepStrictEqual(Object.keys(schema.properties.terms.items.properties).sort(), [...TERM_KEYS].sort());
    assert.deepStrictEqual(schema.definitions.severity.enum, [...SEVERITIES]);
  });

  it('states the defaults and limits of the code, and describes every option', () => {
    const d = defaultOptions();
    const p = schema.properties;
    for (const key of OPTION_KEYS) assert.ok(p[key].description, `${key} has a description`);
    for (const key of OPTION_KEYS.filter(k => k !== '$schema')) {
      assert.deepStrictEqual(p[key].default, (d as unknown as Record<string, unknown>)[key], `default of ${key}`);
    }
    for (const id of RULE_IDS) assert.deepStrictEqual(p.rules.properties[id].default, d.rules[id]);
    assert.strictEqual(p.minWords.minimum, LIMITS.minWords.min);
    assert.strictEqual(p.minWords.maximum, LIMITS.minWords.max);
    assert.strictEqual(p.nearDuplicateThreshold.minimum, LIMITS.nearDuplicateThreshold.min);
    assert.strictEqual(p.nearDuplicateThreshold.maximum, LIMITS.nearDuplicateThreshold.max);
    assert.strictEqual(p.maxFindingsPerRule.minimum, LIMITS.maxFindingsPerRule.min);
    assert.strictEqual(p.maxFindingsPerRule.maximum, LIMITS.maxFindingsPerRule.max);
    assert.deepStrictEqual(p.terms.items.required, ['term', 'suggestions']);
  });

  it('accepts its own defaults', () => {
    const d = defaultOptions();
    assert.doesNotThrow(() => validateOptions({ ...d }, 'defaults'));
  });
});
