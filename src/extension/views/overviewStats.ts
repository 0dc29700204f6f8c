// The overview rows of the Articles view: each a count from the whole review (past the display cap
// too) with the command its click runs (it reveals the first article, walks the repeats, or walks
// the findings of one rule); a rule's row also lists that rule's findings when expanded.
import { formatShare } from '../../core/report/overview';
import { RULE_IDS } from '../../core/model/types';
import type { ArticleNode, OverviewNode, StatNode } from './treeNodes';

export type { StatNode };
import { CMD } from '../common/commandIds';
import { RULE_LABEL } from '../common/ruleLabels';

export function overviewStats(parent: OverviewNode, firstArticle: ArticleNode | undefined): StatNode[] {
  const o = parent.overview;
  if (!o) return [];
  const uri = parent.uri;
  const at = { uri };
  const out: StatNode[] = [
    {
      kind: 'stat',
      uri,
      id: 'articles',
      label: 'Articles',
      description: String(o.articles),
      tooltip: `${o.articles} articles in this file. Click to go to the first.`,
      icon: 'list-ordered',
      command: firstArticle ? { command: CMD.openNode, title: 'Go to the first article', arguments: [firstArticle] } : undefined,
    },
    {
      kind: 'stat',
      uri,
      id: 'repeats',
      label: 'Repeated articles',
      description: o.articles > 0 ? `${o.repeatedArticles} of ${o.articles}` : '0',
      tooltip: `${o.repeatedArticles} of the ${o.articles} articles repeat an earlier one. Click to go to the next (Next Repeated Article).`,
      icon: 'copy',
      command: { command: CMD.nextRepeatedArticle, title: 'Next Repeated Article', arguments: [at] },
    },
    {
      kind: 'stat',
      uri,
      id: 'duplicated',
      label: 'Repeated text',
      description: formatShare(o.duplicatedShare),
      tooltip:
        `${o.duplicatedCharacters.toLocaleString('en')} of ${o.characters.toLocaleString('en')} characters are repeats: what Remove All ` +
        'Repeated Passages removes (near duplicates are counted on their own row). Click to go to the next repeated passage.',
      icon: 'files',
      command: { command: CMD.nextFinding, title: 'Next Repeated Passage', arguments: [{ uri, rule: 'repeated-passage' }] },
    },
  ];
  for (const rule of RULE_IDS) {
    const found = o.byRule[rule];
    const listed = o.listed[rule];
    const hints = o.hints[rule];
    const notes = [listed < found ? `${listed} listed` : '', hints > 0 ? `${hints} ${hints === 1 ? 'hint' : 'hints'}` : ''].filter(Boolean);
    const words = found === 1 ? RULE_LABEL[rule].one : RULE_LABEL[rule].many;
    const capped = listed < found ? ` editorialReview.maxFindingsPerRule lists ${listed} of them.` : '';
    const hinted = hints > 0 ? ` ${hints} of those listed ${hints === 1 ? 'is a hint' : 'are hints'}: underlined in the editor, not listed in Problems.` : '';
    out.push({
      kind: 'stat',
      uri,
      id: rule,
      label: RULE_LABEL[rule].title,
      description: `${found.toLocaleString('en')}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`,
      tooltip: `${found.toLocaleString('en')} ${words} found (${rule}).${capped}${hinted}${listed > 0 ? ' Expand to list them; click to go to the next.' : ''}`,
      icon: RULE_LABEL[rule].icon,
      command: listed > 0 ? { command: CMD.nextFinding, title: 'Next Finding', arguments: [{ uri, rule }] } : undefined,
      rule: listed > 0 ? rule : undefined,
    });
  }
  return out;
}
