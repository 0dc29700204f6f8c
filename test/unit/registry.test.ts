// The rule registry is the one description of the rules and their options: package.json's VS Code
// settings and the JSON schema of `.editorial-review.json` must say the same (nothing is generated
// from it at build time, so this test is what keeps them in line).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { OPTION_KEYS, SEVERITIES, checkOptionValue, resolveOptions, validateOptions } from '../../src/core/options/config';
import { defaultOptions } from '../../src/core/options/defaults';
import { compileLexicons } from '../../src/core/language/lexicon';
import { Reviewer, review } from '../../src/core/review/review';
import { OPTIONS, PARAGRAPH_RULES, RULES, RULE_IDS, ruleById } from '../../src/core/rules/registry';
import { OptionSpec } from '../../src/core/rules/rule';
import { ofRule } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'editorial-review.schema.json'), 'utf8'));
const settings: Record<string, Record<string, unknown>> = pkg.contributes.configuration.properties;

/** What an option's spec implies for a JSON schema (VS Code settings are JSON schemas too). */
function expectedSchema(spec: OptionSpec): Record<string, unknown> {
  switch (spec.type) {
    case 'integer':
    case 'number':
      return { type: spec.type, default: spec.default, minimum: spec.min, maximum: spec.max };
    case 'severity':
      return { type: 'string', enum: [...SEVERITIES], default: spec.default };
    case 'boolean':
      return { type: 'boolean', default: spec.default };
    case 'words':
    case 'terms':
    case 'occurrences':
      return { type: 'array', default: spec.default };
  }
}

/** The schema's own `$ref`s resolved (one level, as this schema uses them). */
function resolveRef(node: Record<string, unknown>): Record<string, unknown> {
  const ref = node.$ref as string | undefined;
  if (!ref) return node;
  const name = ref.replace('#/definitions/', '');
  return { ...schema.definitions[name], ...node };
}

function checkItems(spec: OptionSpec, node: Record<string, unknown>, where: string): void {
  const items = resolveRef(node.items as Record<string, unknown>);
  if (spec.type === 'words') {
    assert.strictEqual(items.type, 'string', `${where}: items are strings`);
    assert.strictEqual(items.minLength, 1, `${where}: items are not empty`);
  }
  if (spec.type === 'terms') {
    assert.strictEqual(items.type, 'object', `${where}: items are objects`);
    assert.deepStrictEqual(items.required, ['term', 'suggestions'], `${where}: term and suggestions required`);
  }
  if (spec.type === 'occurrences') {
    assert.strictEqual(items.type, 'object', `${where}: items are objects`);
    assert.deepStrictEqual(items.required, ['term', 'sentence'], `${where}: term and sentence required`);
  }
}

