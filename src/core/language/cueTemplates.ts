// Attribution cues built from templates (lexicons/cue-templates.json): a subject or a form of
// "be", optional auxiliaries and inserted adverbs, and a verb in any of its forms, so that "critics
// argue", "critics have long argued" and "it was not immediately clear" need no list of their own.
//
// Each template becomes rules anchored on their head word (the verb, the participle, the
// adjective, the noun): a rule is tried only where its head occurs, and the optional and required
// words are read backwards and forwards from there. Anchoring on the head, which is rare, instead
// of on the first word ("is", "it", "to", which are everywhere) is what keeps this cheap.
import templateData from './lexicons/cue-templates.json';
import type { CueEntry, CueKind } from './entries';
import { PhraseMatch, isPhraseGap } from './phrases';
import { WordToken } from '../text/text';
import { WordFilter } from '../text/wordFilter';

interface Template {
  id: string;
  kind: CueKind;
  note: string;
  subject?: string[];
  subjectNeedsQuantifier?: boolean;
  quantifier?: string[];
  quantifierAlone?: string[];
  verbs?: string[];
  passive?: string[];
  existential?: string[];
  impersonal?: string[];
  impersonalThat?: string[];
  evidential?: string[];
  reducedPassive?: string[];
  namedSubjectAnswers?: boolean;
}

interface TemplateData {
  slots: { auxiliary: string[]; adverb: string[]; be: string[]; beAuxiliary: string[] };
  verbs: Record<string, string[]>;
  templates: Template[];
}

const DATA = templateData as unknown as TemplateData;

/** Words at one position: alternatives, each a sequence of one or more words. */
interface Slot {
  single: Set<string>;
  multi: string[][];
  optional: boolean;
}

interface Rule {
  /** Slots before the head, nearest first. */
  before: Slot[];
  /** Slots after the head, nearest first. */
  after: Slot[];
  entry: CueEntry;
}

function slot(items: readonly string[], optional = false): Slot {
  return {
    single: new Set(items.filter(w => !w.includes(' '))),
    multi: items.filter(w => w.includes(' ')).map(w => w.split(' ')),
    optional,
  };
}

/** A verb's forms; with fewer than four the list holds only past participles. */
function forms(lemma: string): string[] {
  const list = DATA.verbs[lemma];
  if (!list) throw new Error(`cue-templates.json: verb "${lemma}" is not in the inflection table`);
  return list;
}

function participles(lemma: string): string[] {
  const list = forms(lemma);
  return list.length < 4 ? list : list.filter((f, i) => i >= 2 && !f.endsWith('ing'));
}

/** Words of a pattern in the matcher's syntax, for silencing and for `data.cue`. */
function describe(before: Slot[], head: string[], after: Slot[]): string {
  const text = (s: Slot) => `${[...s.single, ...s.multi.map(m => m.join('-'))].join('|')}${s.optional ? '?' : ''}`;
  return [...[...before].reverse().map(text), head.join('|'), ...after.map(text)].join(' ');
}

/**
 * Where an impression is no claim of the writer's: after a relative pronoun ("what appears to be
 * an attack" is the careful description of something unconfirmed); after "to" (someone's aim:
 * "tried to appear calm"); with its experiencer ("seems to me": the impression names whose it is).
 */
const IMPRESSION_CONTEXT = ['that', 'which', 'what', 'who', 'whom', 'whose', 'whatever', 'to'];
const EXPERIENCERS = ['me', 'us', 'him', 'her', 'them'];

