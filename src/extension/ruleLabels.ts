// Words and icons of each rule in the extension's UI (from the rule registry).
import { RULES } from '../core/rules/registry';
import { RuleId } from '../core/types';

export const RULE_LABEL = Object.fromEntries(
  RULES.map(r => [r.id, { ...r.label, icon: r.icon, title: `${r.title}s` }]),
) as Record<RuleId, { one: string; many: string; icon: string; title: string }>;
