// An article's metadata, read from its first lines: dateline ("CLEVELAND —", "LONDON (Reuters) -"),
// byline ("By …"), agency or source, date. The patterns also serve the segmentation as evidence
// (a byline or dateline under a line makes that line a headline).
import { ArticleMeta } from '../model/types';
import { HEADER_LINE } from './lines';

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?';
/** A calendar date: "March 3, 2026", "3 March 2026", "2026-03-03", "03/03/2026". */
const DATE = new RegExp(`(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s+\\d{4}|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{4}\\b)`);
/** A month and day, with or without a year ("July 29", "Dec. 11, 2015"): the date of a dateline. */
const MONTH_DAY = new RegExp(`${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b`);
/** What may stand around a date on a date line: weekday, time, zone, "Updated", separators. */
const DATE_LINE_REST = new RegExp(`^(?:${WEEKDAY}|\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?|[ap]\\.?m\\.?|[A-Z]{2,4}T|ET|GMT|UTC|updated|published|posted|last|modified|on|at|[|,.·•:;()\\-–—\\s])*$`, 'i');

/**
 * A dateline opening a paragraph: a place in capitals, perhaps a region or date after a comma, perhaps
 * an agency in brackets, then a dash.
 */
const DATELINE = /^\s*([A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3})((?:,\s*[A-Z0-9][\p{L}\d.'’]*(?:\s+[\p{L}\d.'’]+){0,3}?){0,2})\s*(?:\(([^()]{2,40})\))?\s*[—–―-]{1,2}(?=\s*\S)/u;
/** A byline: "By" and a name (capitalised words), nothing that reads as a sentence. */
const BYLINE = /^\s*(?:By|BY|by)\s+((?:[A-Z][\p{L}.'’-]*)(?:\s+(?:[A-Z][\p{L}.'’-]*|and|&|de|da|del|van|von|le|la|bin|al-\p{L}+)){0,7})\s*(?:$|[,|—–-]\s*(.*)$)/u;
const MAX_BYLINE_CHARS = 100;

export interface Dateline {
  place: string;
  source?: string;
  date?: string;
}

export function datelineOf(text: string): Dateline | undefined {
  const m = DATELINE.exec(text);
  if (!m) return undefined;
  const place = m[1].replace(/[\s.,]+$/, '');
  // At least one word of three capitals ("AP —" alone is not a place).
  if (!/[A-Z]{3}/.test(place)) return undefined;
  const extra = (m[2] ?? '').replace(/^,\s*/, '');
  const date = DATE.exec(extra)?.[0] ?? MONTH_DAY.exec(extra)?.[0];
  const region = date ? extra.slice(0, extra.indexOf(date)).replace(/[\s,]+$/, '') : extra.trim();
  return { place: region ? `${place}, ${region}` : place, source: m[3]?.trim(), date };
}

export function bylineOf(text: string): string | undefined {
  if (text.length > MAX_BYLINE_CHARS) return undefined;
  const m = BYLINE.exec(text);
  return m ? m[1].trim() : undefined;
}

/** The date on a line that holds little else (a dateline of its own: "March 3, 2026 | 10:30 AM"). */
export function dateLineOf(text: string): string | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  return DATE_LINE_REST.test(text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length)) ? m[0] : undefined;
}

export function hasDate(text: string): boolean {
  return DATE.test(text);
}

/** Whether a line is the metadata of an article (byline, date line, header) rather than text. */
export function isMetaLine(text: string): boolean {
  return bylineOf(text) !== undefined || dateLineOf(text) !== undefined || HEADER_LINE.test(text);
}

/**
 * Metadata from an article's heading lines (after the title: headers, byline, date) and its first
 * body line (the dateline).
 */
export function articleMeta(headingLines: string[], firstBody: string | undefined): ArticleMeta {
  const meta: ArticleMeta = {};
  for (const line of headingLines) {
    const h = HEADER_LINE.exec(line);
    if (h) {
      const value = h[2].trim();
      if (!value) continue;
      const key = h[1].toLowerCase();
      if ((key === 'date' || key === 'published') && !meta.date) meta.date = value;
      else if (key === 'source' && !meta.source) meta.source = value;
      else if ((key === 'author' || key === 'byline') && !meta.byline) meta.byline = bylineOf(value) ?? value;
      continue;
    }
    const by = bylineOf(line);
    if (by && !meta.byline) { meta.byline = by; continue; }
    const date = dateLineOf(line);
    if (date && !meta.date) meta.date = date;
  }
  const dl = firstBody !== undefined ? datelineOf(firstBody) : undefined;
  if (dl) {
    meta.dateline = dl.place;
    if (dl.source && !meta.source) meta.source = dl.source;
    if (dl.date && !meta.date) meta.date = dl.date;
  }
  return meta;
}

/** The metadata in one line for a list or a table: "CLEVELAND · Anna Berg · Reuters · March 3, 2026". */
export function metaSummary(meta: ArticleMeta): string {
  return [meta.dateline, meta.byline, meta.source, meta.date].filter(x => x).join(' \u00B7 ');
}

/** The metadata part by part, labelled ("Dateline: CLEVELAND"), for a tooltip or a report. */
export function metaLines(meta: ArticleMeta): string[] {
  const out: string[] = [];
  if (meta.dateline) out.push(`Dateline: ${meta.dateline}`);
  if (meta.byline) out.push(`By: ${meta.byline}`);
  if (meta.source) out.push(`Source: ${meta.source}`);
  if (meta.date) out.push(`Date: ${meta.date}`);
  return out;
}
