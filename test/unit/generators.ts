// fast-check generators of news dumps and of editing sessions, for the property tests
// (properties.test.ts) and the long fuzz run (bench/fuzz.ts). They know nothing of how the engine
// segments a dump: they write the things dumps are made of (headlines, header lines, separators,
// paragraphs one per line or between blank lines, hard-wrapped lines, Markdown headings, web page
// debris) and mix
// in exact copies, light edits, repeated sentences, CRLF, astral characters and stray spaces.
import * as fc from 'fast-check';

/** Ordinary words, some with accents, curly apostrophes or astral characters (two UTF-16 units). */
const WORDS = [
  'council', 'harbour', 'budget', 'minister', 'police', 'storm', 'school', 'river', 'vote', 'talks',
  'plan', 'road', 'station', 'market', 'doctors', 'nurses', 'village', 'bridge', 'court', 'union',
  'said', 'met', 'approved', 'rejected', 'closed', 'opened', 'warned', 'announced', 'delayed', 'will',
  'the', 'a', 'of', 'in', 'on', 'after', 'before', 'with', 'and', 'for', 'that', 'was', 'by',
  'Monday', 'Tuesday', 'spring', 'winter', 'million', 'three', '2025', '14', 'new', 'old', 'local',
  'café', 'naïve', 'Zürich', 'people’s', 'don’t', '\u{1D400}lpha', 'news\u{1F4F0}', '\u{20BB7}mart',
  // Words the lexicons know, so that claims and loaded terms appear (and are edited) too.
  'reportedly', 'allegedly', 'sources', 'say', 'officials', 'Kiev', 'regime', 'terrorists',
  // Words with punctuation inside (abbreviations cut sentences; user terms match them as text).
  'U.S.', '9/11', 'x|y', 'e.g.',
];
const HEADER_NAMES = ['Title', 'Date', 'URL', 'Source', 'Author', 'Byline'];
const SEPARATORS = ['---', '***', '====', '* * *', '\f', '___'];
const SENTENCE_ENDS = ['.', '.', '.', '!', '?', '."', '.\u201D'];
/** Lines a page leaves in a dump when it is copied from the web. */
const DEBRIS = [
  'Advertisement', 'Read more', 'Share this article', 'Sign up for our newsletter', 'Click here to subscribe',
  '\u00A9 2025 News Example. All rights reserved.', 'Photo: Example Agency', 'Follow us on social media',
  'Related: Council approves budget', 'We use cookies to improve your experience. Accept', 'Skip to content',
];

const word = fc.constantFrom(...WORDS);
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max });

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A sentence: 2–16 words, a capital, a final mark. */
export const sentence: fc.Arbitrary<string> = fc
  .tuple(words(2, 16), fc.constantFrom(...SENTENCE_ENDS), fc.nat(9))
  .map(([ws, end, comma]) => {
    const out = ws.slice();
    if (comma < 3 && out.length > 4) out[2] += ',';
    return capitalise(out.join(' ')) + end;
  });

/** How one piece of a dump is made. Copies point at earlier pieces by index (taken modulo). */
export type Piece =
  | { kind: 'paragraph'; sentences: string[] }
  | { kind: 'headline'; words: string[] }
  | { kind: 'markdown'; level: number; words: string[] }
  | { kind: 'header'; name: string; value: string[] }
  | { kind: 'separator'; line: string }
  | { kind: 'debris'; line: string }
  /** An earlier paragraph again: as it was, with other case or spacing, or with one word changed. */
  | { kind: 'copy'; of: number; variant: 'exact' | 'case' | 'spaces' | 'near' }
  /** A new paragraph holding a sentence of an earlier one. */
  | { kind: 'sentence-copy'; of: number; sentence: number; before: string[]; after: string[] }
  /** The pieces from `from` to `from + length` again (an article pasted twice). */
  | { kind: 'span-copy'; from: number; length: number }
  /** A whole article: a separator, header lines or a headline, then paragraphs. */
  | { kind: 'article'; separator: string | null; title: string[] | null; date: number | null; headline: string[] | null; paragraphs: string[][] }
  /** An earlier article again, with its own header lines or with the original's. */
  | { kind: 'article-copy'; of: number; ownHeader: { title: string[]; date: number } | null };

