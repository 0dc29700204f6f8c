// boilerplate: web debris left by scraping (widgets, prompts, advertisement labels, link lines, form
// fields, credits, cookie notices, embedded posts' signature lines, bare URLs). Which lines are
// debris is decided by debrisDocument.ts from each line's shape (cached per paragraph in its
// analysis), the lines a poll encloses and recurrence across articles; never an article's title.
import { DEBRIS_KIND_LABELS } from '../debris/lineShape';
import { DocumentLine, LineShape, debrisInDocument, lineShapes, mayHaveDebris } from '../debris/debrisLines';
import { lineRemovalRange, mergeRemovals } from '../text/edits';
import type { BoilerplateData, BoilerplateFinding, OffsetRange } from '../model/types';

export type { BoilerplateData, BoilerplateFinding };
import type { RepeatContext } from './repeated';
import type { ParagraphAnalysis } from './paragraphAnalysis';
import { RuleDefinition } from './rule';


/** The document as the rules that look across paragraphs see it. */
export type DebrisContext = Omit<RepeatContext, 'excluded'> & {
  /**
   * Whether the analyses outlive this review (the editor's incremental review keeps them for the
   * next version): the line shapes are then kept with them. A one-shot review lets them go once
   * the debris is found — a 100 MB dump's shapes are about 70 MB of its peak.
   */
  keepShapes: boolean;
};

/** A line of debris whose finding is built only if it is shown (a file may have thousands). */
export interface PendingDebris extends OffsetRange {
  build(): BoilerplateFinding;
}

export interface DebrisResult {
  /** Every line of debris, in document order (the engine leaves out those inside a repeated copy and caps the rest). */
  lines: PendingDebris[];
  /** Paragraphs made only of debris: never compared as repeats or near duplicates. */
  paragraphs: Set<number>;
  /** What removing all web debris removes: every debris line, merged where they touch. */
  removals: OffsetRange[];
}

interface Located {
  paragraph: number;
  /** The line's text without surrounding spaces (document offsets). */
  range: OffsetRange;
}

function clip(s: string, n = 60): string {
  return s.length > n ? s.slice(0, n - 1).trimEnd() + '\u2026' : s;
}

function overlaps(a: OffsetRange, b: OffsetRange): boolean {
  return a.start < b.end && b.start < a.end;
}

/** A paragraph that is exactly an article's title: one protected line, never judged. */
const TITLE_LINE: LineShape[] = [{ start: 0, end: 0, kind: null, key: null, neighbourly: false, shapely: false }];

/** The line shapes of every paragraph, computed once per paragraph text (copies share an analysis). */
function shapesOf(ctx: DebrisContext): LineShape[][] {
  const { text, paragraphs, articles, analyses, keepShapes } = ctx;
  const made = new Map<ParagraphAnalysis, LineShape[]>();
  // A loop, not a callback, in this per-file pass (ARCHITECTURE.md: no inline callbacks in per-file code).
  const out = new Array<LineShape[]>(paragraphs.length);
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    const title = articles[p.article]?.titleRange;
    if (title && title.start <= p.range.start && title.end >= p.range.end) {
      out[i] = TITLE_LINE;
      continue;
    }
    const a = analyses[p.index];
    let shapes = a.lines ?? made.get(a);
    if (!shapes) {
      shapes = lineShapes(text.slice(p.range.start, p.range.end));
      if (keepShapes) a.lines = shapes;
      else made.set(a, shapes);
    }
    out[i] = shapes;
  }
  return out;
}

export function findDebris(ctx: DebrisContext): DebrisResult {
  const { text, lines, paragraphs, articles } = ctx;
  const shapesByParagraph = shapesOf(ctx);
  // Most documents have no debris at all: then there is nothing to put in context.
  if (!shapesByParagraph.some(mayHaveDebris)) return { lines: [], paragraphs: new Set(), removals: [] };
  const documentLines: DocumentLine[] = [];
  const located: Located[] = [];
  for (const p of paragraphs) {
    const shapes = shapesByParagraph[p.index];
    const base = p.range.start;
    const title = articles[p.article]?.titleRange;
    for (const shape of shapes) {
      const range = { start: base + shape.start, end: base + shape.end };
      documentLines.push({ shape, article: p.article, protected: shapes === TITLE_LINE || p.isMeta || (title !== undefined && overlaps(range, title)) });
      located.push({ paragraph: p.index, range });
    }
  }
  const verdicts = debrisInDocument(documentLines, i => text.slice(located[i].range.start, located[i].range.end));

  const severity = ctx.options.rules.boilerplate.severity;
  const pending: PendingDebris[] = [];
  const removals: OffsetRange[] = [];
  const debrisLines = new Map<number, number>();
  verdicts.forEach((v, i) => {
    if (!v) return;
    const { paragraph, range } = located[i];
    debrisLines.set(paragraph, (debrisLines.get(paragraph) ?? 0) + 1);
    const line = lines.lineAt(range.start);
    const removal = lineRemovalRange(text, { start: lines.lineStart(line), end: lines.lineEndWithBreak(line) });
    removals.push(removal);
    const build = (): BoilerplateFinding => {
      const because = v.evidence === 'context' ? ` It is part of ${v.kind === 'poll' ? 'a poll' : 'a page widget'}.` : v.evidence === 'recurrence' ? ` The same line is in ${v.articles} articles.` : '';
      const quoted = clip(text.slice(range.start, range.end));
      return {
        rule: 'boilerplate',
        severity,
        message: `Web debris, ${DEBRIS_KIND_LABELS[v.kind]}: \u201C${quoted}\u201D${/[.!?\u2026]$/.test(quoted) ? '' : '.'}${because}`,
        range,
        fixes: [{ title: 'Remove line', edits: [{ range: removal, newText: '' }], preferred: true }],
        data: v.evidence === 'recurrence' ? { kind: v.kind, evidence: v.evidence, articles: v.articles } : { kind: v.kind, evidence: v.evidence },
      };
    };
    pending.push({ start: range.start, end: range.end, build });
  });
  const whole = new Set<number>();
  for (const [p, n] of debrisLines) if (n === shapesByParagraph[p].length) whole.add(p);
  return { lines: pending, paragraphs: whole, removals: mergeRemovals(removals, text) };
}

/** The rule's metadata; its detection runs document-wide (`findDebris`). */
export const boilerplate: RuleDefinition<'boilerplate', BoilerplateData> = {
  id: 'boilerplate',
  name: 'Boilerplate',
  title: 'Web debris',
  shortDescription: 'A line left over from the web page the text was scraped from.',
  fullDescription:
    'Lines left by scraping a web page: poll widgets, share and sign-up prompts, advertisement labels, ' +
    '"Read more:" link lines, form fields, photo credits, cookie notices, the signature line of an embedded ' +
    'post, bare URLs; recognised from their own shape (short, few function words, interface vocabulary, ' +
    'links), from the poll around them, and from the same short line recurring in several articles. ' +
    'Never a title. They are not reported again as repeated passages or near duplicates. The fixes ' +
    'remove the line, or every line of web debris in the file.',
  docsAnchor: 'boilerplate',
  defaultEnabled: true,
  defaultSeverity: 'info',
  settingKey: 'boilerplate',
  label: { one: 'debris line', many: 'debris lines' },
  icon: 'trash',
  options: [
    {
      key: 'fixAllRemovesWebDebris',
      type: 'boolean',
      default: false,
      description: 'Fix all (source.fixAll, --fix) also removes every line of web debris, not only repeated passages.',
    },
  ],
};
