// Attribution cues built from templates (lexicons/cue-templates.json): a subject or a form of
// "be", optional auxiliaries and inserted adverbs, and a verb in any of its forms. Each template
// becomes a few patterns of the phrase matcher's syntax (alternatives "a|b", optional "x?"), so
// "critics argue", "critics have long argued" and "it was not immediately clear" need no list of
// their own.
import templateData from './lexicons/cue-templates.json';
import type { CueEntry, CueKind } from './lexicon';

interface Template {
  id: string;
  kind: CueKind;
  note: string;
  subject?: string[];
  quantifier?: string[];
  quantifierAlone?: string[];
  verbs?: string[];
  subjectNeedsQuantifier?: boolean;
  passive?: string[];
  consensusAdverb?: string[];
  consensus?: string[];
  existential?: string[];
  impersonal?: string[];
  impersonalThat?: string[];
}

interface TemplateData {
  slots: { auxiliary: string[]; adverb: string[]; be: string[]; beAuxiliary: string[] };
  verbs: Record<string, string[]>;
  templates: Template[];
}

const DATA = templateData as unknown as TemplateData;

/** Single words as one alternative token, multi-word items as patterns of their own. */
function group(items: readonly string[]): string[] {
  const single = items.filter(w => !w.includes(' '));
  const multi = items.filter(w => w.includes(' '));
  return [...(single.length > 0 ? [single.join('|')] : []), ...multi];
}

/** A verb's forms; with fewer than four the list holds only past participles. */
function forms(lemma: string): string[] {
  const list = DATA.verbs[lemma];
  if (!list) throw new Error(`cue-templates.json: verb "${lemma}" is not in the inflection table`);
  return list;
}

function participles(lemma: string): string[] {
  const list = forms(lemma);
  if (list.length < 4) return list;
  return list.filter((f, i) => i >= 2 && !f.endsWith('ing'));
}

/** Every combination of the parts (each a list of pattern fragments), joined by spaces. */
function product(parts: string[][]): string[] {
  return parts.reduce<string[]>((acc, part) => acc.flatMap(a => part.map(p => (a ? `${a} ${p}` : p))), ['']);
}

function optional(words: readonly string[]): string {
  return `${words.join('|')}?`;
}

function expandTemplate(t: Template): string[] {
  const { auxiliary, adverb, be, beAuxiliary } = DATA.slots;
  const aux = optional(auxiliary);
  const adv = optional(adverb);
  const patterns: string[] = [];
  if (t.verbs) {
    const verbForms = group(t.verbs.flatMap(forms));
    const subjects: string[] = [];
    if (t.subject) {
      subjects.push(...group(t.subject));
      if (t.subjectNeedsQuantifier) subjects.length = 0;
      if (t.quantifier) subjects.push(...product([group(t.quantifier), group(t.subject)]));
    }
    if (t.quantifierAlone) subjects.push(...group(t.quantifierAlone));
    patterns.push(...product([subjects, [aux], [adv], verbForms]));
  }
  if (t.passive) {
    for (const item of t.passive) {
      const [lemma, next] = item.split(' ');
      const tail = next ? [next] : [];
      patterns.push(...product([[optional(beAuxiliary)], group(be), [adv], group(participles(lemma)), tail.length > 0 ? tail : ['']]).map(p => p.trim()));
    }
  }
  if (t.consensus && t.consensusAdverb) {
    patterns.push(...product([[optional(be)], group(t.consensusAdverb), group(t.consensus.flatMap(participles))]));
  }
  if (t.existential) {
    const there = `there ${optional(beAuxiliary)} ${['is', 'are', 'was', 'were', 'been', "there's"].join('|')}`;
    const between = optional(['growing', 'widespread', 'mounting', 'increasing', 'renewed', 'new', 'some', 'many', 'few', 'serious', 'persistent', 'lingering', 'also', 'still', 'now', 'already']);
    patterns.push(...product([[there], [between], group(t.existential)]));
  }
  const impersonal = (items: readonly string[], after: string[]) => {
    const head = [`it ${optional(beAuxiliary)} ${[...be, 'remains', 'remained', 'seems', 'seemed', 'appears', 'appeared'].join('|')}`, "it's"];
    patterns.push(...product([head, [adv], group(items), after]).map(p => p.trim()));
  };
  if (t.impersonal) impersonal(t.impersonal, ['']);
  if (t.impersonalThat) impersonal(t.impersonalThat, ['that|whether|if']);
  return patterns;
}

const PERSONAL = ['i', 'you', 'he', 'she', 'we', 'they', 'it', 'who', 'my', 'your', 'his', 'her', 'our', 'their', 'its', 'whose', 'also'];

let compiled: CueEntry[] | undefined;

/** The template cues as ordinary cue entries (computed once). */
export function templateCues(): readonly CueEntry[] {
  if (!compiled) {
    compiled = DATA.templates.flatMap(t => expandTemplate(t).map(cue => {
      const entry: CueEntry = { cue, kind: t.kind, note: t.note, template: t.id };
      // An agent after a passive names the source: "was criticized by the mayor", "was accused of
      // fraud by prosecutors".
      if (t.passive || t.consensus) entry.context = { unlessSoonAfter: ['by'], window: 4 };
      // "he long expected": the subject is the source.
      if (t.consensus) entry.context = { ...entry.context, unlessBefore: PERSONAL };
      return entry;
    }));
  }
  return compiled;
}
