// loaded-term: charged or contested wording, with the neutral alternatives as fixes.
import { matchCase } from '../text/edits';
import { TERM_CATEGORIES, TermEntry } from '../language/lexicon';
import { isIgnoredOccurrence } from '../language/occurrences';
import { nonOverlapping } from '../language/phrases';
import { isInside } from '../text/quotes';
import { EmotiveContext, EmotiveHit, Removal, Voice, emotiveEvidence, findEmotive, modifierRemoval } from '../language/emotive';
import type { WordToken } from '../text/text';
import { quotesHaveNamedSpeaker, reportedSpan } from '../language/sources';
import { LoadedTermData, LoadedTermFinding, OffsetRange, Severity } from '../model/types';

export type { LoadedTermData, LoadedTermFinding };
import { acceptMatch } from './lexiconMatch';
import { ParagraphInput, ParagraphRule } from './rule';

/** A term in a paragraph (offsets relative to the paragraph). */
export interface TermHit extends OffsetRange {
  entry: TermEntry;
  matched: string;
  /** Whose words the term is in: the writer's, a quotation's, a named speaker's. */
  voice: Voice;
  /** For an entry with no suggestion (a word best removed) used as a modifier: the edit that removes it. */
  removal?: Removal;
  /** The sentence the term stands in (offsets relative to the paragraph). */
  sentence: OffsetRange;
}

/** Emotive wording (src/core/language/emotive.ts), with the severity the options give it. */
export interface EmotiveTermHit extends EmotiveHit {
  emotive: true;
  severity: Severity;
  /** The sentence the word stands in (offsets relative to the paragraph). */
  sentence: OffsetRange;
}

export type LoadedHit = TermHit | EmotiveTermHit;


/** One severity lower (for wording inside a quotation). */
export const LOWER: Readonly<Record<Severity, Severity>> = { error: 'warning', warning: 'info', info: 'hint', hint: 'hint' };

function categoryLabel(id: string): string {
  return id.replace(/-/g, ' ');
}

/**
 * Whose words each token of a paragraph is in (see `Voice`): a quotation's speaker may be named
 * anywhere in the paragraph; the words reported as a named source's are read per sentence. A class,
 * not a closure per paragraph (ARCHITECTURE.md: no inline callbacks in per-file code).
 */
class Voices {
  private readonly spans = new Map<number, { from: number; to: number } | undefined>();
  private quotesNamed: boolean | undefined;

  constructor(private readonly p: ParagraphInput) {}

  of(i: number): Voice {
    const { p } = this;
    const { text, tokens } = p;
    if (isInside(p.quotes(), tokens[i].start, tokens[i].end)) {
      this.quotesNamed ??= quotesHaveNamedSpeaker(tokens, text, p.quotes());
      return this.quotesNamed ? 'named' : 'quotation';
    }
    const s = p.sentenceAt(tokens[i].start);
    if (!this.spans.has(s)) this.spans.set(s, reportedSpan(tokens, p.sentenceTokenStart[s], p.sentenceTokenEnd[s], text, 0));
    const span = this.spans.get(s);
    return span !== undefined && i >= span.from && i < span.to ? 'named' : 'writer';
  }
}

/** What the emotive matcher reads of a paragraph (see `EmotiveContext`). */
class EmotiveInput implements EmotiveContext {
  readonly text: string;
  readonly tokens: WordToken[];

  constructor(private readonly p: ParagraphInput, private readonly voices: Voices, readonly taken: readonly OffsetRange[], readonly ignored: EmotiveContext['ignored']) {
    this.text = p.text;
    this.tokens = p.tokens;
  }

  sentenceOf(i: number): { from: number; to: number } {
    const s = this.p.sentenceAt(this.tokens[i].start);
    return { from: this.p.sentenceTokenStart[s], to: this.p.sentenceTokenEnd[s] };
  }

  voice(i: number): Voice {
    return this.voices.of(i);
  }
}

