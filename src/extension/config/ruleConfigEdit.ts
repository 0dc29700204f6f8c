// Edits of one rule's entry in the text of `.editorial-review.json` (`"rules": {"loaded-term": "off"}`)
// that keep the rest of the file as it is (jsonc-parser's `modify`, as core/options/configEdit.ts
// does for the lists). Pure: text in, text out.
import { applyEdits, findNodeAtLocation, getNodeValue, modify, parseTree } from 'jsonc-parser';
import { detectFormatting } from '../../core/options/configEdit';

/** The value the text gives a rule under `rules` (undefined when it gives none). */
export function ruleValue(text: string, rule: string): unknown {
  const root = parseTree(text.trim() === '' ? '{}' : text);
  const node = root ? findNodeAtLocation(root, ['rules', rule]) : undefined;
  return node ? (getNodeValue(node) as unknown) : undefined;
}

/** The text with the rule set to `value` under `rules` (removed when `value` is undefined). */
export function setRuleValue(text: string, rule: string, value: unknown): string {
  const base = text.trim() === '' ? '{}' : text;
  const formattingOptions = detectFormatting(base);
  const out = applyEdits(base, modify(base, ['rules', rule], value, { formattingOptions }));
  return out.endsWith('\n') ? out : out + formattingOptions.eol;
}
