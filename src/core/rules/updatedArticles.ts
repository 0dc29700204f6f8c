// near-duplicate, kind 'article': an article that is an updated version of an earlier article of
// the same file (headline reworded, a paragraph dropped or added, figures changed). It is one
// finding, never removed by Remove All: removing either version loses what only it says, so its
// fixes are explicit and say what would be lost. Its paragraphs are not reported again as repeats
// or near duplicates.
import { ArticleComparison, compareArticles, describeArticleChanges, isUpdatedVersion, lostByRemoving, mayBeVersionOf } from './articleVersions';
import { NearMatch } from './nearDuplicate';
import { RepeatContext, RepeatResult, articleContent, byArticle, lineSpan, quoteTitle } from './repeated';
import { lineRemovalRange } from '../text/edits';
import { NearDuplicateFinding, OffsetRange } from '../model/types';

export interface UpdatedArticle {
  /** 0-based indexes of the article and of the earlier one it updates. */
  article: number;
  original: number;
  comparison: ArticleComparison;
  /** Where the finding starts and ends (the article's content), for ordering before it is built. */
  start: number;
  end: number;
  build(): NearDuplicateFinding;
}

export interface UpdatedArticlesResult {
  updated: UpdatedArticle[];
  /** Articles (0-based) that are updated versions: their runs of repeats and near duplicates are not reported. */
  articles: Set<number>;
  /** Paragraph ranges of updated versions that exist as such in the original (claims and terms there are not reported again). */
  copies: OffsetRange[];
}

/**
 * The updated versions among the articles that are not exact copies: for each, the earlier article
 * its repeated and lightly edited paragraphs come from most, confirmed by aligning the two
 * (`compareArticles`). Sets `nearDuplicateOf` on them.
 */
export function findUpdatedArticles(ctx: RepeatContext, repeats: RepeatResult, near: readonly NearMatch[]): UpdatedArticlesResult {
  const { articles, paragraphs, analyses, options } = ctx;
  const result: UpdatedArticlesResult = { updated: [], articles: new Set(), copies: [] };
  if (!options.rules['near-duplicate'].enabled) return result;
  const nearOf = new Map<number, NearMatch>();
  for (const m of near) nearOf.set(m.paragraph, m);
  const paragraphsOf = byArticle(articles, paragraphs);
  // A loop rather than a callback in this per-file pass (ARCHITECTURE.md: no inline callbacks in per-file code).
  for (let a = 0; a < articles.length; a++) {
    const article = articles[a];
    const own = repeats.comparableOf[a];
    if (article.duplicateOf !== null || own.length < 2) continue;
    // Words coming from each earlier article, exactly or lightly edited.
    const from = new Map<number, number>();
    for (const p of own) {
      let source = repeats.firstOf[p.index];
      let words = analyses[p.index].words;
      if (source < 0) {
        const m = nearOf.get(p.index);
        if (!m) continue;
        source = repeats.firstOf[m.original] >= 0 ? repeats.firstOf[m.original] : m.original;
        words *= m.similarity;
      }
      const b = paragraphs[source].article;
      if (b < a) from.set(b, (from.get(b) ?? 0) + words);
    }
    let best = -1;
    let bestWords = 0;
    for (const [b, words] of from) if (words > bestWords || (words === bestWords && b < best)) { best = b; bestWords = words; }
    if (best < 0) continue;
    const later = repeats.versions.of(a);
    const original = repeats.versions.of(best);
    if (!mayBeVersionOf(later, original)) continue;
    const comparison = compareArticles(later, original, options.nearDuplicateThreshold);
    if (!isUpdatedVersion(comparison)) continue;
    article.nearDuplicateOf = { index: best + 1, similarity: comparison.similarity };
    result.articles.add(a);
    for (let i = 0; i < own.length; i++) if (comparison.similarityOf[i] === 1) result.copies.push(own[i].range);
    const range = articleContent(ctx.text, ctx.lines, article, paragraphsOf[a]);
    result.updated.push(new PendingUpdate(ctx, a, best, comparison, range, paragraphsOf));
  }
  return result;
}

/** An updated version, its finding built when it is shown (an object with a method, not a closure made per article). */
class PendingUpdate implements UpdatedArticle {
  readonly start: number;
  readonly end: number;

  constructor(
    private readonly ctx: RepeatContext,
    readonly article: number,
    readonly original: number,
    readonly comparison: ArticleComparison,
    range: OffsetRange,
    private readonly paragraphsOf: ReturnType<typeof byArticle>,
  ) {
    this.start = range.start;
    this.end = range.end;
  }

  build(): NearDuplicateFinding {
    return updatedFinding(this.ctx, this.article, this.original, this.comparison, this.paragraphsOf);
  }
}

function updatedFinding(ctx: RepeatContext, a: number, b: number, cmp: ArticleComparison, paragraphsOf: ReturnType<typeof byArticle>): NearDuplicateFinding {
  const { text, lines, articles } = ctx;
  const article = articles[a];
  const original = articles[b];
  const range = articleContent(text, lines, article, paragraphsOf[a]);
  const originalRange = articleContent(text, lines, original, paragraphsOf[b]);
  const percent = Math.floor(cmp.similarity * 100);
  const changes = describeArticleChanges(cmp.changes);
  const removeThis = lineRemovalRange(text, { start: range.start, end: article.range.end });
  const removeOther = lineRemovalRange(text, { start: originalRange.start, end: original.range.end });
  const lostHere = lostByRemoving('later', cmp.changes);
  const lostThere = lostByRemoving('original', cmp.changes);
  return {
    rule: 'near-duplicate',
    severity: ctx.options.rules['near-duplicate'].severity,
    message: `Article #${article.index} is an updated version of article #${original.index} ${quoteTitle(original.title)} (${lineSpan(lines, originalRange)}; ${percent}% similar): ${changes}.`,
    range,
    related: [{ message: `Earlier version: article #${original.index} (${percent}% similar)`, range: originalRange }],
    fixes: [
      { title: `Remove this version (article #${article.index})${lostHere ? `, losing ${lostHere}` : ''}`, edits: [{ range: removeThis, newText: '' }] },
      { title: `Keep this version and remove article #${original.index}${lostThere ? `, losing ${lostThere}` : ''}`, edits: [{ range: removeOther, newText: '' }] },
    ],
    data: { kind: 'article', similarity: cmp.similarity, original: originalRange, changes, article: article.index, originalArticle: original.index },
  };
}
