// Deterministic generator of benchmark dumps built from the project's sample (samples/wire-roundup.txt).
//
//   node out/bench/generate.js --size 10 --seed 42 --out bench/out/dump-10mb.txt
//
// The output uses the sample's layout (headline line, blank line, paragraphs separated by blank lines).
// Most of the text is varied: every fresh article takes a sample article, replaces its names, places,
// numbers, days and months, reorders and recombines its sentences, mixes in sentences from other articles,
// and adds sentences made from templates, so that almost every paragraph is unique. On top of that,
// as a real dump would have, it injects:
//   - exact repeats of earlier articles (some with straight and curly quotes swapped),
//   - near-duplicate articles (every paragraph with one to three words changed),
//   - exact paragraphs pasted into a later article, lightly edited paragraphs pasted likewise,
//   - long sentences of an earlier article repeated inside a later paragraph.
// The hedges and loaded terms of the sample survive in the sentences taken from it.
// The same seed and size give the same bytes.

import * as fs from 'fs';
import * as path from 'path';

/** One megabyte in this benchmark: 1,000,000 bytes (UTF-8). */
export const MB = 1_000_000;

// ---- PRNG ------------------------------------------------------------------------------------

/** mulberry32: a small, fast, seeded 32-bit generator; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

// ---- Word lists (invented for this generator) -------------------------------------------------

const FIRST_NAMES = [
  'Aisha', 'Adam', 'Beatriz', 'Bruno', 'Carmen', 'Daniel', 'Elif', 'Emeka', 'Fatima', 'Felix', 'Grace',
  'Hassan', 'Ingrid', 'Ivan', 'Jonas', 'Julia', 'Kwame', 'Laila', 'Leon', 'Mei', 'Marco', 'Nadia', 'Niall',
  'Olga', 'Oscar', 'Paula', 'Pedro', 'Rania', 'Rohan', 'Sara', 'Sven', 'Tariq', 'Teresa', 'Uma', 'Victor',
  'Wen', 'Yusuf', 'Zara', 'Agnes', 'Boris', 'Chloe', 'Dmitri', 'Esther', 'Gideon', 'Hana', 'Isaac', 'Joanna',
  'Kofi', 'Lucia', 'Mateo', 'Noor', 'Patrick', 'Quentin', 'Rosa', 'Simone', 'Tomas', 'Ursula', 'Wanjiru',
];
const SURNAMES = [
  'Abara', 'Bellamy', 'Castellano', 'Duarte', 'Eriksen', 'Fairweather', 'Gallagher', 'Haddad', 'Ishikawa',
  'Jovanovic', 'Kowalczyk', 'Lindqvist', 'Mbeki', 'Novak', 'Oyelaran', 'Petrakis', 'Quinlan', 'Rahman',
  'Santoro', 'Thorne', 'Usman', 'Varga', 'Whitfield', 'Xu', 'Yilmaz', 'Zielinski', 'Ashworth', 'Brennan',
  'Chaudhry', 'Delacroix', 'Esposito', 'Fitzgerald', 'Grünewald', 'Holloway', 'Iqbal', 'Jensen', 'Kariuki',
  'Lombardi', 'Moreau', 'Nakamura', 'Okonkwo', 'Pereira', 'Ramírez', 'Sokolova', 'Tanaka', 'Ulrich', 'Vasquez',
  'Winslow', 'Yamada', 'Zapata', 'Achterberg', 'Blackwood', 'Cortés', 'Dunmore', 'Engel', 'Farouk', 'Gorski',
];
const TOWN_HEADS = [
  'Ash', 'Bram', 'Carl', 'Dun', 'Elm', 'Fair', 'Glen', 'Hart', 'Ivy', 'Kings', 'Lang', 'Marl', 'Nor', 'Oak',
  'Pen', 'Red', 'Stan', 'Thorn', 'Wick', 'Wil', 'Bright', 'Cold', 'Stone', 'Green', 'Hollow', 'Lynd', 'Mere',
  'Sand', 'Shep', 'Tarn',
];
const TOWN_TAILS = [
  'ford', 'bury', 'ton', 'field', 'wood', 'mouth', 'bridge', 'haven', 'holm', 'stead', 'wick', 'ley', 'dale',
  'brook', 'port', 'minster', 'ham', 'cliff', 'gate', 'moor', 'worth', 'by', 'well', 'combe', 'hurst',
];
const CITIES_ABROAD = [
  'Vienna', 'Oslo', 'Doha', 'Istanbul', 'Helsinki', 'Valletta', 'Nairobi', 'Lisbon', 'Ljubljana', 'Muscat',
  'Baku', 'Tbilisi', 'Reykjavik', 'Bern', 'Montevideo', 'Hanoi',
];
const RIVERS = ['Tamber', 'Wend', 'Oriel', 'Sallow', 'Keld', 'Brisk', 'Loddon', 'Ember', 'Cray', 'Vesey', 'Harl'];
const STREET_HEADS = [
  'Mill', 'Ferry', 'Alder', 'Quay', 'Chapel', 'Orchard', 'Station', 'Victoria', 'Market', 'Tanner', 'Willow',
  'Castle', 'Bridge', 'Church', 'Harbour', 'Canal', 'Rope', 'Foundry', 'Garden', 'Cedar', 'Beacon', 'Granary',
];
const STREET_TAILS = ['Road', 'Lane', 'Street', 'Avenue', 'Way', 'Row', 'Terrace'];
const AREAS = ['Harbour', 'Northside', 'Old Town', 'Riverside', 'Eastgate', 'Southbank', 'Hillcrest', 'Docklands', 'Westgate', 'Parkside'];
const COMPANY_HEADS = ['Lumen', 'Vector', 'Quanta', 'Halo', 'Nimbus', 'Arc', 'Pixel', 'Cobalt', 'Strata', 'Helix', 'Orbit', 'Zephyr'];
const COMPANY_TAILS = ['bright', 'core', 'logic', 'works', 'wave', 'systems', 'silicon', 'labs', 'grid', 'forge'];
const FIRM_TAILS = ['Securities', 'Capital', 'Partners', 'Research', 'Markets'];
const CLUB_TAILS = ['Harriers', 'Striders', 'Runners', 'Athletic Club', 'Road Runners'];
const HOSPITAL_NAMES = ["St. Columba's", "St. Brigid's", "St. Anselm's", 'Royal', 'City General', 'County', 'Memorial', 'University'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];
const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'eleven', 'twelve'];

// Safe synonyms (whole words, lower case in the text); the first form is the original.
const SYNONYMS: Record<string, string[]> = {
  about: ['about', 'around', 'roughly'],
  nearly: ['nearly', 'almost', 'close to'],
  several: ['several', 'a number of', 'some'],
  residents: ['residents', 'people', 'locals'],
  began: ['began', 'started'],
  rose: ['rose', 'climbed'],
  risen: ['risen', 'climbed', 'grown'],
  damaged: ['damaged', 'hit'],
  expected: ['expected', 'likely'],
  recent: ['recent', 'latest'],
  most: ['most', 'the bulk'],
  cut: ['cut', 'lowered'],
  rising: ['rising', 'growing', 'higher'],
  largest: ['largest', 'biggest'],
  extra: ['extra', 'additional'],
  strong: ['strong', 'solid'],
  gathered: ['gathered', 'assembled'],
  opened: ['opened', 'launched'],
};

// Sentence templates with many slots, so that the sentences they make are almost always unique.
const TEMPLATES = [
  '{P}, a {ROLE} in {T}, said the figures would be reviewed {WHEN}.',
  'The {ORG} is expected to publish {MORE} figures {WHEN}.',
  '{T} has seen {N} similar cases since {Y}, according to the {ORG}.',
  'A spokesperson for the {ORG} in {T} declined to comment on {D}.',
  'Residents of {T} will be able to {VERB} at {N} {VENUES} from {M} {DOM}.',
  '{P}, who has lived in {T} for {AGE} years, said the change had come {SPEED}.',
  'In {T}, {N} {VENUES} stayed open until {HOUR} p.m. on {D}.',
  'The {ORG} said on {D} that it would hold a public meeting in {T} on {M} {DOM}.',
  '{P} of the {ORG} told a briefing in {T} that {N} staff had been moved to help.',
  'A further {N} {VENUES} in {T} and {T2} are due to follow by {M}.',
  '{P}, {ROLE} at the {ORG}, said {N} complaints had been logged since {M}.',
  'The figures for {T} will be updated on {D}, {P} of the {ORG} said.',
];
const ROLES = ['spokesperson', 'councillor', 'researcher', 'teacher', 'shop owner', 'nurse', 'engineer', 'analyst', 'volunteer', 'pharmacist', 'bus driver', 'retired judge'];
const ORGS = [
  'county council', 'regional water authority', 'transport authority', 'district health office', 'city clerk',
  'statistics office', 'housing association', 'chamber of commerce', 'fire service', 'teachers union',
  'electoral commission', 'port authority', 'environment agency', 'ombudsman', 'university hospital',
];
const WHENS = ['next week', 'by the end of the month', 'before the summer', 'in the spring', 'within days', 'later this year', 'next month', 'after the holidays'];
const MORES = ['more', 'updated', 'further', 'revised', 'detailed'];
const VERBS = ['register', 'book appointments', 'collect forms', 'vote early', 'ask questions', 'drop off documents'];
const VENUES = ['libraries', 'community centres', 'schools', 'clinics', 'town halls', 'sports halls', 'post offices'];
const SPEEDS = ['faster than expected', 'without warning', 'slowly', 'after years of debate', 'almost overnight'];

// ---- The sample -------------------------------------------------------------------------------

interface SampleArticle {
  headline: string;
  paragraphs: string[];
}

export interface GeneratedArticle {
  headline: string;
  paragraphs: string[];
}

export interface GenerationStats {
  seed: number;
  targetBytes: number;
  bytes: number;
  articles: number;
  paragraphs: number;
  exactRepeatArticles: number;
  nearDuplicateArticles: number;
  repeatedParagraphs: number;
  nearDuplicateParagraphs: number;
  repeatedSentences: number;
  ms: number;
}

export function findProjectRoot(start = __dirname): string {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'samples'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find the project root (package.json and samples/) above ${start}`);
    dir = up;
  }
}

export const DEFAULT_SAMPLE = (): string => path.join(findProjectRoot(), 'samples', 'wire-roundup.txt');

/** Parses the headline-block layout and drops articles that repeat an earlier headline. */
export function parseSample(text: string): SampleArticle[] {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((b) => b.replace(/\s*\n\s*/g, ' ').trim())
    .filter((b) => b.length > 0);
  const articles: SampleArticle[] = [];
  for (const block of blocks) {
    const isHeadline = !/[.!?]["”’)]?$/.test(block);
    if (isHeadline || articles.length === 0) articles.push({ headline: block, paragraphs: [] });
    else articles[articles.length - 1].paragraphs.push(block);
  }
  const seen = new Set<string>();
  return articles.filter((a) => {
    if (seen.has(a.headline) || a.paragraphs.length === 0) return false;
    seen.add(a.headline);
    return true;
  });
}

const ABBREVIATIONS = /(?:\b(?:Dr|St|Mr|Mrs|Ms|p\.m|a\.m|No)\.)$/;

/** Splits a paragraph into sentences (full stop, question or exclamation mark, optionally closing quote). */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  const re = /[.!?]["”’]?(?=\s+["“A-Z])/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(paragraph)) !== null) {
    const end = m.index + m[0].length;
    if (ABBREVIATIONS.test(paragraph.slice(0, m.index + 1))) continue;
    out.push(paragraph.slice(start, end).trim());
    start = end;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

const countWords = (s: string): number => (s.match(/\S+/g) ?? []).length;

// ---- Substitution of names, places, numbers --------------------------------------------------

type SlotKind = 'person' | 'surname' | 'town' | 'abroad' | 'river' | 'street' | 'area' | 'company' | 'firm' | 'club' | 'hospital' | 'university';

/** Names of the sample and what kind of thing each is. Full names come before surnames. */
const SAMPLE_SLOTS: Array<[string, SlotKind]> = [
  ['Maria Delgado', 'person'], ['Priya Nandakumar', 'person'], ['Samuel Okafor', 'person'], ['Helen Marsh', 'person'],
  ['Colin Reyes', 'person'], ['Arjun Patel', 'person'], ['Lena Hartmann', 'person'], ['Lukas Brenner', 'person'],
  ['Dana Whitlock', 'person'], ['Rosa Ibáñez', 'person'], ['Tom Aldridge', 'person'], ['Ana Costa', 'person'],
  ['Owen Pryce', 'person'],
  ['Delgado', 'surname'], ['Okafor', 'surname'], ['Marsh', 'surname'], ['Patel', 'surname'], ['Aldridge', 'surname'],
  ['Riverton', 'town'], ['Eastbrook', 'town'], ['Westfield', 'town'], ['Santa Inés', 'town'], ['Carrow', 'town'],
  ['Geneva', 'abroad'], ['Marrow', 'river'],
  ['Mill Road', 'street'], ['Ferry Lane', 'street'], ['Alder Street', 'street'], ['Quay Street', 'street'],
  ['Harbour District', 'area'], ['Lumenbright', 'company'], ['Fenwick Securities', 'firm'],
  ['Northside Harriers', 'club'], ["St. Columba's Hospital", 'hospital'], ['City General Hospital', 'hospital'],
  ['Lakeshore University', 'university'],
];
const SURNAME_OF: Record<string, string> = {
  Delgado: 'Maria Delgado', Okafor: 'Samuel Okafor', Marsh: 'Helen Marsh', Patel: 'Arjun Patel', Aldridge: 'Tom Aldridge',
};
const SLOT_KIND = new Map(SAMPLE_SLOTS);
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SLOT_RE = new RegExp(
  `(?<![\\p{L}])(?:${SAMPLE_SLOTS.map(([k]) => escapeRe(k)).join('|')})(?![\\p{L}])`,
  'gu',
);
const DAY_RE = new RegExp(`\\b(?:${DAYS.join('|')})\\b`, 'g');
const MONTH_DAY_RE = new RegExp(`\\b(${MONTHS.join('|')})( \\d{1,2}\\b)?`, 'g');
const AFTER_MONTH_RE = new RegExp(`(?:${MONTHS.join('|')}) $`);
const NUMBER_WORD_RE = new RegExp(`\\b(?:${NUMBER_WORDS.join('|')})\\b`, 'g');
const SYNONYM_RE = new RegExp(`\\b(?:${Object.keys(SYNONYMS).join('|')})\\b`, 'g');

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** Per-article choices, so that a name is replaced consistently inside one article. */
class Context {
  private readonly names = new Map<string, string>();
  private readonly days = new Map<string, string>();
  private readonly months = new Map<string, string>();
  constructor(private readonly rng: Rng) {}

  person(): string {
    return `${this.rng.pick(FIRST_NAMES)} ${this.rng.pick(SURNAMES)}`;
  }
  town(): string {
    return this.rng.pick(TOWN_HEADS) + this.rng.pick(TOWN_TAILS);
  }

  slot(key: string): string {
    const kind = SLOT_KIND.get(key)!;
    if (kind === 'surname') return this.slot(SURNAME_OF[key]).split(' ').slice(1).join(' ');
    let v = this.names.get(key);
    if (v !== undefined) return v;
    const r = this.rng;
    switch (kind) {
      case 'person': v = this.person(); break;
      case 'town': v = this.town(); break;
      case 'abroad': v = r.pick(CITIES_ABROAD); break;
      case 'river': v = r.pick(RIVERS); break;
      case 'street': v = `${r.pick(STREET_HEADS)} ${r.pick(STREET_TAILS)}`; break;
      case 'area': v = `${r.pick(AREAS)} District`; break;
      case 'company': v = r.pick(COMPANY_HEADS) + r.pick(COMPANY_TAILS); break;
      case 'firm': v = `${r.pick(SURNAMES)} ${r.pick(FIRM_TAILS)}`; break;
      case 'club': v = `${r.pick(AREAS)} ${r.pick(CLUB_TAILS)}`; break;
      case 'hospital': v = `${r.pick(HOSPITAL_NAMES)} Hospital`; break;
      default: v = `${this.town()} University`; break;
    }
    this.names.set(key, v);
    return v;
  }

  day(d: string): string {
    let v = this.days.get(d);
    if (v === undefined) this.days.set(d, (v = this.rng.pick(DAYS)));
    return v;
  }
  month(m: string): string {
    let v = this.months.get(m);
    if (v === undefined) this.months.set(m, (v = this.rng.pick(MONTHS)));
    return v;
  }

  /** Replaces every digit run: years stay plausible years, other numbers keep their shape. */
  number(n: string): string {
    if (/^(19|20)\d\d$/.test(n)) return String(this.rng.int(1995, 2030));
    let out = '';
    let first = true;
    for (const ch of n) {
      if (ch >= '0' && ch <= '9') {
        out += String(first && n.length > 1 ? this.rng.int(1, 9) : first ? this.rng.int(1, 9) : this.rng.int(0, 9));
        first = false;
      } else out += ch;
    }
    return out;
  }

  apply(text: string): string {
    const r = this.rng;
    return text
      .replace(SLOT_RE, (k) => this.slot(k))
      .replace(MONTH_DAY_RE, (_m, month: string, dom?: string) => this.month(month) + (dom ? ` ${r.int(1, 28)}` : ''))
      .replace(/\b(\d+)(st|nd|rd|th)\b/g, () => ordinal(r.int(2, 60)))
      .replace(/(?<![\p{L}\d])\d+(?:[.,]\d+)*(?![\d\p{L}])/gu, (n, offset: number, whole: string) =>
        // a day of the month was already set above; leave it alone
        AFTER_MONTH_RE.test(whole.slice(Math.max(0, offset - 10), offset)) ? n : this.number(n),
      )
      .replace(DAY_RE, (d) => this.day(d))
      .replace(NUMBER_WORD_RE, () => r.pick(NUMBER_WORDS))
      .replace(SYNONYM_RE, (w) => (r.chance(0.4) ? r.pick(SYNONYMS[w]) : w));
  }

  template(): string {
    const r = this.rng;
    return r.pick(TEMPLATES).replace(/\{(\w+)\}/g, (_m, slot: string) => {
      switch (slot) {
        case 'P': return this.person();
        case 'T': case 'T2': return this.town();
        case 'ROLE': return r.pick(ROLES);
        case 'ORG': return r.pick(ORGS);
        case 'WHEN': return r.pick(WHENS);
        case 'MORE': return r.pick(MORES);
        case 'N': return String(r.int(2, 480));
        case 'AGE': return String(r.int(2, 70));
        case 'Y': return String(r.int(1995, 2024));
        case 'D': return r.pick(DAYS);
        case 'M': return r.pick(MONTHS);
        case 'DOM': return String(r.int(1, 28));
        case 'HOUR': return String(r.int(6, 11));
        case 'VERB': return r.pick(VERBS);
        case 'VENUES': return r.pick(VENUES);
        case 'SPEED': return r.pick(SPEEDS);
        default: return slot;
      }
    });
  }
}

// ---- Generator ------------------------------------------------------------------------------

export interface GenerateOptions {
  /** Approximate size of the dump in bytes (UTF-8); generation stops at the first article past it. */
  sizeBytes: number;
  seed: number;
  /** Path of the sample dump; defaults to samples/wire-roundup.txt of this project. */
  samplePath?: string;
  /**
   * Articles of earlier files of a folder (bench/generateFolder.ts): this share of the articles
   * are exact copies of one of them, as a daily scrape carries the stories of the days before.
   */
  otherFiles?: { articles: readonly GeneratedArticle[]; share: number };
  /** Called for every article written, with what it is. */
  onArticle?: (article: GeneratedArticle, kind: ArticleKind, source?: GeneratedArticle) => void;
}

/** What a generated article is: fresh, a copy or near duplicate of one of the same file, or a copy of one of another file. */
export type ArticleKind = 'fresh' | 'copy' | 'near' | 'other-file-copy';

/** Share of articles of each kind (the rest are fresh articles). */
const P_EXACT_REPEAT = 0.13;
const P_NEAR_DUP_ARTICLE = 0.03;
/** Inside a fresh article. */
const P_PASTED_PARAGRAPH = 0.05;
const P_PASTED_NEAR_PARAGRAPH = 0.04;
const P_PASTED_SENTENCE = 0.04;
/** How many earlier articles are kept to draw repeats from (reservoir sampling, bounded memory). */
const RESERVOIR = 4000;
const RECENT = 50;

function swapQuotes(s: string): string {
  if (/[“”]/.test(s)) return s.replace(/[“”]/g, '"').replace(/’/g, "'");
  let open = true;
  return s.replace(/"/g, () => {
    open = !open;
    return open ? '”' : '“';
  });
}

