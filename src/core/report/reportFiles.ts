// Recognising the reports this tool writes, so that they are never reviewed as dumps: by the names
// Export Report and the CLI suggest, and by the Markdown report's opening lines (a report saved
// under another name). Pure: names and text only.

/** Extensions of the report formats. */
const REPORT_EXTENSIONS = ['md', 'markdown', 'json', 'sarif'];

/** `x.editorial-review.md` (one file's report) and `editorial-review-report.md` (several files). */
const REPORT_NAME = new RegExp(`(?:\\.editorial-review|^editorial-review-report)\\.(?:${REPORT_EXTENSIONS.join('|')})$`, 'i');

/** The first lines of a Markdown report (see toMarkdown in report.ts). */
const MARKDOWN_REPORT_START = /^\uFEFF?# Editorial review\r?\n\r?\n\d+ files? reviewed by \S/;

/** True for a file name (or path) that Export Report or the CLI give their reports. */
export function isReportFileName(fileName: string): boolean {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  return REPORT_NAME.test(base);
}

/** How much of the start of a text `isReportText` reads. */
export const REPORT_HEAD_LENGTH = 200;

/** True when a text starts the way this tool's Markdown report starts. */
export function isReportText(text: string): boolean {
  return MARKDOWN_REPORT_START.test(text.slice(0, REPORT_HEAD_LENGTH));
}
