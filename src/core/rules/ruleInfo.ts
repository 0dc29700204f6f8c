// What each rule is, in one place: used by reports (SARIF rules, Markdown), the CLI's help and the
// extension (diagnostic code targets).
import { defaultOptions } from '../defaults';
import { RULE_IDS, RuleId, Severity } from '../types';

export const DOCS_URL = 'https://github.com/editorial-review/editorial-review';

export interface RuleInfo {
  id: RuleId;
  /** PascalCase name (SARIF `name`). */
  name: string;
  /** Human title, e.g. "Repeated passage". */
  title: string;
  shortDescription: string;
  fullDescription: string;
  /** Documentation of the rule: the README section. */
  helpUri: string;
  defaultSeverity: Severity;
}

const DEFAULTS = defaultOptions().rules;

function info(id: RuleId, name: string, title: string, shortDescription: string, fullDescription: string): RuleInfo {
  return { id, name, title, shortDescription, fullDescription, helpUri: `${DOCS_URL}#${id}`, defaultSeverity: DEFAULTS[id].severity };
}

export const RULES: Record<RuleId, RuleInfo> = {
  'repeated-passage': info(
    'repeated-passage',
    'RepeatedPassage',
    'Repeated passage',
    'Text that appears again later in the file.',
    'A paragraph, a run of paragraphs (such as a whole article) or a sentence of at least `minWords` words ' +
      'that repeats earlier text, compared after normalising case, quotes, dashes and white space. ' +
      'The later copy is reported and points at the original; the fix removes it.',
  ),
  'near-duplicate': info(
    'near-duplicate',
    'NearDuplicate',
    'Near duplicate',
    'A paragraph that is a light edit of an earlier one.',
    'A paragraph whose words are at least `nearDuplicateThreshold` similar to an earlier paragraph ' +
      '(a few words changed, a clause added or removed). The message says how similar they are and what differs.',
  ),
  'unattributed-claim': info(
    'unattributed-claim',
    'UnattributedClaim',
    'Unattributed claim',
    'A claim resting on a hedge or a vague source.',
    'A claim that rests on a hedge ("reportedly", "allegedly", "is said to") or on a vague source ' +
      '("sources say", "experts believe", "officials said" with no name). Sentences that name their source ' +
      'and quotes by a named speaker are not flagged. The fix marks the claim "[attribution needed]".',
  ),
  'loaded-term': info(
    'loaded-term',
    'LoadedTerm',
    'Loaded term',
    'Charged or contested wording where a neutral one exists.',
    'Wording from the lexicon of loaded terms (contested labels, euphemisms, contested place names, ' +
      'editorialising, pejoratives, ...) with the neutral wording to use instead and a note on why. ' +
      'Inside a quotation it is reported at a lower severity. The fixes replace it with a suggestion, keeping its case.',
  ),
};

export const RULE_INFOS: readonly RuleInfo[] = RULE_IDS.map(id => RULES[id]);

export function ruleInfo(id: RuleId): RuleInfo {
  return RULES[id];
}
