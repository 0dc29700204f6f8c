// PLACEHOLDER until the engine lands (the lead is writing it): signature only.
import { Review, ReviewOptions } from './types';
export function review(_text: string, _options?: ReviewOptions): Review {
  throw new Error('engine not written yet');
}
