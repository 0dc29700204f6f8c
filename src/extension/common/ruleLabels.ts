// Words and icons of each rule in the extension's UI (from the rule registry): `title` names the
// rule ("Loaded term"), `one` / `many` count its findings ("3 terms").
import { RULES } from '../../core/rules/registry';
import { RuleId } from '../../core/model/types';

export const RULE_LABEL = Object.fromEntries(
  RULES.map(r => [r.id, { ...r.label, icon: r.icon, title: r.title }]),
) as Record<RuleId, { one: string; many: string; icon: string; title: string }>;
