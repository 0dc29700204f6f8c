// The collection's order: the original of a story is its first occurrence in it. File paths in
// natural sort order (`day2` before `day10`), or modification time (then path), then the position
// in the file.

export type CollectionOrder = 'name' | 'mtime';

/** What ordering a file needs: its path and modification time. */
export interface Orderable {
  path: string;
  mtimeMs: number;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Compares two paths as a reader sorts them: runs of digits by their value (`day2` < `day10`,
 * leading zeros ignored), the rest case-insensitively; ties broken by the plain comparison so that
 * the order is total.
 */
export function naturalCompare(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const c = x.charCodeAt(i);
    const d = y.charCodeAt(j);
    if (isDigit(c) && isDigit(d)) {
      let i2 = i;
      let j2 = j;
      while (i2 < x.length && isDigit(x.charCodeAt(i2))) i2++;
      while (j2 < y.length && isDigit(y.charCodeAt(j2))) j2++;
      // Compare the runs without their leading zeros: the longer is larger, else digit by digit.
      let s = i;
      let t = j;
      while (s < i2 - 1 && x.charCodeAt(s) === 48) s++;
      while (t < j2 - 1 && y.charCodeAt(t) === 48) t++;
      if (i2 - s !== j2 - t) return i2 - s - (j2 - t);
      for (; s < i2; s++, t++) if (x.charCodeAt(s) !== y.charCodeAt(t)) return x.charCodeAt(s) - y.charCodeAt(t);
      i = i2;
      j = j2;
      continue;
    }
    if (c !== d) return c - d;
    i++;
    j++;
  }
  if (x.length - i !== y.length - j) return x.length - i - (y.length - j);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The comparison of two files in the given order. */
export function compareFiles(order: CollectionOrder): (a: Orderable, b: Orderable) => number {
  if (order === 'name') return (a, b) => naturalCompare(a.path, b.path);
  return (a, b) => a.mtimeMs - b.mtimeMs || naturalCompare(a.path, b.path);
}

/**
 * A key whose plain string order is the natural order of paths (digit runs padded to 20 places,
 * lower case): what a database sorts by (`files.sort_key` of the on-disk index).
 */
export function naturalSortKey(filePath: string): string {
  return filePath.toLowerCase().replace(/\d+/g, run => run.replace(/^0+(?=\d)/, '').padStart(20, '0'));
}
