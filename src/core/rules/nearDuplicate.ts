// near-duplicate: paragraphs that are light edits of an earlier one. Candidates come from LSH
// buckets of MinHash sketches (never all pairs); each is confirmed by a word-level diff.
import { diffWords } from 'diff';
import { ParagraphAnalysis } from '../analysis';
import { lineRemovalRange } from '../edits';
import { bandKeys, estimate } from '../minhash';
import { LineIndex, foldPunctuation } from '../text';
import { Finding, Paragraph, ReviewOptions } from '../types';

/** Paragraphs with fewer words are too short for a meaningful similarity. */
const MIN_WORDS = 10;
/** At most this many earlier paragraphs are kept per LSH bucket (bounds boilerplate). */
const BUCKET_CAP = 16;
/** At most this many candidates are confirmed with a diff per paragraph. */
const MAX_CONFIRMED = 3;
/** Candidates whose estimated shingle overlap is below this are not diffed. */
const MIN_ESTIMATE = 0.2;

export interface NearDuplicateContext {
  text: string;
  lines: LineIndex;
  paragraphs: Paragraph[];
  analyses: ParagraphAnalysis[];
  options: ReviewOptions;
  /** Exact copies: never near duplicates, but still originals for later paragraphs. */
  copied: Set<number>;
}

interface Change {
  removed?: string;
  added?: string;
}

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
function wordCount(s: string): number {
  return s.match(WORD)?.length ?? 0;
}

/** Word-level similarity (Dice over the words the diff keeps) and the changes, in order. */
export function compareWords(a: string, b: string): { similarity: number; changes: Change[] } {
  const parts = diffWords(foldPunctuation(a), foldPunctuation(b), { ignoreCase: true });
  let common = 0;
  let removedWords = 0;
  let addedWords = 0;
  const changes: Change[] = [];
  for (const part of parts) {
    const n = wordCount(part.value);
    if (part.added) {
      addedWords += n;
      const last = changes[changes.length - 1];
      if (last && last.removed !== undefined && last.added === undefined) last.added = part.value.trim();
      else changes.push({ added: part.value.trim() });
    } else if (part.removed) {
      removedWords += n;
      changes.push({ removed: part.value.trim() });
    } else {
      common += n;
    }
  }
  const total = 2 * common + removedWords + addedWords;
  return { similarity: total === 0 ? 1 : (2 * common) / total, changes: changes.filter(c => (c.removed ?? '') !== '' || (c.added ?? '') !== '') };
}

function clip(s: string, n = 40): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? one.slice(0, n - 1) + '\u2026' : one;
}

export function describeChanges(changes: Change[], limit = 3): string {
  const shown = changes.slice(0, limit).map(c => {
    if (c.removed && c.added) return `\u201C${clip(c.removed)}\u201D \u2192 \u201C${clip(c.added)}\u201D`;
    if (c.added) return `added \u201C${clip(c.added)}\u201D`;
    return `removed \u201C${clip(c.removed ?? '')}\u201D`;
  });
  const more = changes.length - limit;
  return shown.join('; ') + (more > 0 ? `; and ${more} more change${more === 1 ? '' : 's'}` : '');
}

export function findNearDuplicates(ctx: NearDuplicateContext): { findings: Finding[]; nearCopies: Set<number> } {
  const { text, lines, paragraphs, analyses, options, copied } = ctx;
  const threshold = options.nearDuplicateThreshold;
  const severity = options.rules['near-duplicate'].severity;
  const buckets = new Map<number, number[]>();
  const findings: Finding[] = [];
  const nearCopies = new Set<number>();

  for (const p of paragraphs) {
    const a = analyses[p.index];
    const sig = a.sketch;
    if (p.isMeta || !sig || a.words < MIN_WORDS) continue;
    const keys = bandKeys(sig);
    if (!copied.has(p.index)) {
      const hits = new Map<number, number>();
      for (const key of keys) for (const q of buckets.get(key) ?? []) hits.set(q, (hits.get(q) ?? 0) + 1);
      const candidates = [...hits.keys()]
        .map(q => ({ q, est: estimate(sig, analyses[q].sketch!) }))
        .filter(c => c.est >= MIN_ESTIMATE && analyses[c.q].key !== a.key)
        .sort((x, y) => y.est - x.est || x.q - y.q)
        .slice(0, MAX_CONFIRMED);
      let best: { q: number; similarity: number; changes: Change[] } | null = null;
      for (const { q } of candidates) {
        const original = paragraphs[q];
        const cmp = compareWords(text.slice(original.range.start, original.range.end), text.slice(p.range.start, p.range.end));
        if (cmp.similarity >= threshold && cmp.similarity < 1 && (!best || cmp.similarity > best.similarity)) best = { q, ...cmp };
      }
      if (best) {
        const original = paragraphs[best.q];
        const percent = Math.floor(best.similarity * 100);
        const at = lines.lineAt(original.range.start) + 1;
        nearCopies.add(p.index);
        findings.push({
          rule: 'near-duplicate',
          severity,
          message: `Near duplicate of the paragraph at line ${at} (${percent}% similar): ${describeChanges(best.changes) || 'only punctuation or case differs'}.`,
          range: p.range,
          related: [{ message: `Original paragraph (${percent}% similar)`, range: original.range }],
          fixes: [{ title: 'Remove near duplicate', edits: [{ range: lineRemovalRange(text, p.lineRange), newText: '' }] }],
          data: { similarity: best.similarity, original: original.range, changes: describeChanges(best.changes, 10) },
        });
      }
    }
    for (const key of keys) {
      const list = buckets.get(key);
      if (!list) buckets.set(key, [p.index]);
      else {
        list.push(p.index);
        if (list.length > BUCKET_CAP) list.shift();
      }
    }
  }
  return { findings, nearCopies };
}
