// Small helpers shared by the engine tests.
import { defaultOptions } from '../../src/core/options/defaults';
import { review } from '../../src/core/review/review';
import { LineIndex } from '../../src/core/text/text';
import { FindingOf, Review, ReviewOptions, RuleId } from '../../src/core/model/types';

export function reviewWith(text: string, change: (o: ReviewOptions) => void = () => undefined): Review {
  const options = defaultOptions();
  change(options);
  return review(text, options);
}

export function ofRule<R extends RuleId>(r: Review, rule: R): FindingOf<R>[] {
  return r.findings.filter((f): f is FindingOf<R> => f.rule === rule);
}

export function textOf(text: string, f: { range: { start: number; end: number } }): string {
  return text.slice(f.range.start, f.range.end);
}

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  return new LineIndex(text).lineAt(offset) + 1;
}

/** A paragraph of n distinct words about a topic, ending with a full stop. */
export function para(topic: string, n = 20): string {
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(`${topic}${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}`);
  return words.join(' ') + '.';
}
