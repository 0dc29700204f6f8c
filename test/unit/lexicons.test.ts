// The default lexicons are data: these tests hold them to their schemas and to the pattern
// syntax the matcher understands, without any validator dependency.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';

const LEXICON_DIR = path.join(__dirname, '../../../src/core/language/lexicons');

type Json = unknown;

function readJson(name: string): Json {
  return JSON.parse(fs.readFileSync(path.join(LEXICON_DIR, name), 'utf8')) as Json;
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: Json): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** One word as the tokenizer sees it: letters or digits, inner apostrophes allowed. */
const WORD = /^[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*$/u;
/** Characters that would mean something to a regular expression (the matcher never uses one). */
const REGEX_META = /[.*+^$()[\]{}\\/]/;

/** The problems with a pattern, or [] when it uses only the documented syntax. */
function patternProblems(pattern: string): string[] {
  const problems: string[] = [];
  if (pattern !== pattern.trim()) problems.push('leading or trailing space');
  if (REGEX_META.test(pattern)) problems.push('regular-expression character');
  if (/[\u2018\u2019\u201C\u201D"]/.test(pattern)) problems.push('curly or double quote (write a straight apostrophe)');
  const tokens = pattern.trim().split(/[ -]+/).filter(Boolean);
  if (tokens.length === 0) problems.push('no token');
  // A hyphen splits tokens, so "a|b-c" would read as the tokens "a|b" and "c".
  if (pattern.split(' ').some(t => t.includes('|') && t.includes('-'))) problems.push('hyphenated alternative (write it as its own entry, "b c")');
  if (tokens.every(t => t.endsWith('?'))) problems.push('every token optional');
  for (const token of tokens) {
    const body = token.endsWith('?') ? token.slice(0, -1) : token;
    if (body.includes('?')) problems.push(`"?" inside token "${token}"`);
    const alternatives = body.split('|');
    if (alternatives.some(a => !WORD.test(a))) problems.push(`bad token "${token}"`);
  }
  return problems;
}

/** Every plain word sequence a pattern stands for (optional tokens both ways). */
function variants(pattern: string): string[][][] {
  let out: string[][][] = [[]];
  for (const token of pattern.trim().split(/[ -]+/).filter(Boolean)) {
    const optional = token.endsWith('?');
    const alternatives = (optional ? token.slice(0, -1) : token).split('|').map(a => a.toLowerCase());
    const withToken = out.map(v => [...v, alternatives]);
    out = optional ? [...out, ...withToken] : withToken;
  }
  return out.filter(v => v.length > 0);
}

/** Words of a text as the engine tokenizes them: ’ folded to ', lower-cased. */
function words(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu) ?? []).map(w => w.replace(/\u2019/g, "'").toLowerCase());
}

function patternCovers(pattern: string, text: string): boolean {
  const target = words(text);
  return variants(pattern).some(v => v.length === target.length && v.every((alts, i) => alts.includes(target[i])));
}

const CONTEXT_KEYS = new Set(['unlessBefore', 'unlessAfter', 'unlessNear', 'onlyNear', 'unlessSoonAfter', 'unlessObjectThen', 'unlessTermOfArt', 'window']);

function contextProblems(context: Json): string[] {
  if (context === undefined) return [];
  if (!isObject(context)) return ['context is not an object'];
  const problems: string[] = [];
  for (const key of Object.keys(context)) {
    if (!CONTEXT_KEYS.has(key)) problems.push(`unknown context key "${key}"`);
  }
  if (context.unlessTermOfArt !== undefined && context.unlessTermOfArt !== true) problems.push('unlessTermOfArt is not true');
  for (const key of ['unlessBefore', 'unlessAfter', 'unlessNear', 'onlyNear', 'unlessObjectThen']) {
    const list = context[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0) {
      problems.push(`${key} is not a non-empty array`);
      continue;
    }
    for (const word of list) {
      // Context words are compared with single tokens, so each must be one word.
      if (typeof word !== 'string' || !WORD.test(word)) problems.push(`${key} has "${String(word)}", not a single word`);
    }
  }
  const window = context.window;
  if (window !== undefined && !(Number.isInteger(window) && (window as number) >= 1 && (window as number) <= 12)) {
    problems.push(`window ${String(window)} is not an integer from 1 to 12`);
  }
  return problems;
}

const fold = (s: string) => s.replace(/[\u2018\u2019]/g, "'").toLowerCase().replace(/[\s-]+/g, ' ').trim();

describe('lexicons', () => {
  describe('loaded-terms.json', () => {
    const data = readJson('loaded-terms.json');
    assert.ok(isObject(data), 'loaded-terms.json is a JSON object');
    const categories = data.categories as Record<string, Json>;
    const entries = data.entries as Record<string, Json>[];
    const TERM_KEYS = new Set(['term', 'suggestions', 'category', 'note', 'forms', 'caseSensitive', 'context']);

    it('points at its schema and has only the schema\'s top-level keys', () => {
      assert.equal(data.$schema, './loaded-terms.schema.json');
      assert.deepEqual(Object.keys(data).sort(), ['$schema', 'categories', 'entries']);
    });

    it('describes every category in one line', () => {
      assert.ok(isObject(categories));
      for (const [id, description] of Object.entries(categories)) {
        assert.match(id, /^[a-z]+(?:-[a-z]+)*$/, `category id "${id}"`);
        assert.ok(isNonEmptyString(description) && !description.includes('\n'), `description of "${id}"`);
      }
    });

    it('gives every entry the required fields, a known category and a valid context', () => {
      assert.ok(Array.isArray(entries));
      const problems: string[] = [];
      for (const e of entries) {
        const name = JSON.stringify(e.term);
        if (!isObject(e)) { problems.push('an entry is not an object'); continue; }
        for (const key of Object.keys(e)) if (!TERM_KEYS.has(key)) problems.push(`${name}: unknown key "${key}"`);
        if (!isNonEmptyString(e.term)) problems.push(`${name}: no term`);
        if (!Array.isArray(e.suggestions) || !e.suggestions.every(isNonEmptyString)) problems.push(`${name}: suggestions`);
        if (!isNonEmptyString(e.category) || !Object.prototype.hasOwnProperty.call(categories, e.category)) problems.push(`${name}: unknown category ${JSON.stringify(e.category)}`);
        if (!isNonEmptyString(e.note) || e.note.includes('\n')) problems.push(`${name}: note missing or not one line`);
        if (e.forms !== undefined && typeof e.forms !== 'boolean') problems.push(`${name}: forms is not a boolean`);
        if (e.caseSensitive !== undefined && typeof e.caseSensitive !== 'boolean') problems.push(`${name}: caseSensitive is not a boolean`);
        problems.push(...contextProblems(e.context).map(p => `${name}: ${p}`));
      }
      assert.deepEqual(problems, []);
    });

    it('has at least 150 entries across at least 6 categories, each used', () => {
      assert.ok(entries.length >= 150, `${entries.length} entries`);
      // Emotive wording has no curated entries: its words come from the derived emotive.json.
      const used = new Set([...entries.map(e => e.category), 'emotive-wording']);
      assert.ok(used.size >= 6, `${used.size} categories used`);
      for (const id of Object.keys(categories)) assert.ok(used.has(id), `category "${id}" has no entry`);
    });

    it('writes every term in the documented pattern syntax', () => {
      const problems = entries.flatMap(e => patternProblems(String(e.term)).map(p => `${JSON.stringify(e.term)}: ${p}`));
      assert.deepEqual(problems, []);
    });

    it('has no duplicate term', () => {
      const seen = new Map<string, number>();
      for (const e of entries) seen.set(fold(String(e.term)), (seen.get(fold(String(e.term))) ?? 0) + 1);
      assert.deepEqual([...seen].filter(([, n]) => n > 1).map(([t]) => t), []);
    });

    it('never suggests the term itself', () => {
      const problems: string[] = [];
      for (const e of entries) {
        const term = String(e.term);
        for (const s of e.suggestions as string[]) {
          if (fold(s) === fold(term) || patternCovers(term, s)) problems.push(`${term} -> ${s}`);
        }
        if (new Set((e.suggestions as string[]).map(fold)).size !== (e.suggestions as string[]).length) problems.push(`${term}: repeated suggestion`);
      }
      assert.deepEqual(problems, []);
    });

    it('covers the wording the seed dump requires', () => {
      const required = ['Kiev', 'Donbass', 'liberated', 'Krasnoarmeysk', 'Donetsk People\u2019s Republic', 'riots', 'terrorism'];
      for (const text of required) {
        assert.ok(entries.some(e => patternCovers(String(e.term), text)), `no entry matches "${text}"`);
      }
    });
  });

  describe('cues.json', () => {
    const data = readJson('cues.json');
    assert.ok(isObject(data), 'cues.json is a JSON object');
    const entries = data.entries as Record<string, Json>[];
    const CUE_KEYS = new Set(['cue', 'kind', 'note', 'context']);

    it('points at its schema and has only the schema\'s top-level keys', () => {
      assert.equal(data.$schema, './cues.schema.json');
      assert.deepEqual(Object.keys(data).sort(), ['$schema', 'entries']);
    });

    it('gives every cue the required fields, a known kind and a valid context', () => {
      assert.ok(Array.isArray(entries));
      const problems: string[] = [];
      for (const e of entries) {
        const name = JSON.stringify(e.cue);
        for (const key of Object.keys(e)) if (!CUE_KEYS.has(key)) problems.push(`${name}: unknown key "${key}"`);
        if (!isNonEmptyString(e.cue)) problems.push(`${name}: no cue`);
        if (e.kind !== 'hedge' && e.kind !== 'vague-source') problems.push(`${name}: kind ${JSON.stringify(e.kind)}`);
        if (!isNonEmptyString(e.note) || e.note.includes('\n')) problems.push(`${name}: note missing or not one line`);
        problems.push(...contextProblems(e.context).map(p => `${name}: ${p}`));
      }
      assert.deepEqual(problems, []);
    });

    it('has at least 60 cues of both kinds', () => {
      assert.ok(entries.length >= 60, `${entries.length} cues`);
      assert.ok(entries.some(e => e.kind === 'hedge'), 'a hedge');
      assert.ok(entries.some(e => e.kind === 'vague-source'), 'a vague source');
    });

    it('writes every cue in the documented pattern syntax', () => {
      const problems = entries.flatMap(e => patternProblems(String(e.cue)).map(p => `${JSON.stringify(e.cue)}: ${p}`));
      assert.deepEqual(problems, []);
    });

    it('has no duplicate cue', () => {
      const folded = entries.map(e => fold(String(e.cue)));
      assert.deepEqual(folded.filter((c, i) => folded.indexOf(c) !== i), []);
    });

    it('has no cue that is a single over-broad word', () => {
      // These words alone flag far too much ordinary reporting; cues must be phrases around them.
      const tooBroad = ['believed', 'alleged', 'according', 'reported', 'claimed', 'said', 'says', 'officials', 'sources', 'reports', 'media'];
      const problems = entries.filter(e => variants(String(e.cue)).some(v => v.length === 1 && v[0].some(w => tooBroad.includes(w)))).map(e => String(e.cue));
      assert.deepEqual(problems, []);
      assert.ok(!entries.some(e => patternCovers(String(e.cue), 'according to')), 'bare "according to" is a cue');
    });

    it('covers the wording the seed dump requires', () => {
      for (const text of ['media reports indicated', 'reportedly', 'allegedly']) {
        assert.ok(entries.some(e => patternCovers(String(e.cue), text)), `no cue matches "${text}"`);
      }
    });
  });
});
