// Length of the longest common subsequence of two word sequences, bit-parallel (Hyyrö 2004):
// one pass over the later sequence, 32 positions of the earlier one per machine word. This gives
// the exact word-level similarity of two paragraphs in microseconds; `diff` is then asked for the
// word-level changes only where they are shown.

/** For each word of `a`, the bit set of its positions. */
function positionMasks(a: ArrayLike<number>): Map<number, Uint32Array> {
  const masks = new Map<number, Uint32Array>();
  const words = (a.length + 31) >>> 5;
  for (let i = 0; i < a.length; i++) {
    let m = masks.get(a[i]);
    if (!m) masks.set(a[i], (m = new Uint32Array(words)));
    m[i >>> 5] |= 1 << (i & 31);
  }
  return masks;
}

export function lcsLength(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const m = a.length;
  if (m === 0 || b.length === 0) return 0;
  const words = (m + 31) >>> 5;
  const masks = positionMasks(a);
  // V has a 0 bit at each position of `a` that is matched so far.
  const v = new Uint32Array(words).fill(0xffffffff);
  for (let j = 0; j < b.length; j++) {
    const match = masks.get(b[j]);
    if (!match) continue;
    // V = (V + (V & M)) | (V & ~M), with the carry running across words.
    let carry = 0;
    for (let w = 0; w < words; w++) {
      const vw = v[w];
      const u = (vw & match[w]) >>> 0;
      const sum = vw + u + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      v[w] = (sum >>> 0) | (vw & ~match[w]);
    }
  }
  let zeros = 0;
  for (let i = 0; i < m; i++) if ((v[i >>> 5] & (1 << (i & 31))) === 0) zeros++;
  return zeros;
}