/** Changes one to three words of a paragraph (a number, a day, or a word swapped for another). */
function mutateWords(rng: Rng, paragraph: string, vocabulary: string[]): string {
  const words = paragraph.split(' ');
  const candidates = words.map((w, i) => i).filter((i) => /^[a-z]{4,}[,.]?$/.test(words[i]) || /\d/.test(words[i]));
  if (candidates.length === 0) return paragraph + ' Details were not given.';
  const changes = Math.min(candidates.length, rng.int(1, words.length >= 25 ? 3 : 1));
  rng.shuffle(candidates);
  for (let k = 0; k < changes; k++) {
    const i = candidates[k];
    const w = words[i];
    const tail = /[,.]$/.test(w) ? w.slice(-1) : '';
    const core = tail ? w.slice(0, -1) : w;
    let next: string;
    if (/\d/.test(core)) next = core.replace(/\d/g, () => String(rng.int(1, 9)));
    else {
      next = rng.pick(vocabulary);
      if (next === core) next = core + 's';
    }
    words[i] = next + tail;
  }
  return words.join(' ');
}

/**
 * Generates a dump, calling `write` with chunks of text in order. Returns what it injected.
 * The text is built article by article; nothing of the size of the dump is held in memory.
 */
export function generateDump(options: GenerateOptions, write: (chunk: string) => void): GenerationStats {
  const t0 = process.hrtime.bigint();
  const rng = new Rng(options.seed);
  const sample = parseSample(fs.readFileSync(options.samplePath ?? DEFAULT_SAMPLE(), 'utf8'));
  if (sample.length === 0) throw new Error('the sample has no articles');
  const sampleSentences = sample.map((a) => a.paragraphs.map(splitSentences));
  const vocabulary = Array.from(
    new Set(sample.flatMap((a) => a.paragraphs.join(' ').match(/\b[a-z]{4,}\b/g) ?? [])),
  ).sort();
  // Words that are written in lower case somewhere, so that a sentence starting with them can take a
  // lead-in ("On Monday, the ...").
  const lowerable = new Set(vocabulary);

  const stats: GenerationStats = {
    seed: options.seed,
    targetBytes: options.sizeBytes,
    bytes: 0,
    articles: 0,
    paragraphs: 0,
    exactRepeatArticles: 0,
    nearDuplicateArticles: 0,
    repeatedParagraphs: 0,
    nearDuplicateParagraphs: 0,
    repeatedSentences: 0,
    ms: 0,
  };
  const reservoir: GeneratedArticle[] = [];
  const recent: GeneratedArticle[] = [];
  let seen = 0;

  const earlier = (): GeneratedArticle | undefined => {
    if (seen === 0) return undefined;
    return rng.chance(0.5) && recent.length > 0 ? rng.pick(recent) : rng.pick(reservoir);
  };

  const leadIn = (ctx: Context, sentence: string, p: number): string => {
    if (!rng.chance(p)) return sentence;
    const first = /^(\p{L}+)/u.exec(sentence)?.[1];
    if (!first || !lowerable.has(first.toLowerCase())) return sentence;
    const intro = rng.chance(0.5)
      ? rng.pick([`On ${rng.pick(DAYS)}, `, `Late on ${rng.pick(DAYS)}, `, `Earlier on ${rng.pick(DAYS)}, `, `By ${rng.pick(DAYS)} evening, `])
      : `In ${ctx.town()}, `;
    return intro + first.toLowerCase() + sentence.slice(first.length);
  };

  const tail = (ctx: Context, sentence: string): string => {
    if (!/[a-z0-9,"”]\.$/.test(sentence)) return sentence;
    const t = rng.pick([
      ` in ${ctx.town()}`, ` on ${rng.pick(DAYS)} in ${ctx.town()}`, ` this week in ${ctx.town()}`,
      ` in ${ctx.town()} last ${rng.pick(DAYS)}`, ` near ${ctx.town()} earlier this month`, ` in ${ctx.town()} in ${rng.pick(MONTHS)}`,
    ]);
    return /,["”]/.test(sentence.slice(-12)) || !/["”]/.test(sentence.slice(-3)) ? sentence.slice(0, -1) + t + '.' : sentence;
  };

  /**
   * Names, numbers and days are replaced. A sentence without any of them would come out the same
   * every time, so it gets a lead-in and an ending (a day, a place) that make it unique.
   */
  const vary = (ctx: Context, sentence: string): string => {
    SLOT_RE.lastIndex = 0;
    const rich = /\d/.test(sentence) || SLOT_RE.test(sentence);
    SLOT_RE.lastIndex = 0;
    const s = ctx.apply(sentence);
    if (rich) return leadIn(ctx, s, 0.35);
    return tail(ctx, leadIn(ctx, s, 0.8));
  };

  const freshArticle = (): GeneratedArticle => {
    const ctx = new Context(rng);
    const a = rng.int(0, sample.length - 1);
    const base = sample[a];
    const sentences = sampleSentences[a];
    // A place (and often a date) in front of the headline, as datelined wire copy has, so that
    // headlines repeat no more often than they would in a real dump.
    const headline = rng.chance(0.4)
      ? `${ctx.town()}: ${ctx.apply(base.headline)}`
      : `${ctx.town()} (${rng.pick(MONTHS)} ${rng.int(1, 28)}): ${ctx.apply(base.headline)}`;
    const paragraphs: string[] = [];
    // The lead stays first; the body paragraphs are reordered, some dropped, some borrowed.
    const order = [0, ...rng.shuffle(sentences.map((_s, i) => i).slice(1))];
    const bodyCount = Math.min(order.length, rng.int(3, Math.max(3, order.length)));
    for (let k = 0; k < bodyCount; k++) {
      let parts = sentences[order[k]].slice();
      if (parts.length > 2 && rng.chance(0.3)) parts.splice(rng.int(1, parts.length - 1), 1);
      if (rng.chance(0.25)) {
        const other = sampleSentences[rng.int(0, sample.length - 1)];
        const para = other[rng.int(0, other.length - 1)];
        parts.push(para[rng.int(0, para.length - 1)]);
      }
      if (rng.chance(0.15) && parts.length > 1) parts = [parts[0], ...rng.shuffle(parts.slice(1))];
      let text = parts.map((s) => vary(ctx, s)).join(' ');
      if (rng.chance(0.55) || countWords(text) < 15) text += ' ' + ctx.template();
      paragraphs.push(text);
    }
    if (rng.chance(0.3)) paragraphs.push(ctx.template() + ' ' + ctx.template());

    // Injected repeats from earlier articles.
    const src = earlier();
    if (src) {
      const bodies = src.paragraphs;
      const at = rng.int(1, paragraphs.length);
      if (rng.chance(P_PASTED_PARAGRAPH)) {
        paragraphs.splice(at, 0, rng.pick(bodies));
        stats.repeatedParagraphs++;
      } else if (rng.chance(P_PASTED_NEAR_PARAGRAPH / (1 - P_PASTED_PARAGRAPH))) {
        const long = bodies.filter((p) => countWords(p) >= 20);
        if (long.length > 0) {
          paragraphs.splice(at, 0, mutateWords(rng, rng.pick(long), vocabulary));
          stats.nearDuplicateParagraphs++;
        }
      } else if (rng.chance(P_PASTED_SENTENCE / (1 - P_PASTED_PARAGRAPH - P_PASTED_NEAR_PARAGRAPH))) {
        const long = bodies.flatMap(splitSentences).filter((s) => countWords(s) >= 10);
        if (long.length > 0) {
          const i = rng.int(0, paragraphs.length - 1);
          paragraphs[i] = `${paragraphs[i]} ${rng.pick(long)}`;
          stats.repeatedSentences++;
        }
      }
    }
    return { headline, paragraphs };
  };

  let pending = '';
  const emit = (article: GeneratedArticle): void => {
    const text = (stats.articles === 0 ? '' : '\n') + article.headline + '\n\n' + article.paragraphs.join('\n\n') + '\n';
    stats.bytes += Buffer.byteLength(text, 'utf8');
    stats.articles++;
    stats.paragraphs += article.paragraphs.length;
    pending += text;
    if (pending.length >= 1 << 20) {
      write(pending);
      pending = '';
    }
  };
  const remember = (article: GeneratedArticle): void => {
    seen++;
    recent.push(article);
    if (recent.length > RECENT) recent.shift();
    if (reservoir.length < RESERVOIR) reservoir.push(article);
    else {
      const j = Math.floor(rng.float() * seen);
      if (j < RESERVOIR) reservoir[j] = article;
    }
  };

  const other = options.otherFiles;
  while (stats.bytes < options.sizeBytes) {
    // Drawn only when there are other files, so that a single dump's bytes do not change.
    if (other && other.articles.length > 0 && rng.chance(other.share)) {
      const copied = rng.pick(other.articles);
      emit(copied);
      options.onArticle?.(copied, 'other-file-copy', copied);
      continue;
    }
    const roll = rng.float();
    const src = seen > 0 ? earlier() : undefined;
    if (src && roll < P_EXACT_REPEAT) {
      const copy = rng.chance(0.3)
        ? { headline: swapQuotes(src.headline), paragraphs: src.paragraphs.map(swapQuotes) }
        : src;
      emit(copy);
      options.onArticle?.(copy, 'copy', src);
      stats.exactRepeatArticles++;
      // not remembered: a copy of a copy adds nothing
    } else if (src && roll < P_EXACT_REPEAT + P_NEAR_DUP_ARTICLE) {
      const near = { headline: src.headline, paragraphs: src.paragraphs.map((p) => mutateWords(rng, p, vocabulary)) };
      emit(near);
      options.onArticle?.(near, 'near', src);
      stats.nearDuplicateArticles++;
    } else {
      const article = freshArticle();
      emit(article);
      options.onArticle?.(article, 'fresh');
      remember(article);
    }
  }
  if (pending) write(pending);
  stats.ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return stats;
}

/** Generates a dump into memory (for sizes of a few megabytes). */
export function generateText(sizeBytes: number, seed: number, samplePath?: string): { text: string; stats: GenerationStats } {
  const chunks: string[] = [];
  const stats = generateDump({ sizeBytes, seed, samplePath }, (c) => chunks.push(c));
  return { text: chunks.join(''), stats };
}

/** Generates a dump into a file, written in chunks. */
export function generateFile(sizeBytes: number, seed: number, outPath: string, samplePath?: string): GenerationStats {
  fs.mkdirSync(path.dirname(path.resolve(outPath)), { recursive: true });
  const fd = fs.openSync(outPath, 'w');
  try {
    return generateDump({ sizeBytes, seed, samplePath }, (c) => fs.writeSync(fd, c));
  } finally {
    fs.closeSync(fd);
  }
}

function usage(message?: string): never {
  if (message) process.stderr.write(`generate: ${message}\n`);
  process.stderr.write('usage: node out/bench/generate.js --size MB [--seed N] [--out FILE] [--sample FILE]\n');
  process.exit(2);
}

function main(argv: string[]): void {
  let size = 1;
  let seed = 42;
  let out: string | undefined;
  let sample: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    if (a === '--size') size = Number(value());
    else if (a === '--seed') seed = Number(value());
    else if (a === '--out') out = value();
    else if (a === '--sample') sample = value();
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument ${a}`);
  }
  if (!(size > 0)) usage('--size must be a positive number of megabytes');
  if (!Number.isInteger(seed)) usage('--seed must be an integer');
  out ??= path.join(findProjectRoot(), 'bench', 'out', `dump-${size}mb-seed${seed}.txt`);
  const stats = generateFile(Math.round(size * MB), seed, out, sample);
  process.stdout.write(`${out}\n${JSON.stringify(stats, null, 2)}\n`);
}

if (require.main === module) main(process.argv.slice(2));
