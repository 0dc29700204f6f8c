// prettyJson.ts writes JSON.stringify(value, null, 2) straight to UTF-8: checked against
// JSON.stringify itself, for any JSON value and for strings of any UTF-16 units (lone surrogates,
// control characters, characters beyond the BMP), at any depth.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { prettyJsonBytes, prettyJsonLines } from '../../src/core/report/prettyJson';
import { runParameters } from './properties';

/** What prettyJsonBytes must give: the value stringified inside `depth` arrays, its own lines cut out, as UTF-8. */
function expected(value: unknown, depth: number): Buffer {
  let wrapped = value;
  for (let d = 0; d < depth; d++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  const cut = depth * (depth + 1);
  return Buffer.from(text.slice(cut, text.length - cut), 'utf8');
}

const anyUnits = fc.string({ unit: 'binary' });
const anyCodeUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 12 }).map(units => String.fromCharCode(...units));
// Long enough for the native encoder's path: mostly plain letters, with what must not take it.
const longText = fc
  .array(fc.constantFrom('a', 'Z', ' ', '.', 'é', '€', '“', '"', '\\', '\n', '\u0001', '😀', '\ud800', '\udfff'), { minLength: 8, maxLength: 60 })
  .map(parts => parts.join(''));
const jsonish = fc.letrec(tie => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false, undefined, 0, -0, 1e21, 1.5e-7, Number.NaN, Infinity, -12, 2 ** 31, 4294967295),
    fc.double(),
    fc.integer(),
    anyUnits,
    anyCodeUnits,
    longText,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(anyCodeUnits, longText, fc.constantFrom('0', '12', 'range', '__proto__x')), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('pretty JSON as bytes', () => {
  it('is JSON.stringify(value, null, 2) in UTF-8, at any depth', () => {
    fc.assert(
      fc.property(jsonish, fc.integer({ min: 0, max: 5 }), (value, depth) => {
        // JSON.stringify gives no text for a bare undefined; the report never writes one.
        fc.pre(value !== undefined);
        assert.deepEqual(Buffer.from(prettyJsonBytes(value, depth)), expected(value, depth));
      }),
      runParameters(500),
    );
  });

  it('writes a list as array elements separated by commas, each on its own lines', () => {
    fc.assert(
      fc.property(fc.array(jsonish.filter(v => v !== undefined), { maxLength: 5 }), fc.integer({ min: 1, max: 5 }), (values, depth) => {
        const elements = values.map(v => expected(v, depth).toString('utf8')).join(',\n');
        assert.equal(Buffer.from(prettyJsonLines(values, depth)).toString('utf8'), elements);
      }),
      runParameters(500),
    );
  });

  it('escapes what JSON.stringify escapes and nothing else', () => {
    const text = 'a"b\\c\u0000\u0007\b\f\n\r\t\u001f\u007f é € 😀 \ud800 x \udc00';
    assert.equal(Buffer.from(prettyJsonBytes({ text, toJson: { toJSON: () => 'as JSON' }, gone: undefined, f: () => 1 })).toString('utf8'), JSON.stringify({ text, toJson: { toJSON: () => 'as JSON' }, gone: undefined, f: () => 1 }, null, 2));
  });

  it('gives each result a buffer of its own, which a long one does not overwrite', () => {
    const first = prettyJsonBytes({ a: 'first' }, 1);
    const long = prettyJsonBytes({ text: 'x'.repeat(1 << 18) });
    assert.equal(Buffer.from(first).toString('utf8'), '  {\n    "a": "first"\n  }');
    assert.equal(long.length, (1 << 18) + 16);
    assert.equal(first.byteOffset, 0);
    assert.equal(first.buffer.byteLength, first.length);
  });
});