const piece: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 8, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 4 }).map(sentences => ({ kind: 'paragraph' as const, sentences })) },
  { weight: 2, arbitrary: words(1, 9).map(ws => ({ kind: 'headline' as const, words: ws })) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 3 }), words(1, 6)).map(([level, ws]) => ({ kind: 'markdown' as const, level, words: ws })) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...HEADER_NAMES), words(1, 6)).map(([name, value]) => ({ kind: 'header' as const, name, value })) },
  { weight: 2, arbitrary: fc.constantFrom(...SEPARATORS).map(line => ({ kind: 'separator' as const, line })) },
  { weight: 2, arbitrary: fc.constantFrom(...DEBRIS).map(line => ({ kind: 'debris' as const, line })) },
  { weight: 5, arbitrary: fc.tuple(fc.nat(), fc.constantFrom('exact', 'exact', 'case', 'spaces', 'near') as fc.Arbitrary<'exact' | 'case' | 'spaces' | 'near'>).map(([of, variant]) => ({ kind: 'copy' as const, of, variant })) },
  { weight: 3, arbitrary: fc.record({ of: fc.nat(), sentence: fc.nat(), before: fc.array(sentence, { maxLength: 2 }), after: fc.array(sentence, { maxLength: 2 }) }).map(r => ({ kind: 'sentence-copy' as const, ...r })) },
  { weight: 2, arbitrary: fc.record({ from: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }).map(r => ({ kind: 'span-copy' as const, ...r })) },
  {
    weight: 3,
    arbitrary: fc.record({
      separator: fc.option(fc.constantFrom(...SEPARATORS)),
      title: fc.option(words(1, 8)),
      date: fc.option(fc.integer({ min: 1, max: 28 })),
      headline: fc.option(words(1, 9)),
      paragraphs: fc.array(fc.array(sentence, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
    }).map(r => ({ kind: 'article' as const, ...r })),
  },
  {
    weight: 3,
    arbitrary: fc.record({ of: fc.nat(), ownHeader: fc.option(fc.record({ title: words(1, 8), date: fc.integer({ min: 1, max: 28 }) })) })
      .map(r => ({ kind: 'article-copy' as const, ...r })),
  },
);

export interface DumpPlan {
  pieces: Piece[];
  /** What separates consecutive pieces: a line break, a blank line, or more. */
  gaps: number[];
  lineBreak: 'lf' | 'crlf' | 'mixed';
  /** Paragraphs longer than this many characters are hard-wrapped (0: never). */
  wrap: number;
  /** Spaces or tabs left at the end of some lines. */
  trailingSpaces: boolean;
  finalBreak: boolean;
}

export const dumpPlan: fc.Arbitrary<DumpPlan> = fc.record({
  pieces: fc.array(piece, { minLength: 1, maxLength: 24 }),
  gaps: fc.array(fc.constantFrom(1, 2, 2, 2, 3), { minLength: 24, maxLength: 24 }),
  lineBreak: fc.constantFrom('lf', 'lf', 'crlf', 'mixed') as fc.Arbitrary<DumpPlan['lineBreak']>,
  wrap: fc.constantFrom(0, 0, 0, 40, 72),
  trailingSpaces: fc.boolean(),
  finalBreak: fc.boolean(),
});

function wrapLines(text: string, width: number): string {
  if (width <= 0 || text.length <= width) return text;
  const out: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + 1 + w.length > width) { out.push(line); line = w; } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out.join('\n');
}

