// What the editor can list of a review's findings, counted the way each place shows them: the
// Articles panel and Next / Previous Finding list every finding of the review; VS Code's Problems
// panel lists those that are not hints, and at most 1,000 per file. Pure (no `vscode`).
import { Finding, RULE_IDS, RuleId, Severity } from '../../core/model/types';

/** VS Code's Problems panel shows at most this many problems per file. */
export const PROBLEMS_PER_FILE = 1000;

export interface ListedCounts {
  /** Every finding listed (the panel, Next Finding). */
  listed: number;
  bySeverity: Record<Severity, number>;
  byRule: Record<RuleId, number>;
  /** Findings of severity hint: underlined in the editor, never listed in Problems. */
  hints: number;
  /** What the Problems panel lists: the findings that are not hints, at most 1,000. */
  problems: number;
  /** Findings that are not hints but do not fit in the Problems panel's 1,000 slots. */
  beyondProblems: number;
}

export function listedCounts(findings: readonly Finding[]): ListedCounts {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  const byRule = Object.fromEntries(RULE_IDS.map(r => [r, 0])) as Record<RuleId, number>;
  for (const f of findings) {
    bySeverity[f.severity]++;
    byRule[f.rule]++;
  }
  const notHints = findings.length - bySeverity.hint;
  return {
    listed: findings.length,
    bySeverity,
    byRule,
    hints: bySeverity.hint,
    problems: Math.min(notHints, PROBLEMS_PER_FILE),
    beyondProblems: Math.max(0, notHints - PROBLEMS_PER_FILE),
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** "25 warnings and 10 information in Problems, 27 hints in the editor only". */
export function whereListed(c: ListedCounts): string {
  const severities: string[] = [];
  if (c.bySeverity.error) severities.push(plural(c.bySeverity.error, 'error'));
  if (c.bySeverity.warning) severities.push(plural(c.bySeverity.warning, 'warning'));
  if (c.bySeverity.info) severities.push(`${c.bySeverity.info.toLocaleString('en')} information`);
  const inProblems = severities.length > 0 ? `${severities.join(', ').replace(/, ([^,]*)$/, ' and $1')} in Problems` : 'none in Problems';
  const capped = c.beyondProblems > 0 ? ` (it lists ${PROBLEMS_PER_FILE.toLocaleString('en')} of them)` : '';
  const hints = c.hints > 0 ? `, ${plural(c.hints, 'hint')} in the editor only` : '';
  return `${inProblems}${capped}${hints}`;
}

/** The note where the Problems panel's cap applies, saying where to see the rest. */
export function problemsCapNote(c: ListedCounts): string | undefined {
  if (c.beyondProblems === 0) return undefined;
  const total = c.problems + c.beyondProblems;
  return (
    `Problems lists ${PROBLEMS_PER_FILE.toLocaleString('en')} of the ${total.toLocaleString('en')} problems of this file (VS Code's limit per file, ` +
    'warnings first), so some claims and loaded terms are not there: the Articles panel lists every finding, by rule under Overview.'
  );
}