export function findTerms(p: ParagraphInput, voices = new Voices(p)): TermHit[] {
  const { text, tokens, lex } = p;
  const terms: TermHit[] = [];
  for (const m of nonOverlapping(lex.terms.matchAll(tokens, text))) {
    const accepted = acceptMatch(p, m, lex.ignoredTerms, m.value.term);
    if (!accepted) continue;
    const { matched, from, to, sentence } = accepted;
    const hit: TermHit = { start: m.start, end: m.end, entry: m.value, matched, voice: voices.of(m.first), sentence };
    if (m.value.suggestions.length === 0 && m.last - m.first === 1) hit.removal = modifierRemoval(text, tokens, m.first, from, to);
    terms.push(hit);
  }
  return terms;
}

/** Curated terms, then emotive wording where no term was found. */
/**
 * The severity of wording in a voice: the writer's own at `severity`; a quotation's one lower; a
 * named speaker's at most a hint, since the words are theirs, not the writer's. Undefined when
 * that falls below a hint.
 */
export function voicedSeverity(severity: Severity, voice: Voice): Severity | undefined {
  if (voice === 'writer') return severity;
  if (severity === 'hint') return undefined;
  return voice === 'named' ? 'hint' : LOWER[severity];
}

/** What a finding says of the voice it stands in. */
const VOICE_NOTE: Readonly<Record<Voice, string>> = {
  writer: '',
  quotation: ' Inside a quotation: reported at a lower severity and left as spoken (no replacement is offered).',
  named: ' In words a named speaker is quoted or reported as saying: a hint at most, and no replacement, since rewording would change what they said.',
};

/** Curated terms, then emotive wording where no term was found. */
export function findLoaded(p: ParagraphInput): LoadedHit[] {
  const voices = new Voices(p);
  const terms: LoadedHit[] = findTerms(p, voices);
  const { options, text } = p;
  if (!options.emotiveWording) return terms;
  const emotive = findEmotive(new EmotiveInput(p, voices, terms, p.lex.ignoredTerms));
  for (const hit of emotive) {
    // Reported speech and negation lower the severity; below a hint there is nothing to show.
    const severity = voicedSeverity(options.emotiveSeverity, hit.named ? 'named' : hit.quoted || hit.negated ? 'quotation' : 'writer');
    if (severity === undefined) continue;
    const sentence = p.sentences[p.sentenceAt(hit.start)];
    if (isIgnoredOccurrence(p.lex.ignoredOccurrences, hit.matched, text.slice(sentence.start, sentence.end))) continue;
    terms.push({ ...hit, emotive: true, severity, sentence });
  }
  return terms.sort((a, b) => a.start - b.start);
}

function termFinding(hit: TermHit, base: number, severity: Severity): LoadedTermFinding {
  const { entry } = hit;
  const suggestions = entry.suggestions.map(s => matchCase(hit.matched, s));
  const list = suggestions.map(s => `\u201C${s}\u201D`).join(', ');
  const advice = suggestions.length > 0 ? ` Neutral: ${list}.` : ' Best removed, or attributed to whoever holds the view.';
  const range = { start: base + hit.start, end: base + hit.end };
  // Someone else's words are reported, not rewritten.
  const own = hit.voice === 'writer';
  const fixes = own ? suggestions.map(s => ({ title: `Replace with \u00AB${s}\u00BB`, edits: [{ range, newText: s }] })) : [];
  if (hit.removal && own) fixes.push(removeFix(hit.matched, hit.removal, base));
  return {
    rule: 'loaded-term',
    severity: voicedSeverity(severity, hit.voice) ?? 'hint',
    message: `\u201C${hit.matched}\u201D (${categoryLabel(entry.category)}): ${entry.note}${advice}${VOICE_NOTE[hit.voice]}`,
    range,
    fixes,
    data: {
      term: entry.term,
      matched: hit.matched,
      suggestions,
      category: entry.category,
      categoryDescription: TERM_CATEGORIES[entry.category],
      note: entry.note,
      quoted: !own,
      sentence: { start: base + hit.sentence.start, end: base + hit.sentence.end },
    },
  };
}

