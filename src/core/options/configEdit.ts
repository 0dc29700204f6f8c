// Edits of the text of `.editorial-review.json` that keep the user's formatting (and comments, if
// any): an entry added to or removed from one of its lists, through jsonc-parser's `modify`, which
// changes only the characters concerned instead of writing the whole file again. Pure: text in,
// text out.
import { FormattingOptions, applyEdits, modify, parseTree, findNodeAtLocation, Node as JsonNode } from 'jsonc-parser';

/** The indentation the text already uses (two spaces for a new or flat file). */
export function detectFormatting(text: string): FormattingOptions {
  const m = /\n([ \t]+)["}\]]/.exec(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (!m) return { insertSpaces: true, tabSize: 2, eol };
  if (m[1].startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: m[1].length, eol };
}

function listNode(text: string, key: string): JsonNode | undefined {
  const root = parseTree(text);
  const node = root ? findNodeAtLocation(root, [key]) : undefined;
  return node && node.type === 'array' ? node : undefined;
}

/** The items of a top-level list of the config text, as values (empty when there is none). */
export function listItems(text: string, key: string): unknown[] {
  const node = listNode(text, key);
  if (!node?.children) return [];
  return node.children.map(child => JSON.parse(text.slice(child.offset, child.offset + child.length)) as unknown);
}

/**
 * The text with `value` appended to the top-level list `key` (the list is created when missing; a
 * blank text becomes an object holding just that list). `same` tells an entry already present,
 * in which case the text is returned unchanged.
 */
export function addListEntry(text: string, key: string, value: unknown, same: (item: unknown) => boolean): string {
  const base = text.trim() === '' ? '{}' : text;
  const items = listItems(base, key);
  if (items.some(same)) return text;
  const formattingOptions = detectFormatting(base);
  const edits = listNode(base, key)
    ? modify(base, [key, items.length], value, { formattingOptions, isArrayInsertion: true })
    : modify(base, [key], [value], { formattingOptions });
  const out = applyEdits(base, edits);
  return out.endsWith('\n') ? out : out + formattingOptions.eol;
}

/** The text without the entries of the top-level list `key` that `same` picks (unchanged when none). */
export function removeListEntry(text: string, key: string, same: (item: unknown) => boolean): string {
  let out = text;
  const formattingOptions = detectFormatting(text);
  // From the last to the first, so that the indexes of those left stay valid.
  const items = listItems(text, key);
  for (let i = items.length - 1; i >= 0; i--) {
    if (same(items[i])) out = applyEdits(out, modify(out, [key, i], undefined, { formattingOptions }));
  }
  return out;
}
