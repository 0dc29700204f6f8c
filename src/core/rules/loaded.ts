// loaded-term: charged or contested wording, with the neutral alternatives as fixes.
import { TermHit } from '../analysis';
import { EmotiveHit, emotiveEvidence } from '../emotive';
import { matchCase } from '../edits';
import { TERM_CATEGORIES } from '../lexicon';
import { Finding, Severity } from '../types';

const LOWER: Record<Severity, Severity> = { error: 'warning', warning: 'info', info: 'hint', hint: 'hint' };

function categoryLabel(id: string): string {
  return id.replace(/-/g, ' ');
}

export function termFinding(hit: TermHit, base: number, severity: Severity): Finding {
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
    },
  };
}

export function emotiveFinding(hit: EmotiveHit, base: number, severity: Severity): Finding {
  const lowered = hit.quoted || hit.negated;
  const range = { start: base + hit.start, end: base + hit.end };
  const why = `${emotiveEvidence(hit.entry)}: it tells the reader what to feel instead of showing what happened.`;
  const advice = hit.removal ? 'Remove it, or attribute the judgement to whoever holds it.' : 'Attribute the judgement to whoever holds it, or describe what happened.';
  const context = hit.quoted ? ' In reported speech: one severity lower.' : hit.negated ? ' Negated: one severity lower.' : '';
  const removal = hit.removal;
  return {
    rule: 'loaded-term',
    severity: lowered ? LOWER[severity] : severity,
    message: `\u201C${hit.matched}\u201D (emotive wording): ${why} ${advice}${context}`,
    range,
    fixes: removal ? [{ title: `Remove \u00AB${hit.matched}\u00BB`, edits: [{ range: { start: base + removal.range.start, end: base + removal.range.end }, newText: removal.newText }] }] : [],
    data: {
      term: hit.entry.word,
      matched: hit.matched,
      suggestions: [],
      category: 'emotive-wording',
      categoryDescription: TERM_CATEGORIES['emotive-wording'],
      note: why,
      quoted: hit.quoted,
      negated: hit.negated,
    },
  };
}
