// unattributed-claim: claims that rest on a hedge or a vague source (cues from lexicons/cues.json).
import { ClaimHit } from '../analysis';
import { Finding, Severity } from '../types';

export const ATTRIBUTION_MARKER = '[attribution needed]';

export function claimFinding(hit: ClaimHit, base: number, text: string, severity: Severity): Finding {
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
    data: { cue: hit.cue.cue, matched: hit.matched, kind: hit.cue.kind, ...(hit.cue.template ? { template: hit.cue.template } : {}) },
  };
}