/** The text of a plan (deterministic: the same plan gives the same dump). */
export function buildDump(plan: DumpPlan): string {
  const built: string[] = [];
  const paragraphs: { text: string; sentences: string[] }[] = [];
  /** Each article's header (separator, header lines, headline) and body, as written. */
  const articles: { header: string[]; body: string }[] = [];
  const addParagraph = (sentences: string[]) => {
    const text = wrapLines(sentences.join(' '), plan.wrap);
    paragraphs.push({ text, sentences });
    return text;
  };
  plan.pieces.forEach(p => {
    let out: string;
    switch (p.kind) {
      case 'paragraph': out = addParagraph(p.sentences); break;
      case 'headline': out = capitalise(p.words.join(' ')); break;
      case 'markdown': out = `${'#'.repeat(p.level)} ${capitalise(p.words.join(' '))}`; break;
      case 'header': out = `${p.name}: ${p.name === 'URL' ? `https://news.example/${p.value.length}` : p.value.join(' ')}`; break;
      case 'separator': out = p.line; break;
      case 'debris': out = p.line; break;
      case 'copy': {
        if (paragraphs.length === 0) { out = addParagraph(['A first paragraph with nothing before it.']); break; }
        const source = paragraphs[p.of % paragraphs.length];
        if (p.variant === 'case') out = source.text.toUpperCase();
        else if (p.variant === 'spaces') out = source.text.replace(/ /g, '  ');
        else if (p.variant === 'near') {
          const ws = source.text.split(' ');
          ws[Math.floor(ws.length / 2)] = 'changed';
          out = ws.join(' ');
        } else out = source.text;
        paragraphs.push({ text: out, sentences: source.sentences });
        break;
      }
      case 'sentence-copy': {
        const source = paragraphs.length ? paragraphs[p.of % paragraphs.length] : undefined;
        const copied = source ? [source.sentences[p.sentence % source.sentences.length]] : [];
        out = addParagraph([...p.before, ...copied, ...p.after]);
        if (!out) out = addParagraph(['Nothing to copy yet.']);
        break;
      }
      case 'article': {
        const header: string[] = [];
        if (p.separator !== null) header.push(p.separator);
        const meta: string[] = [];
        if (p.title) meta.push(`Title: ${capitalise(p.title.join(' '))}`);
        if (p.date !== null) meta.push(`Date: 2025-03-${String(p.date).padStart(2, '0')}`);
        if (meta.length) header.push(meta.join('\n'));
        if (p.headline) header.push(capitalise(p.headline.join(' ')));
        const body = p.paragraphs.map(addParagraph).join('\n\n');
        articles.push({ header, body });
        out = [...header, body].join('\n\n');
        break;
      }
      case 'article-copy': {
        const source = articles.length ? articles[p.of % articles.length] : undefined;
        if (!source) { out = addParagraph(['No article to copy yet.']); break; }
        const header = p.ownHeader
          ? [...source.header.filter(h => !/^[A-Z][a-z]+: /.test(h)), `Title: ${capitalise(p.ownHeader.title.join(' '))}\nDate: 2025-04-${String(p.ownHeader.date).padStart(2, '0')}`]
          : source.header;
        out = [...header, source.body].join('\n\n');
        break;
      }
      case 'span-copy': {
        const from = built.length ? p.from % built.length : 0;
        out = built.slice(from, from + p.length).join('\n\n');
        if (!out) out = 'Empty span';
        break;
      }
    }
    built.push(out);
  });
  let text = '';
  built.forEach((b, i) => {
    if (i > 0) text += '\n'.repeat(plan.gaps[(i - 1) % plan.gaps.length]);
    text += b;
  });
  if (plan.finalBreak) text += '\n';
  if (plan.trailingSpaces) {
    let k = 0;
    text = text.replace(/\n/g, () => (++k % 5 === 0 ? ' \t\n' : '\n'));
  }
  if (plan.lineBreak === 'crlf') text = text.replace(/\n/g, '\r\n');
  else if (plan.lineBreak === 'mixed') {
    let k = 0;
    text = text.replace(/\n/g, () => (++k % 3 === 0 ? '\r\n' : '\n'));
  }
  return text;
}

/** A generated dump (with the plan kept for the failure report). */
export const dump: fc.Arbitrary<string> = dumpPlan.map(buildDump);

// ---- Editing sessions ------------------------------------------------------------------------

