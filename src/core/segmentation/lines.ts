// The lines of a dump and what can be said of one line from its own text: blank, separator,
// header, Markdown heading, sentence end. Shared by the segmentation's other modules.
import { LineIndex } from '../text/text';

export const SEPARATOR_LINE = /^[ \t]*(?:-{3,}|={3,}|\*{3,}|_{3,}|(?:\* ?){3,}|\f+)[ \t]*$/;
export const HEADER_LINE = /^[ \t]*(title|date|url|source|author|byline|published|link|headline)[ \t]*:[ \t]*(.*)$/i;
export const MARKDOWN_HEADING = /^[ \t]{0,3}(#{1,6})[ \t]+(\S.*?)[ \t#]*$/;
export const BLANK = /^[ \t\v\u00A0\u200B\uFEFF]*$/;
const UNDERLINE = /^[ \t]*(?:={3,}|-{3,})[ \t]*$/;

export interface Line {
  /** 0-based line number. */
  no: number;
  start: number;
  /** End of content, before the line break. */
  end: number;
  /** Start of the next line. */
  next: number;
  text: string;
  blank: boolean;
  /** A separator line (`---`, `***`, a page break alone), unless it underlines a headline. */
  separator: boolean;
  /** A `====` or `----` line right under a headline (a setext heading): part of it, not a separator. */
  underline?: boolean;
}

const CLOSING = new Set(['"', "'", '\u2019', '\u201D', '\u00BB', ')', ']', ' ', '\t', '\u00A0']);
const SENTENCE_END = new Set(['.', '!', '?', '\u2026', ':', ';']);

/** Where the last character that is not a closing quote, bracket or space is (-1 when there is none). */
function finalMarkAt(text: string): number {
  let i = text.length - 1;
  while (i >= 0 && CLOSING.has(text[i])) i--;
  return i;
}

/** The last character that is not a closing quote, bracket or space ('' when there is none). */
export function finalMark(text: string): string {
  const i = finalMarkAt(text);
  return i >= 0 ? text[i] : '';
}

/** Whether a line trails off: its final mark is an ellipsis, '\u2026' or three full stops. */
export function endsWithEllipsis(text: string): boolean {
  const i = finalMarkAt(text);
  return i >= 0 && (text[i] === '\u2026' || (i >= 2 && text[i] === '.' && text[i - 1] === '.' && text[i - 2] === '.'));
}

/** Whether a line ends a sentence: final . ! ? … : or ; possibly followed by closing quotes. */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.has(finalMark(text));
}

export function splitLines(text: string, index: LineIndex): Line[] {
  const lines: Line[] = [];
  for (let i = 0; i < index.lineCount; i++) {
    const start = index.lineStart(i);
    // The last "line" after a final line break is empty and not part of the text's lines.
    if (i === index.lineCount - 1 && start === text.length && i > 0) break;
    const end = index.lineContentEnd(i);
    const lineText = text.slice(start, end);
    const blank = BLANK.test(lineText);
    // A separator starts with one of - = * _ or a form feed: the regular expression only then.
    const c = lineText.charCodeAt(lineText.length > 0 && (lineText[0] === ' ' || lineText[0] === '\t') ? lineText.search(/\S|$/) : 0);
    const separator = !blank && (c === 45 || c === 61 || c === 42 || c === 95 || c === 12) && SEPARATOR_LINE.test(lineText);
    lines.push({ no: i, start, end, next: index.lineEndWithBreak(i), text: lineText, blank, separator });
  }
  for (let i = 1; i < lines.length; i++) {
    const above = lines[i - 1];
    // A setext underline: the headline above it stands alone (blank, separator or start above it).
    const alone = i < 2 || lines[i - 2].blank || SEPARATOR_LINE.test(lines[i - 2].text);
    if (lines[i].separator && UNDERLINE.test(lines[i].text) && alone && !above.blank && !above.underline &&
      !SEPARATOR_LINE.test(above.text) && !HEADER_LINE.test(above.text) && !endsSentence(above.text.trim())) {
      lines[i].underline = true;
    }
  }
  return lines;
}

export function isSeparator(line: Line): boolean {
  return line.separator && !line.underline;
}

/** A form feed (page break) at the start of a line with text: a boundary that is also content. */
export function startsWithFormFeed(line: Line): boolean {
  return line.text.startsWith('\f') && !isSeparator(line);
}

/** A line that holds text an article can start at (not blank, not a separator, not an underline). */
export function isContent(line: Line): boolean {
  return !line.blank && !line.underline && !isSeparator(line);
}

/** Markdown heading level (1–6) of a line, 0 when it is none. */
export function headingLevel(text: string): number {
  // Most lines do not start with "#" after up to three spaces: no regular expression for them.
  let i = 0;
  while (i < 3 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (text.charCodeAt(i) !== 35) return 0;
  const m = MARKDOWN_HEADING.exec(text);
  return m ? m[1].length : 0;
}