describe('rule registry', () => {
  it('has unique ids, names, setting keys and option keys, and a complete description of each rule', () => {
    for (const key of ['id', 'name', 'title', 'settingKey', 'docsAnchor'] as const) {
      assert.strictEqual(new Set(RULES.map(r => r[key])).size, RULES.length, `unique ${key}`);
    }
    assert.strictEqual(new Set(OPTIONS.map(o => o.key)).size, OPTIONS.length, 'unique option keys');
    for (const r of RULES) {
      assert.ok(r.shortDescription && r.fullDescription && r.label.one && r.label.many && r.icon, r.id);
      assert.match(r.settingKey, /^[a-z][A-Za-z]*$/, `${r.id}: a camelCase setting key`);
      assert.ok((SEVERITIES as readonly string[]).includes(r.defaultSeverity), `${r.id}: a severity`);
      assert.strictEqual(ruleById(r.id), r);
    }
    for (const r of PARAGRAPH_RULES) assert.ok(r.stage && typeof r.analyze === 'function' && typeof r.finding === 'function', r.id);
  });

  it('has a README section per rule, at its docs anchor', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const sections = readme.slice(readme.indexOf('\n## Rules')).split(/\n## /)[1] ?? '';
    const anchors = [...sections.matchAll(/^### (\S+)$/gm)].map(m => m[1]);
    assert.deepStrictEqual(anchors, RULES.map(r => r.docsAnchor));
  });

  it('gives the defaults: each rule on or off with its severity, each option its default', () => {
    const d = defaultOptions();
    assert.deepStrictEqual(Object.keys(d).sort(), ['rules', ...OPTIONS.map(o => o.key)].sort());
    for (const r of RULES) assert.deepStrictEqual(d.rules[r.id], { enabled: r.defaultEnabled, severity: r.defaultSeverity });
    for (const o of OPTIONS) assert.deepStrictEqual((d as unknown as Record<string, unknown>)[o.key], o.default, o.key);
    // Fresh objects each time: changing one set of defaults leaves the registry alone.
    d.ignoredCues.push('x');
    assert.deepStrictEqual(defaultOptions().ignoredCues, []);
  });

  it('validates and merges every option by its spec', () => {
    assert.deepStrictEqual([...OPTION_KEYS], ['$schema', 'rules', ...OPTIONS.map(o => o.key)]);
    for (const o of OPTIONS) {
      if (o.type === 'integer' || o.type === 'number') {
        assert.throws(() => validateOptions({ [o.key]: o.max + 1 }, 'test'), new RegExp(`"${o.key}" must be`));
        assert.strictEqual((resolveOptions({ [o.key]: o.min }) as unknown as Record<string, unknown>)[o.key], o.min);
      }
      if (o.type === 'words') {
        const merged = resolveOptions({ [o.key]: ['alpha'] }, { [o.key]: ['ALPHA', 'beta'] });
        assert.deepStrictEqual((merged as unknown as Record<string, unknown>)[o.key], ['alpha', 'beta'], o.key);
      }
    }
  });
});

describe('option specs of every type', () => {
  // Specs a rule may contribute; the current rules do not use all types yet.
  const severity: OptionSpec = { key: 'minWords', type: 'severity', default: 'info', description: 'test' };
  const flag: OptionSpec = { key: 'minWords', type: 'boolean', default: false, description: 'test' };
  const words: OptionSpec = { key: 'minWords', type: 'words', default: [], description: 'test' };

  it('a severity option takes a severity and nothing else', () => {
    assert.deepStrictEqual(checkOptionValue(severity, 'hint'), { value: 'hint', problems: [] });
    assert.match(checkOptionValue(severity, 'loud').problems.join(), /"minWords" must be one of error, warning, info, hint, got "loud"/);
  });

  it('a boolean option takes true or false', () => {
    assert.deepStrictEqual(checkOptionValue(flag, true), { value: true, problems: [] });
    assert.match(checkOptionValue(flag, 'yes').problems.join(), /"minWords" must be true or false/);
  });

  it('a words option takes a list of words, trimmed', () => {
    assert.deepStrictEqual(checkOptionValue(words, [' a b ']), { value: ['a b'], problems: [] });
    assert.match(checkOptionValue(words, 'a').problems.join(), /must be a list of strings/);
    assert.match(checkOptionValue(words, ['...']).problems.join(), /at least one letter or digit/);
  });
});

describe('package.json settings agree with the registry', () => {
  it('each rule has exactly its enabled and severity settings, with the registry defaults', () => {
    const ruleSettings = Object.keys(settings).filter(k => k.startsWith('editorialReview.rules.'));
    const expected = RULES.flatMap(r => [`editorialReview.rules.${r.settingKey}.enabled`, `editorialReview.rules.${r.settingKey}.severity`]);
    assert.deepStrictEqual(ruleSettings.sort(), expected.sort());
    for (const r of RULES) {
      const enabled = settings[`editorialReview.rules.${r.settingKey}.enabled`];
      assert.strictEqual(enabled.type, 'boolean', r.id);
      assert.strictEqual(enabled.default, r.defaultEnabled, `${r.id}: default enabled`);
      const severity = settings[`editorialReview.rules.${r.settingKey}.severity`];
      assert.strictEqual(severity.type, 'string', r.id);
      assert.deepStrictEqual(severity.enum, [...SEVERITIES], `${r.id}: severities`);
      assert.strictEqual((severity.enumDescriptions as string[]).length, SEVERITIES.length, `${r.id}: a description per severity`);
      assert.strictEqual(severity.default, r.defaultSeverity, `${r.id}: default severity`);
      for (const s of [enabled, severity]) assert.match(String(s.markdownDescription), new RegExp(`\`${r.id}\``), `${r.id}: names the rule`);
    }
  });

  it('each option is a setting with the type, default and bounds of its spec', () => {
    for (const o of OPTIONS) {
      const s = settings[`editorialReview.${o.key}`];
      assert.ok(s, `editorialReview.${o.key} is contributed`);
      for (const [k, v] of Object.entries(expectedSchema(o))) assert.deepStrictEqual(s[k], v, `editorialReview.${o.key}: ${k}`);
      if (o.type === 'words' || o.type === 'terms' || o.type === 'occurrences') checkItems(o, s, `editorialReview.${o.key}`);
      assert.ok(s.markdownDescription || s.description, `editorialReview.${o.key} is described`);
    }
  });
});

describe('the JSON schema agrees with the registry', () => {
  const p = schema.properties;

  it('lists every rule with its default, and the severities', () => {
    assert.deepStrictEqual(Object.keys(p.rules.properties), [...RULE_IDS]);
    assert.deepStrictEqual(schema.definitions.severity.enum, [...SEVERITIES]);
    assert.deepStrictEqual(schema.definitions.ruleSetting.oneOf[0].enum, ['off', ...SEVERITIES]);
    for (const r of RULES) {
      const expected = { enabled: r.defaultEnabled, severity: r.defaultSeverity };
      assert.deepStrictEqual(p.rules.default[r.id], expected, `${r.id}: default in rules.default`);
      assert.deepStrictEqual(p.rules.properties[r.id].default, expected, `${r.id}: default`);
      assert.match(p.rules.properties[r.id].description, new RegExp(`Default: ${r.defaultEnabled ? 'on' : 'off'}, ${r.defaultSeverity}\\.`), r.id);
    }
    assert.deepStrictEqual(Object.keys(p.rules.default), [...RULE_IDS]);
  });

  it('describes every option with the type, default and bounds of its spec', () => {
    assert.deepStrictEqual(Object.keys(p).sort(), [...OPTION_KEYS].sort());
    for (const o of OPTIONS) {
      const node = resolveRef(p[o.key]);
      for (const [k, v] of Object.entries(expectedSchema(o))) assert.deepStrictEqual(node[k], v, `${o.key}: ${k}`);
      if (o.type === 'words' || o.type === 'terms' || o.type === 'occurrences') checkItems(o, node, o.key);
      assert.ok(node.description, `${o.key} is described`);
    }
  });
});

describe('compiled lexicons', () => {
  const text = 'The blorptax was announced on Monday. It reportedly passed.';

  it('are the ones given to review and Reviewer, compiled once by the caller', () => {
    const options = defaultOptions();
    const withTerm = compileLexicons({ ...options, terms: [{ term: 'blorptax', suggestions: ['levy'] }] });
    assert.deepStrictEqual(ofRule(review(text, options), 'loaded-term').map(f => f.data.term), []);
    assert.deepStrictEqual(ofRule(review(text, options, withTerm), 'loaded-term').map(f => f.data.term), ['blorptax']);
    const reviewer = new Reviewer(options, true, withTerm);
    assert.strictEqual(reviewer.lexicons, withTerm);
    assert.deepStrictEqual(ofRule(reviewer.review(text), 'loaded-term').map(f => f.data.suggestions), [['levy']]);
  });

  it('give the same findings as lexicons compiled by the review itself', () => {
    const options = resolveOptions({ ignoredCues: ['reportedly'], terms: [{ term: 'blorptax', suggestions: ['levy'] }] });
    const given = review(text, options, compileLexicons(options));
    const own = review(text, options);
    assert.deepStrictEqual(given.findings, own.findings);
    assert.deepStrictEqual(own.findings.map(f => f.rule), ['loaded-term']);
  });
});
