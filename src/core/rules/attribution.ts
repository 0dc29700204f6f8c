// unattributed-claim: claims that rest on a hedge or a vague source (cues from lexicons/cues.json).
import { isInside } from '../text/quotes';
import { CueEntry } from '../language/lexicon';
import { nonOverlapping } from '../language/phrases';
import { namedSceneSubject, namesSource, quotesHaveNamedSpeaker, reportedSpan, sourceAnswers } from '../language/sources';
import { OffsetRange, UnattributedClaimData, UnattributedClaimFinding } from '../model/types';

export type { UnattributedClaimData, UnattributedClaimFinding };
import { acceptMatch } from './lexiconMatch';
import { ParagraphInput, ParagraphRule } from './rule';

export const ATTRIBUTION_MARKER = '[attribution needed]';

/** A cue in a paragraph (offsets relative to the paragraph). */
export interface ClaimHit extends OffsetRange {
  cue: CueEntry;
  matched: string;
  /** Where "[attribution needed]" goes: the end of the sentence, before its final punctuation. */
  insertAt: number;
  /** The sentence the cue stands in (offsets relative to the paragraph). */
  sentence: OffsetRange;
}


function insertionPoint(text: string, sentence: OffsetRange): number {
  let e = sentence.end;
  // Keep a closing quote that belongs to the sentence's own quotation outside the marker.
  while (e > sentence.start && /["'\u2019\u201D\u00BB)\]]/.test(text[e - 1])) e--;
  while (e > sentence.start && /[.!?\u2026:;]/.test(text[e - 1])) e--;
  return e;
}

export function findClaims(p: ParagraphInput): ClaimHit[] {
  const { text, tokens, lex } = p;
  const claims: ClaimHit[] = [];
  const fixed = lex.cues.matchAll(tokens, text);
  const built = lex.cueTemplates.matchAll(tokens, text);
  let speakerNamed: boolean | undefined;
  for (const m of nonOverlapping(built.length > 0 ? fixed.concat(built) : fixed)) {
    const accepted = acceptMatch(p, m, lex.ignoredCues, m.value.cue);
    if (!accepted) continue;
    const { matched, sentenceIndex: s, from, to, sentence } = accepted;
    const quoted = isInside(p.quotes(), m.start, m.end);
    // A quotation's speaker may be named in another sentence of the paragraph.
    const named = namesSource(tokens, from, to, text, 0, m.first, m.last) || (quoted && (speakerNamed ??= quotesHaveNamedSpeaker(tokens, text, p.quotes())));
    const previous = s > 0 ? { from: p.sentenceTokenStart[s - 1], to: p.sentenceTokenEnd[s - 1] } : undefined;
    const earlierCue = claims.length > 0 && p.sentenceAt(claims[claims.length - 1].start) === s;
    const span = named ? reportedSpan(tokens, from, to, text, 0) : undefined;
    // A frame ("when asked") sets the scene of the statement; it is not part of what was said.
    const reported = span !== undefined && !m.value.frame && m.first >= span.from && m.last <= span.to;
    const subjectNamed = m.value.namedSubject === true && namedSceneSubject(tokens, m.first, from, text, 0);
    if (sourceAnswers({ kind: m.value.kind, first: m.first, last: m.last, quoted, named, earlierCue, reported, firstHand: m.value.firstHand, subjectNamed }, tokens, text, from, previous)) continue;
    claims.push({ start: m.start, end: m.end, cue: m.value, matched, insertAt: insertionPoint(text, sentence), sentence });
  }
  return claims;
}

export const unattributedClaim: ParagraphRule<'unattributed-claim', UnattributedClaimData, ClaimHit> = {
  id: 'unattributed-claim',
  name: 'UnattributedClaim',
  title: 'Unattributed claim',
  shortDescription: 'A claim resting on a hedge, a vague source or an agentless construction.',
  fullDescription:
    'A claim that rests on a hedge ("reportedly", "allegedly", "is said to"), on a vague source ' +
    '("sources say", "critics have long argued", "many people think" with no name) or on an agentless ' +
    'construction ("was accused of", "is expected to", "it is widely believed"). Sentences that name their source, ' +
    'quotes by a named speaker and words that refer back to a source named in the sentence before are not ' +
    'flagged, nor is saying what is not known ("it is not clear whether"). The fix marks the claim "[attribution needed]".',
  docsAnchor: 'unattributed-claim',
  defaultEnabled: true,
  defaultSeverity: 'info',
  settingKey: 'unattributedClaim',
  label: { one: 'claim', many: 'claims' },
  icon: 'question',
  options: [{ key: 'ignoredCues', type: 'words', default: [], description: 'Hedge and vague-source cues never to report.' }],
  stage: 'claims',
  analyze: findClaims,
  finding(hit, { base, text, severity }) {
    const what = hit.cue.kind === 'hedge'
      ? `\u201C${hit.matched}\u201D hedges the claim instead of naming who makes it`
      : hit.cue.kind === 'agentless'
        ? `\u201C${hit.matched}\u201D reports a claim without saying whose it is`
        : `\u201C${hit.matched}\u201D is a vague source and the sentence names no one`;
    const insertAt = base + hit.insertAt;
    const already = text.slice(insertAt, insertAt + ATTRIBUTION_MARKER.length + 1).includes(ATTRIBUTION_MARKER);
    return {
      rule: 'unattributed-claim',
      severity,
      message: `${what}. ${hit.cue.note}`,
      range: { start: base + hit.start, end: base + hit.end },
      fixes: already ? [] : [{ title: `Mark as ${ATTRIBUTION_MARKER}`, edits: [{ range: { start: insertAt, end: insertAt }, newText: ` ${ATTRIBUTION_MARKER}` }] }],
      data: {
        cue: hit.cue.cue,
        matched: hit.matched,
        kind: hit.cue.kind,
        ...(hit.cue.template ? { template: hit.cue.template } : {}),
        insertAt,
        sentence: { start: base + hit.sentence.start, end: base + hit.sentence.end },
      },
    };
  },
};
