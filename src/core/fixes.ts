// PLACEHOLDER until the engine lands (the lead is writing it): signatures only.
import { Review, TextEdit } from './types';
/** All repeated passages removed, as one set of non-overlapping edits sorted by start. */
export function removeAllRepeatedPassages(_review: Review): TextEdit[] {
  throw new Error('engine not written yet');
}
/** Applies non-overlapping edits to a text. */
export function applyEdits(_text: string, _edits: TextEdit[]): string {
  throw new Error('engine not written yet');
}
