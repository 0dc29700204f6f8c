// The rules, listed once. Everything that needs to know which rules exist — the engine, the
// options (defaults, validation, merging), the CLI, the reports and the extension — reads this
// list. Adding a rule: write its module (a `RuleDefinition`, see rule.ts) and add it to RULES below;
// its id joins `RuleId` and its findings (with their typed `data`) join `Finding`.
import { unattributedClaim } from './attribution';
import { boilerplate } from './boilerplate';
import { loadedTerm } from './loaded';
import { nearDuplicate } from './nearDuplicate';
import { repeatedPassage } from './repeated';
import { RULE_IDS } from '../model/types';
import type { Finding, FindingOf, RuleId } from '../model/types';
import { OptionKey, OptionSpec, ParagraphRule, RuleDefinition, helpUri } from './rule';

/** In the order findings at the same offset are listed and reports show the rules. */
export const RULES = [repeatedPassage, nearDuplicate, unattributedClaim, loadedTerm, boilerplate] as const;

/** The ids of RULES are exactly model/findings.ts's RULE_IDS (the rule ids every part shares). */
type RegistryId = (typeof RULES)[number]['id'];
const SAME_IDS: [RegistryId] extends [RuleId] ? ([RuleId] extends [RegistryId] ? true : never) : never = true;
void SAME_IDS;

export { RULE_IDS };
export type { Finding, FindingOf, RuleId };

/** Any rule, seen through the common interface. */
export type AnyRule = RuleDefinition<RuleId, unknown, unknown>;

const BY_ID = new Map<string, AnyRule>(RULES.map(r => [r.id, r as AnyRule]));

export function ruleById(id: RuleId): AnyRule {
  return BY_ID.get(id)!;
}

export function isRuleId(id: string): id is RuleId {
  return BY_ID.has(id);
}

/** Rules that look at one paragraph at a time (run generically by the engine, cached per paragraph). */
export const PARAGRAPH_RULES: readonly ParagraphRule<RuleId, unknown, unknown>[] = RULES.filter(
  (r): r is typeof r & ParagraphRule<RuleId, unknown, unknown> => 'analyze' in r && typeof r.analyze === 'function',
) as ParagraphRule<RuleId, unknown, unknown>[];

/** Options that belong to no rule in particular. */
export const GENERAL_OPTIONS: readonly OptionSpec[] = [
  {
    key: 'maxFindingsPerRule',
    type: 'integer',
    default: 500,
    min: 1,
    max: 100000,
    description: 'Per rule, at most this many findings per file.',
  },
  {
    key: 'ignoredOccurrences',
    type: 'occurrences',
    default: [],
    description: 'Single occurrences of loaded terms or cues never to report: the words and a fingerprint of their sentence (written by "Ignore this occurrence").',
  },
];

/** Every option, each rule's in registry order, then the general ones. */
export const OPTIONS: readonly OptionSpec[] = [...RULES.flatMap(r => r.options), ...GENERAL_OPTIONS];

export function optionSpec(key: OptionKey): OptionSpec {
  const spec = OPTIONS.find(o => o.key === key);
  if (!spec) throw new Error(`no option ${key}`);
  return spec;
}

export { DOCS_URL, helpUri } from './rule';

/** The documentation link of a rule. */
export function ruleHelpUri(id: RuleId): string {
  return helpUri(ruleById(id));
}
