// The overview rows of the Articles view: each a count with the command its click runs (it reveals
// the first article, walks the repeats, or walks the findings of one rule).
import { formatCount, formatShare } from '../../core/report/overview';
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
      label: 'Duplicated text',
      description: formatShare(o.duplicatedShare),
      tooltip:
        `${o.duplicatedCharacters.toLocaleString('en')} of ${o.characters.toLocaleString('en')} characters are in repeated passages ` +
        'or near duplicates. Click to go to the next repeated passage.',
      icon: 'files',
      command: { command: CMD.nextFinding, title: 'Next Repeated Passage', arguments: [{ uri, rule: 'repeated-passage' }] },
    },
  ];
  for (const rule of RULE_IDS) {
    const n = o.byRule[rule];
    const count = formatCount(n, o.capped[rule]);
    const capped = o.capped[rule] !== undefined ? ` (${o.capped[rule]} found; editorialReview.maxFindingsPerRule shows ${n})` : '';
    out.push({
      kind: 'stat',
      uri,
      id: rule,
      label: RULE_LABEL[rule].title,
      description: count,
      tooltip: `${count} ${n === 1 ? RULE_LABEL[rule].one : RULE_LABEL[rule].many}${capped} (${rule}).${n > 0 ? ' Click to go to the next.' : ''}`,
      icon: RULE_LABEL[rule].icon,
      command: n > 0 ? { command: CMD.nextFinding, title: 'Next Finding', arguments: [{ uri, rule }] } : undefined,
    });
  }
  return out;
}
