// `JSON.stringify(value, null, 2)` written straight to UTF-8 bytes, the same bytes.
//
// Why not JSON.stringify and an encoder: for a file's part of a report (about a megabyte) V8
// returns the stringified text as a tree of pieces, which slicing or encoding first copies into
// one string, and a news text makes it a two-byte string, slow to encode. Together that was three
// passes and about four times the time of this one (bench/RESULTS.md). Plain data only, as the
// reports are: objects, arrays, strings, finite numbers, booleans, null (and what JSON.stringify
// makes of the rest: `toJSON`, undefined and functions left out of objects and null in arrays,
// non-finite numbers as null).

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SPACE = 0x20;
const NEWLINE = 0x0a;
const HEX = '0123456789abcdef';
/** The short escapes JSON.stringify uses for control characters (the others as \u00XX). */
const SHORT_ESCAPES: Record<number, number> = { 0x08: 0x62, 0x09: 0x74, 0x0a: 0x6e, 0x0c: 0x66, 0x0d: 0x72 };

/** Characters JSON escapes, and surrogates (a lone one is escaped too; pairs are rare). */
// eslint-disable-next-line no-control-regex -- control characters are what JSON escapes
const ESCAPED_OR_SURROGATE = /[\u0000-\u001f"\\\ud800-\udfff]/;
/** Below this length the byte loop is faster than a call to the encoder. */
const NATIVE_MIN_LENGTH = 8;
const utf8 = new TextEncoder();

/** The bytes of keys written so far, up to MAX_KEYS_KEPT of them (data with odd keys cannot make this grow without end). */
const keyBytes = new Map<string, Uint8Array>();
const MAX_KEYS_KEPT = 4096;

class ByteWriter {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }

  /** Room for `n` more bytes. */
  reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** A line break and `depth` levels of indentation (two spaces each). */
  newLine(depth: number): void {
    this.reserve(1 + 2 * depth);
    const b = this.bytes;
    let at = this.length;
    b[at++] = NEWLINE;
    for (let i = 2 * depth; i > 0; i--) b[at++] = SPACE;
    this.length = at;
  }

  /** A finite number as JSON writes it: small whole numbers digit by digit, others through String. */
  number(n: number): void {
    if (!(n >= 0 && n < 0x80000000 && (n | 0) === n) || Object.is(n, -0)) return this.ascii(String(n));
    this.reserve(10);
    const b = this.bytes;
    let at = this.length;
    let digits = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    at += digits;
    for (let i = 1, rest = n; i <= digits; i++, rest = Math.floor(rest / 10)) b[at - i] = 0x30 + (rest % 10);
    this.length = at;
  }

  /** An object's key and the colon after it (a report has few keys, each written many times: their bytes are kept). */
  key(name: string): void {
    let bytes = keyBytes.get(name);
    if (!bytes) {
      const start = this.length;
      this.string(name);
      this.ascii(': ');
      bytes = this.bytes.slice(start, this.length);
      if (keyBytes.size < MAX_KEYS_KEPT) keyBytes.set(name, bytes);
      return;
    }
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** Text known to be ASCII without characters to escape (punctuation, digits, literals). */
  ascii(text: string): void {
    this.reserve(text.length);
    for (let i = 0; i < text.length; i++) this.bytes[this.length++] = text.charCodeAt(i);
  }

  /** A JSON string literal, escaped as JSON.stringify escapes it, in UTF-8. */
  string(text: string): void {
    // A long string with nothing to escape and no surrogate is encoded natively (a report's
    // excerpts and messages: most of its bytes); a short one costs less in the loop below.
    if (text.length >= NATIVE_MIN_LENGTH && !ESCAPED_OR_SURROGATE.test(text)) {
      this.reserve(3 * text.length + 2);
      this.bytes[this.length++] = QUOTE;
      this.length += utf8.encodeInto(text, this.bytes.subarray(this.length)).written;
      this.bytes[this.length++] = QUOTE;
      return;
    }
    // At most 6 bytes per UTF-16 unit (a lone surrogate escaped), and the quotes.
    this.reserve(6 * text.length + 2);
    const b = this.bytes;
    let at = this.length;
    b[at++] = QUOTE;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c !== QUOTE && c !== BACKSLASH) b[at++] = c;
        else {
          b[at++] = BACKSLASH;
          const short = c < 0x20 ? SHORT_ESCAPES[c] : c;
          if (short !== undefined) b[at++] = short;
          else at = unicodeEscape(b, at, c);
        }
      } else if (c < 0x800) {
        b[at++] = 0xc0 | (c >> 6);
        b[at++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        b[at++] = 0xe0 | (c >> 12);
        b[at++] = 0x80 | ((c >> 6) & 0x3f);
        b[at++] = 0x80 | (c & 0x3f);
      } else {
        const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          const p = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          b[at++] = 0xf0 | (p >> 18);
          b[at++] = 0x80 | ((p >> 12) & 0x3f);
          b[at++] = 0x80 | ((p >> 6) & 0x3f);
          b[at++] = 0x80 | (p & 0x3f);
          i++;
        } else {
          // A lone surrogate: JSON.stringify escapes it (well-formed JSON.stringify).
          b[at++] = BACKSLASH;
          at = unicodeEscape(b, at, c);
        }
      }
    }
    b[at++] = QUOTE;
    this.length = at;
  }
}

