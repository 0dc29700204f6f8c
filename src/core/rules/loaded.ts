// loaded-term: charged or contested wording, with the neutral alternatives as fixes.
import { passesContext } from '../context';
import { matchCase } from '../edits';
import { TERM_CATEGORIES, TermEntry, isSilenced } from '../lexicon';
import { isIgnoredOccurrence } from '../occurrences';
import { nonOverlapping } from '../phrases';
import { isInside } from '../quotes';
import { OffsetRange, Severity } from '../types';
import { ParagraphInput, ParagraphRule, RuleFinding } from './rule';

/** A term in a paragraph (offsets relative to the paragraph). */
export interface TermHit extends OffsetRange {
  entry: TermEntry;
  matched: string;
  quoted: boolean;
  /** The sentence the term stands in (offsets relative to the paragraph). */
  sentence: OffsetRange;
}

export interface LoadedTermData {
  /** The lexicon entry (or the user's term) that matched. */
  term: string;
  /** The words as written. */
  matched: string;
  /** Neutral wordings, best first, in the case of the words as written. */
  suggestions: string[];
  category: string;
  categoryDescription: string | undefined;
  note: string;
  /** Inside a direct quotation (reported one severity lower). */
  quoted: boolean;
  /** The sentence it stands in (document offsets): with `matched`, what "Ignore this occurrence" keeps. */
  sentence: OffsetRange;
}

export type LoadedTermFinding = RuleFinding<'loaded-term', LoadedTermData>;

/** One severity lower (for wording inside a quotation). */
export const LOWER: Readonly<Record<Severity, Severity>> = { error: 'warning', warning: 'info', info: 'hint', hint: 'hint' };

function categoryLabel(id: string): string {
  return id.replace(/-/g, ' ');
}

export function findTerms(p: ParagraphInput): TermHit[] {
  const { text, tokens, lex } = p;
  const terms: TermHit[] = [];
  for (const m of nonOverlapping(lex.terms.matchAll(tokens, text))) {
    const matched = text.slice(m.start, m.end);
    if (isSilenced(lex.ignoredTerms, m.value.term, matched)) continue;
    const s = p.sentenceAt(m.start);
    if (!passesContext(m.value.context, tokens, m.first, m.last, p.sentenceTokenStart[s], p.sentenceTokenEnd[s])) continue;
    const sentence = p.sentences[s];
    if (isIgnoredOccurrence(lex.ignoredOccurrences, matched, text.slice(sentence.start, sentence.end))) continue;
    terms.push({ start: m.start, end: m.end, entry: m.value, matched, quoted: isInside(p.quotes(), m.start, m.end), sentence });
  }
  return terms;
}

export const loadedTerm: ParagraphRule<'loaded-term', LoadedTermData, TermHit> = {
  id: 'loaded-term',
  name: 'LoadedTerm',
  title: 'Loaded term',
  shortDescription: 'Charged or contested wording where a neutral one exists.',
  fullDescription:
    'Wording from the lexicon of loaded terms (contested labels, euphemisms, contested place names, ' +
    'editorialising, pejoratives, ...) with the neutral wording to use instead and a note on why. ' +
    'Inside a quotation it is reported at a lower severity. The fixes replace it with a suggestion, keeping its case.',
  docsAnchor: 'loaded-term',
  defaultEnabled: true,
  defaultSeverity: 'info',
  settingKey: 'loadedTerm',
  label: { one: 'term', many: 'terms' },
  icon: 'tag',
  options: [
    { key: 'terms', type: 'terms', default: [], description: 'Loaded terms to add to the lexicon, matched as literal text (never as regular expressions).' },
    { key: 'ignoredTerms', type: 'words', default: [], description: 'Terms of the lexicon (or added ones) never to report.' },
  ],
  stage: 'terms',
  analyze: findTerms,
  finding(hit, { base, severity }) {
    const { entry } = hit;
    const suggestions = entry.suggestions.map(s => matchCase(hit.matched, s));
    const list = suggestions.map(s => `\u201C${s}\u201D`).join(', ');
    const quoted = hit.quoted ? ' Inside a quotation: reported at a lower severity, since a quote is left as spoken.' : '';
    const range = { start: base + hit.start, end: base + hit.end };
    return {
      rule: 'loaded-term',
      severity: hit.quoted ? LOWER[severity] : severity,
      message: `\u201C${hit.matched}\u201D (${categoryLabel(entry.category)}): ${entry.note} Neutral: ${list}.${quoted}`,
      range,
      fixes: suggestions.map(s => ({ title: `Replace with \u00AB${s}\u00BB`, edits: [{ range, newText: s }] })),
      data: {
        term: entry.term,
        matched: hit.matched,
        suggestions,
        category: entry.category,
        categoryDescription: TERM_CATEGORIES[entry.category],
        note: entry.note,
        quoted: hit.quoted,
        sentence: { start: base + hit.sentence.start, end: base + hit.sentence.end },
      },
    };
  },
};
