// A file of the collection read and fingerprinted: its bytes decoded (UTF-8, a BOM dropped), not a
// binary file, not one of our reports, not too long, then reviewed once with the fingerprint taken
// from what that review saw. Pure (no `vscode`): run by the index worker, or in process when the
// worker cannot start.
import { FileFingerprint, fingerprintOf } from '../../core/collection/fingerprint';
import { CompiledLexicons, compileLexicons } from '../../core/language/lexicon';
import { REPORT_HEAD_LENGTH, isReportText } from '../../core/report/reportFiles';
import { review } from '../../core/review/review';
import type { FingerprintRequest, FingerprintResult } from './indexProtocol';

let lexicons: { key: string; compiled: CompiledLexicons } | undefined;

/** The text of a file's bytes, or why it is not indexed. */
export function decodeText(bytes: Uint8Array): string | { skipped: string } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { skipped: 'not UTF-8 text' };
  }
  if (text.includes('\u0000')) return { skipped: 'binary' };
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function fingerprintFile(request: Omit<FingerprintRequest, 'id'>): FingerprintResult {
  const text = decodeText(request.bytes);
  if (typeof text !== 'string') return text;
  if (text.length > request.maxCharacters) return { skipped: 'too large' };
  if (isReportText(text.slice(0, REPORT_HEAD_LENGTH * 3))) return { skipped: 'a report of this extension' };
  const key = JSON.stringify(request.options);
  if (lexicons?.key !== key) lexicons = { key, compiled: compileLexicons(request.options) };
  let fingerprint: FileFingerprint | undefined;
  review(text, request.options, lexicons.compiled, seen => (fingerprint = fingerprintOf(seen, request.stamp)));
  return fingerprint ? { fingerprint } : { skipped: 'no fingerprint' };
}

/** The buffers of a fingerprint's typed arrays (to transfer it between threads instead of copying). */
export function fingerprintBuffers(fp: FileFingerprint): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const value of Object.values(fp.paragraphs)) if (ArrayBuffer.isView(value)) out.add(value.buffer as ArrayBuffer);
  for (const a of fp.articles) if (a.bands) out.add(a.bands.buffer as ArrayBuffer);
  return [...out];
}