function removeFix(matched: string, removal: Removal, base: number) {
  return { title: `Remove \u00AB${matched}\u00BB`, edits: [{ range: { start: base + removal.range.start, end: base + removal.range.end }, newText: removal.newText }] };
}

function emotiveFinding(hit: EmotiveTermHit, base: number): LoadedTermFinding {
  const why = `${emotiveEvidence(hit.entry)}: it tells the reader what to feel instead of showing what happened.`;
  // Someone else's words are reported, not rewritten.
  const removable = hit.removal !== undefined && !hit.quoted;
  const advice = removable ? 'Remove it, or attribute the judgement to whoever holds it.' : 'Attribute the judgement to whoever holds it, or describe what happened.';
  const context = hit.named
    ? ' In words a named speaker is quoted or reported as saying: a hint at most.'
    : hit.quoted ? ' In reported speech: one severity lower.' : hit.negated ? ' Negated: one severity lower.' : '';
  return {
    rule: 'loaded-term',
    severity: hit.severity,
    message: `\u201C${hit.matched}\u201D (emotive wording): ${why} ${advice}${context}`,
    range: { start: base + hit.start, end: base + hit.end },
    fixes: removable ? [removeFix(hit.matched, hit.removal!, base)] : [],
    data: {
      term: hit.entry.word,
      matched: hit.matched,
      suggestions: [],
      category: 'emotive-wording',
      categoryDescription: TERM_CATEGORIES['emotive-wording'],
      note: why,
      quoted: hit.quoted,
      negated: hit.negated,
      sentence: { start: base + hit.sentence.start, end: base + hit.sentence.end },
    },
  };
}

export const loadedTerm: ParagraphRule<'loaded-term', LoadedTermData, LoadedHit> = {
  id: 'loaded-term',
  name: 'LoadedTerm',
  title: 'Loaded term',
  shortDescription: 'Charged or contested wording where a neutral one exists.',
  fullDescription:
    'Wording from the lexicon of loaded terms (contested labels, euphemisms, contested place names, ' +
    'editorialising, pejoratives, ...) with the neutral wording to use instead and a note on why. ' +
    'Inside a quotation it is reported at a lower severity, and in words a named speaker is quoted or reported as saying ' +
    'as a hint at most; someone else\u2019s words get no fix. The fixes replace the writer\u2019s own wording with a suggestion, keeping its case. ' +
    'Emotive wording (adjectives, adverbs and verbs of strong feeling) is a category of its own, one severity lower, ' +
    'with a fix that removes the word where it is a modifier.',
  docsAnchor: 'loaded-term',
  defaultEnabled: true,
  defaultSeverity: 'info',
  settingKey: 'loadedTerm',
  label: { one: 'term', many: 'terms' },
  icon: 'tag',
  options: [
    { key: 'terms', type: 'terms', default: [], description: 'Loaded terms to add to the lexicon, matched as literal text (never as regular expressions).' },
    { key: 'ignoredTerms', type: 'words', default: [], description: 'Terms of the lexicon (or added ones) never to report.' },
    {
      key: 'emotiveWording',
      type: 'boolean',
      default: true,
      description: 'Report emotive wording: adjectives, adverbs and verbs of strong feeling (from the sentiment lexicons natural ships, less the words that state facts in news).',
    },
    {
      key: 'emotiveSeverity',
      type: 'severity',
      default: 'hint',
      description: 'Severity of emotive wording (one below the other loaded terms by default). In a quotation, in attributed speech or after a negation it is one lower; below hint it is not reported.',
    },
  ],
  stage: 'terms',
  analyze: findLoaded,
  finding(hit, { base, severity }) {
    return 'emotive' in hit ? emotiveFinding(hit, base) : termFinding(hit, base, severity);
  },
};