/** `u` and four lowercase hex digits of `c` at `at` (the backslash written before); the new end. */
function unicodeEscape(b: Uint8Array, at: number, c: number): number {
  b[at++] = 0x75;
  for (let shift = 12; shift >= 0; shift -= 4) b[at++] = HEX.charCodeAt((c >> shift) & 15);
  return at;
}

/** An object's own `toJSON` result, as JSON.stringify takes it, or the value itself. */
function jsonValue(value: unknown, key: string): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON(key: string): unknown }).toJSON(key);
  }
  return value;
}

/** How JSON.stringify writes `value` (already through `jsonValue`) where it is an array element: undefined is null. */
function write(w: ByteWriter, value: unknown, depth: number): void {
  switch (typeof value) {
    case 'string':
      w.string(value);
      return;
    case 'number':
      if (Number.isFinite(value)) w.number(value);
      else w.ascii('null');
      return;
    case 'boolean':
      w.ascii(value ? 'true' : 'false');
      return;
    case 'bigint':
      // As JSON.stringify does.
      throw new TypeError('Do not know how to serialize a BigInt');
    case 'object':
      if (value === null) w.ascii('null');
      else if (Array.isArray(value)) writeArray(w, value, depth);
      else writeObject(w, value as Record<string, unknown>, depth);
      return;
    default:
      // undefined, a function or a symbol.
      w.ascii('null');
  }
}

function writeArray(w: ByteWriter, list: readonly unknown[], depth: number): void {
  if (list.length === 0) return w.ascii('[]');
  w.ascii('[');
  for (let i = 0; i < list.length; i++) {
    if (i > 0) w.ascii(',');
    w.newLine(depth + 1);
    write(w, jsonValue(list[i], String(i)), depth + 1);
  }
  w.newLine(depth);
  w.ascii(']');
}

function writeObject(w: ByteWriter, object: Record<string, unknown>, depth: number): void {
  let written = 0;
  // for…in over a plain object is its own keys in Object.keys order, without an array made.
  for (const key in object) {
    if (!Object.prototype.hasOwnProperty.call(object, key)) continue;
    const value = jsonValue(object[key], key);
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    w.ascii(written++ === 0 ? '{' : ',');
    w.newLine(depth + 1);
    w.key(key);
    write(w, value, depth + 1);
  }
  if (written === 0) return w.ascii('{}');
  w.newLine(depth);
  w.ascii('}');
}

/**
 * The UTF-8 bytes of `JSON.stringify(value, null, 2)` as it stands on its own line `depth` levels
 * deep in a larger document: every line, the first too, indented by `depth` more levels.
 */
export function prettyJsonBytes(value: unknown, depth = 0): Uint8Array {
  return prettyJsonLines([value], depth);
}

/**
 * `values` as elements of a JSON array `depth` levels deep (each as `prettyJsonBytes` writes it),
 * separated by a comma and a line break: the array's inside without its brackets.
 */
export function prettyJsonLines(values: readonly unknown[], depth: number): Uint8Array {
  // One scratch buffer, grown as needed and kept between calls; the result is a copy at its length.
  const w = scratch;
  w.length = 0;
  for (let i = 0; i < values.length; i++) {
    if (i > 0) w.ascii(',\n');
    w.reserve(2 * depth);
    for (let d = 0; d < 2 * depth; d++) w.bytes[w.length++] = SPACE;
    write(w, jsonValue(values[i], String(i)), depth);
  }
  const bytes = w.bytes.slice(0, w.length);
  // A huge file's buffer is not kept once done.
  if (w.bytes.length > SCRATCH_KEPT) w.bytes = new Uint8Array(SCRATCH_KEPT);
  return bytes;
}

/** The scratch buffer's size kept between calls: larger ones (a huge file's part) are let go. */
const SCRATCH_KEPT = 1 << 22;
const scratch = new ByteWriter(1 << 16);
