// Words and icons of each rule in the extension's UI.
import { RuleId } from '../core/types';

export const RULE_LABEL: Record<RuleId, { one: string; many: string; icon: string; title: string }> = {
  'repeated-passage': { one: 'repeat', many: 'repeats', icon: 'copy', title: 'Repeated passages' },
  'near-duplicate': { one: 'near duplicate', many: 'near duplicates', icon: 'diff', title: 'Near duplicates' },
  'unattributed-claim': { one: 'claim', many: 'claims', icon: 'question', title: 'Unattributed claims' },
  'loaded-term': { one: 'term', many: 'terms', icon: 'tag', title: 'Loaded terms' },
};