/** The rules of one template, each with its head words. */
function rulesOf(t: Template): { heads: string[]; rule: Rule }[] {
  const { auxiliary, adverb, be, beAuxiliary } = DATA.slots;
  const out: { heads: string[]; rule: Rule }[] = [];
  const add = (heads: string[], before: Slot[], after: Slot[], context?: CueEntry['context'], frame = false, firstHand = false) => {
    const entry: CueEntry = { cue: describe(before, heads, after), kind: t.kind, note: t.note, template: t.id };
    if (context) entry.context = context;
    if (frame) entry.frame = true;
    if (firstHand) entry.firstHand = true;
    if (t.namedSubjectAnswers) entry.namedSubject = true;
    out.push({ heads, rule: { before, after, entry } });
  };
  const aux = slot(auxiliary, true);
  const adv = slot(adverb, true);
  if (t.verbs) {
    const heads = [...new Set(t.verbs.flatMap(forms))];
    const subjects: string[][] = [];
    if (t.subject && !t.subjectNeedsQuantifier) subjects.push(t.subject);
    if (t.quantifierAlone) subjects.push(t.quantifierAlone);
    for (const s of subjects) add(heads, [adv, aux, slot(s)], []);
    if (t.subject && t.quantifier) add(heads, [adv, aux, slot(t.subject), slot(t.quantifier)], []);
  }
  if (t.passive) {
    // Participles that take the same next words share a rule.
    const byNext = new Map<string, string[]>();
    for (const item of t.passive) {
      const [lemma, next = ''] = item.split(' ');
      byNext.set(next, [...(byNext.get(next) ?? []), ...participles(lemma)]);
    }
    // An agent after a passive names the source: "was criticized by the mayor", "was accused of
    // fraud by prosecutors".
    for (const [next, heads] of byNext) {
      add([...new Set(heads)], [adv, slot(be), slot(beAuxiliary, true)], next ? [slot(next.split('|'))] : [], { unlessSoonAfter: ['by'], window: 4 });
    }
  }
  if (t.existential) {
    const between = slot(['growing', 'widespread', 'mounting', 'increasing', 'renewed', 'new', 'some', 'many', 'few', 'serious', 'persistent', 'lingering', 'also', 'still', 'now', 'already'], true);
    add(t.existential, [between, slot(['is', 'are', 'was', 'were', 'been']), slot(beAuxiliary, true), slot(['there'])], []);
    add(t.existential, [between, slot(["there's"])], []);
  }
  const impersonal = (items: readonly string[], after: Slot[]) => {
    // The last word of an item is its head: "not clear" is "not" + "clear", "widely seen as" is
    // "widely" + "seen" + "as".
    for (const item of items) {
      const words = item.split(' ');
      const head = words.findIndex(w => !['not', 'yet', 'immediately', 'far', 'from', 'widely', 'generally'].includes(w));
      const pre = words.slice(0, head).reverse().map(w => slot([w]));
      const post = words.slice(head + 1).map(w => slot([w]));
      const verbs = slot([...be, 'remains', 'remained', 'seems', 'seemed', 'appears', 'appeared']);
      add([words[head]], [...pre, adv, verbs, slot(beAuxiliary, true), slot(['it'])], [...post, ...after]);
      add([words[head]], [...pre, adv, slot(["it's"])], [...post, ...after]);
    }
  };
  if (t.evidential) {
    // "seems", "appeared to": every form of the verb, then one of the next words; see
    // IMPRESSION_CONTEXT for where it is no claim.
    for (const item of t.evidential) {
      const [lemma, next = ''] = item.split(' ');
      // "seems to me" after a bare verb, "appears to me" after one with its next word.
      const context = { unlessBefore: IMPRESSION_CONTEXT, unlessSoonAfter: EXPERIENCERS, window: next ? 1 : 2 };
      // Not the "-ing" form: "seeming" is an adjective ("a seeming contradiction").
      add(forms(lemma).filter(f => !f.endsWith('ing')), [], next ? [slot(next.split('|'))] : [], context, false, true);
    }
  }
  if (t.reducedPassive) {
    // "when asked", "if pressed"; and "Asked about …" opening a sentence or a clause. An agent ("asked by")
    // names the source.
    const heads = [...new Set(t.reducedPassive.flatMap(participles))];
    const noAgent = { unlessSoonAfter: ['by'], window: 2 };
    add(heads, [slot(['when', 'if', 'after', 'once', 'while', 'as', 'until', 'unless', 'before'])], [], noAgent, true);
    add(heads, [], [slot(['about', 'whether', 'if', 'why', 'what', 'how', 'for', 'on', 'to'])], { ...noAgent, atClauseStart: true }, true);
  }
  if (t.impersonal) impersonal(t.impersonal, []);
  // "It is expected that …"; not "it is not known whether", which states what is not known.
  if (t.impersonalThat) impersonal(t.impersonalThat, [slot(['that'])]);
  return out;
}