/** One change to the document, at places given relative to its length (it changes as we go). */
export type Edit =
  | { kind: 'insert'; at: Place; text: string }
  | { kind: 'delete'; at: Place; length: number }
  | { kind: 'replace'; at: Place; length: number; text: string }
  /** Copy a stretch of the text and paste it elsewhere (makes repeats appear and disappear). */
  | { kind: 'paste'; from: Place; length: number; at: Place };

const typed = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('x', 'e', 'z', ' ', '.', ',', 'Q', '\u{1F4F0}', '’', '-', 'said ', 'Kiev', ' reportedly', '1') },
  { weight: 2, arbitrary: fc.constantFrom('\n', '\n\n', '\r\n', '---', 'Title: ', '# ', '\f') },
  { weight: 2, arbitrary: sentence.map(s => ` ${s}`) },
);
// Uniform over the text (fast-check's numbers lean towards their bounds), with the two ends of
// the text now and then.
const uniform = fc.oneof(
  { weight: 9, arbitrary: fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map(n => n / 1_000_000) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1) },
);
/**
 * A place in the text: a fraction of its length, moved half of the time to where edits are
 * interesting (the end or start of that line, the end of that word: the edges of titles, headers
 * and sentences).
 */
export interface Place {
  at: number;
  snap: 'none' | 'lineEnd' | 'lineStart' | 'wordEnd';
}
const place: fc.Arbitrary<Place> = fc.record({
  at: uniform,
  snap: fc.constantFrom('none', 'none', 'none', 'lineEnd', 'lineStart', 'wordEnd') as fc.Arbitrary<Place['snap']>,
});
const fraction = place;

export const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ at: fraction, text: typed }).map(r => ({ kind: 'insert' as const, ...r })) },
  { weight: 4, arbitrary: fc.record({ at: fraction, length: fc.integer({ min: 1, max: 12 }) }).map(r => ({ kind: 'delete' as const, ...r })) },
  { weight: 3, arbitrary: fc.record({ at: fraction, length: fc.integer({ min: 1, max: 8 }), text: typed }).map(r => ({ kind: 'replace' as const, ...r })) },
  { weight: 2, arbitrary: fc.record({ from: fraction, length: fc.integer({ min: 1, max: 400 }), at: fraction }).map(r => ({ kind: 'paste' as const, ...r })) },
);

/** An offset that splits neither a surrogate pair nor a CRLF (an editor never does). */
function safeOffset(text: string, at: number): number {
  let i = Math.max(0, Math.min(text.length, at));
  const c = text.charCodeAt(i);
  if (i > 0 && i < text.length && ((c >= 0xdc00 && c <= 0xdfff) || (c === 10 && text.charCodeAt(i - 1) === 13))) i--;
  return i;
}

function position(text: string, p: Place): number {
  let i = Math.min(text.length, Math.floor(p.at * (text.length + 1)));
  if (p.snap === 'lineEnd') { while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++; }
  else if (p.snap === 'lineStart') { while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--; }
  else if (p.snap === 'wordEnd') { while (i < text.length && /[\p{L}\p{N}]/u.test(text[i])) i++; }
  return safeOffset(text, i);
}

/** The edit applied to a text. */
export function applyEdit(text: string, e: Edit): string {
  const at = position(text, e.at);
  switch (e.kind) {
    case 'insert': return text.slice(0, at) + e.text + text.slice(at);
    case 'delete': return text.slice(0, at) + text.slice(safeOffset(text, at + e.length));
    case 'replace': return text.slice(0, at) + e.text + text.slice(safeOffset(text, at + e.length));
    case 'paste': {
      const from = position(text, e.from);
      const copied = text.slice(from, safeOffset(text, from + e.length));
      return text.slice(0, at) + copied + text.slice(at);
    }
  }
}

/** A dump and a sequence of edits to make to it. */
export const editingSession = fc.record({ plan: dumpPlan, edits: fc.array(edit, { minLength: 1, maxLength: 12 }) });

/** A dump with a few lines of every kind shown, for failure reports. */
export function describeText(text: string, max = 2000): string {
  const shown = text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
  return JSON.stringify(shown);
}
