// A set of words, by their hashes (`WordToken.hash`), that answers "certainly not here" with one
// bit test. The matchers run over every word of every paragraph and most words start no phrase:
// the filter spares those a lookup by string in the matcher's index. A "maybe" (a hash collision)
// only costs the lookup it would have made anyway, so results never depend on the filter.
import { hash32 } from './text';

const BITS = 18;
const MASK = (1 << BITS) - 1;

export class WordFilter {
  private readonly bits = new Uint32Array(1 << (BITS - 5));

  add(word: string): void {
    const b = hash32(word) & MASK;
    this.bits[b >>> 5] |= 1 << (b & 31);
  }

  /** False when no word added has this hash. */
  mayHave(hash: number): boolean {
    const b = hash & MASK;
    return (this.bits[b >>> 5] & (1 << (b & 31))) !== 0;
  }
}