/** Matches the template cues, anchored on their head words. */
export class TemplateMatcher {
  private readonly byHead = new Map<string, Rule[]>();
  /** The head words, so that most tokens are skipped without a lookup. */
  private readonly heads = new WordFilter();
  private count = 0;

  constructor(templates: readonly Template[] = DATA.templates) {
    for (const t of templates) {
      for (const { heads, rule } of rulesOf(t)) {
        for (const head of heads) {
          this.heads.add(head);
          const list = this.byHead.get(head);
          if (list) list.push(rule);
          else this.byHead.set(head, [rule]);
        }
        this.count++;
      }
    }
  }

  get ruleCount(): number {
    return this.count;
  }

  /** The rules' cue entries (for tests and documentation). */
  entries(): CueEntry[] {
    return [...new Set([...this.byHead.values()].flat().map(r => r.entry))];
  }

  matchAll(tokens: WordToken[], text: string, base = 0): PhraseMatch<CueEntry>[] {
    const out: PhraseMatch<CueEntry>[] = [];
    for (let h = 0; h < tokens.length; h++) {
      if (!this.heads.mayHave(tokens[h].hash)) continue;
      const rules = this.byHead.get(tokens[h].norm);
      if (!rules) continue;
      for (const rule of rules) {
        const first = this.walk(rule.before, tokens, text, base, h, -1);
        if (first < 0) continue;
        const last = this.walk(rule.after, tokens, text, base, h, 1);
        if (last < 0) continue;
        out.push({ value: rule.entry, first, last: last + 1, start: tokens[first].start, end: tokens[last].end });
      }
    }
    return out;
  }

  /**
   * Reads the slots away from the head (dir -1: backwards, 1: forwards) and returns the index of
   * the outermost token matched, or -1 when a required slot is missing. Optional slots are taken
   * greedily; words must be adjacent (see `isPhraseGap`).
   */
  private walk(slots: Slot[], tokens: WordToken[], text: string, base: number, head: number, dir: 1 | -1): number {
    let edge = head;
    for (const s of slots) {
      const taken = this.take(s, tokens, text, base, edge, dir);
      if (taken > 0) edge += dir * taken;
      else if (!s.optional) return -1;
    }
    return edge;
  }

  /** How many tokens next to `edge` (in direction dir) one of the slot's alternatives covers. */
  private take(s: Slot, tokens: WordToken[], text: string, base: number, edge: number, dir: 1 | -1): number {
    const k = edge + dir;
    if (k < 0 || k >= tokens.length) return 0;
    const single = s.single.has(tokens[k].norm);
    if (!single && s.multi.length === 0) return 0;
    if (!adjacent(tokens, text, base, Math.min(edge, k))) return 0;
    if (single) return 1;
    for (const words of s.multi) {
      const n = words.length;
      const from = dir === 1 ? k : k - n + 1;
      if (from < 0 || from + n > tokens.length) continue;
      let ok = true;
      for (let j = 0; j < n && ok; j++) {
        ok = tokens[from + j].norm === words[j] && (j === 0 || adjacent(tokens, text, base, from + j - 1));
      }
      if (ok) return n;
    }
    return 0;
  }
}

/** Whether tokens[k] and tokens[k + 1] are next to each other (see `isPhraseGap`). */
function adjacent(tokens: WordToken[], text: string, base: number, k: number): boolean {
  const from = tokens[k].end - base;
  const to = tokens[k + 1].start - base;
  // The common case, one space, without building a string.
  return (to - from === 1 && text.charCodeAt(from) === 32) || isPhraseGap(text.slice(from, to));
}
