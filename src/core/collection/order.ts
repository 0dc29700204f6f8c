// The collection's order: the original of a story is its first occurrence in it. File paths in
// natural sort order (`day2` before `day10`), or modification time (then path), then the position
// in the file.

export type CollectionOrder = 'name' | 'mtime';

/** What ordering a file needs: its path and modification time. */
export interface Orderable {
  path: string;
  mtimeMs: number;
}

/**
 * Compares two paths as a reader sorts them: runs of digits by their value (`day2` < `day10`),
 * the rest by code unit, case-insensitively first; ties broken by the plain comparison so that the
 * order is total.
 */
export function naturalCompare(a: string, b: string): number {
  throw new Error(`not implemented yet (${a}, ${b})`);
}

/** The comparison of two files in the given order. */
export function compareFiles(order: CollectionOrder): (a: Orderable, b: Orderable) => number {
  throw new Error(`not implemented yet (${order})`);
}
