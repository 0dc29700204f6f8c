// The cross-file step: an index of the fingerprints of every file of a collection, and each file's
// links into earlier files. It reads fingerprints only, never a file's text, and never compares
// every pair of files: paragraphs are grouped by their exact hash and by their MinHash band keys,
// articles by theirs (sorted postings, `postings.ts`), then each candidate is confirmed (the same
// hash and word count; word-level similarity over the stored word hashes; two articles aligned
// paragraph by paragraph, rules/articleVersions.ts). In SQL over the stored rows this is a join on
// `hash` (or `band_key`) where the other file comes earlier in the collection's order, keeping the
// earliest occurrence per paragraph, then the same confirmation per pair found.
//
// Usage (the CLI): review each file with an observer, fingerprint it, add it; then ask each file's
// links and merge them into its review (crossFileFindings.ts):
//
//   const index = new CollectionIndex({ order: 'name', nearDuplicateThreshold: options.nearDuplicateThreshold });
//   for (const f of files) { let fp; f.review = review(f.text, options, lexicons, s => (fp = fingerprintOf(s, f))); index.set(fp!); }
//   for (const f of files) f.review = withCrossFileFindings(f.review, f.text, index.get(f.path)!, index.linksFor(f.path), options);
//
// The editor keeps one index per workspace and updates it as files change: `update(fp)` on save or
// create, `remove(path)` on delete, `rename(from, to)`; each returns the paths whose links may
// have changed (to publish again).
import { CollectionOrder, compareFiles } from './order';
import { ArticleFingerprint, COLUMN_NAMES, FileFingerprint, HEADING, IN_FILE_COPY, IN_FILE_NEAR, ParagraphColumns, SKETCHED } from './fingerprint';
import type { ColdStore } from './coldStore';
import { ArticleLink, FileLinks, OtherPlace, ParagraphLink, Story } from './links';
import { Postings, inKeyOrder } from './postings';
import { ArticleComparison, VersionArticle, VersionParagraph, compareArticles, isUpdatedVersion, mayBeVersionOf } from '../rules/articleVersions';
import { lengthsMayReach, similarityInOrder } from '../rules/nearDuplicate';
import { BANDS } from '../text/minhash';

export interface CollectionIndexOptions {
  order: CollectionOrder;
  /** Word-level similarity from which a paragraph is a near duplicate (the option `nearDuplicateThreshold`). */
  nearDuplicateThreshold: number;
  /** Whether near duplicates (paragraphs and updated articles) are looked for at all (default true). */
  nearDuplicates?: boolean;
  /** Where `retire` puts a linked file's band keys and word hashes (none: they stay in memory). */
  coldStore?: ColdStore;
  /**
   * Bytes of retired files' band keys and word hashes kept in memory before the earliest retired
   * go to the cold store (default 0: at once). Reading them back costs time, so a folder that
   * fits keeps them all.
   */
  warmBudget?: number;
  /**
   * The caller adds each file once and never replaces or removes one (a one-pass review: the CLI
   * without --fix). The band postings a lookup never reads (past BUCKET_LIMIT for a key) are then
   * not kept: in an archive where the same stories come back, most of them. Replacing or removing
   * a file of such an index throws.
   */
  appendOnly?: boolean;
}

/** Where a retired file's band keys, word hashes and paragraph places are in the cold store. */
interface ColdPlace {
  bands: number;
  words: number;
  /** Its articles' band keys, `BANDS` an article (zeros for an article without), and which articles have them. */
  articleBands: number;
  articleSketched: Uint8Array;
  /** Its paragraphs' places, `PLACE_FIELDS` a paragraph: read only for a paragraph another file's link points at. */
  places: number;
}

/** A paragraph's place in the cold store: start, end, lineStart, lineEnd, startLine, endLine. */
const PLACE_FIELDS = 6;

/** The empty list of extra lines most articles have, shared by the articles of cold files. */
const NO_LINES: number[] = [];

const NO_WORDS = new Uint32Array(0);

interface Entry {
  fp: FileFingerprint;
  slot: number;
  /** Global ids of its paragraphs and articles start here. */
  base: number;
  articleBase: number;
  /** Position in the collection's order (valid while `ordered` is). */
  rank: number;
  /** Set once retired (see `retire`). */
  retired: boolean;
  /** Set once its band keys, word hashes and paragraph places are in the cold store, not in `fp`. */
  cold: ColdPlace | null;
  /** Postings its articles added to `articleBands` (what `drop` leaves stale). */
  articleBandKeys: number;
}

/** A paragraph of an indexed file. */
interface Occurrence {
  entry: Entry;
  paragraph: number;
}

/** Per band key, at most this many postings are read, the earliest first (a key shared by many paragraphs is a stock phrase; the earliest are the originals). */
const BUCKET_LIMIT = 16;
/** Paragraphs whose band keys are looked up together (bounds the candidates held at once). */
const CANDIDATE_CHUNK = 1024;
/** At most this many candidates (those sharing most bands) are confirmed per paragraph. */
const MAX_CONFIRMED = 4;
/** Candidates whose word hashes (and so their sorted copies) are kept for the next comparison. */
const RECENT_CANDIDATES = 4096;
/** At most this many candidate articles are aligned per article. */
const MAX_ARTICLE_CANDIDATES = 3;
/** Shared article bands that make an article a candidate when no paragraph points at it. */
const MIN_ARTICLE_BANDS = 3;
/** At most this many consecutive articles of an earlier file are read as one original (its segmentation cut a story). */
const MAX_ORIGINAL_SPAN = 3;

/** Bytes of a file's band keys and word hashes. */
function sketchBytes(entry: Entry): number {
  return entry.fp.paragraphs.bands.byteLength + entry.fp.paragraphs.wordHashes.byteLength;
}

function lo32(hash: number): number {
  return hash % 0x100000000 >>> 0;
}

export class CollectionIndex {
  private readonly byPath = new Map<string, Entry>();
  private readonly slots: (Entry | null)[] = [];
  /** The file slot of each global paragraph or article id, -1 once its file was replaced or removed. */
  private paragraphSlot: Int32Array = new Int32Array(1024);
  private articleSlot: Int32Array = new Int32Array(256);
  private nextParagraph = 0;
  private nextArticle = 0;
  private readonly exact = new Postings(item => this.paragraphSlot[item] >= 0);
  private readonly bands: Postings;
  private readonly articleBands: Postings;
  private ordered: Entry[] | null = null;
  /** The rank of the file in each slot, set with `ordered`. */
  private slotRank = new Int32Array(64);
  private readonly linkCache = new Map<string, FileLinks>();
  /** `mostShared`: per paragraph item, how many of the bands looked up found it (zero between calls). */
  private shared = new Uint32Array(1024);
  /** `mostShared`: the distinct items of one call. */
  private distinct = new Uint32Array(1024);
  /** `candidateWords`: paragraph items' word hashes, least recently used first. */
  private readonly recentCandidates = new Map<number, Uint32Array>();
  private readonly near: boolean;
  /** The fingerprints `retire` stripped, and where their band keys and word hashes went. */
  private readonly coldOf = new WeakMap<FileFingerprint, ColdPlace>();
  /** Why the cold store could not be written (from then on nothing more goes to it), or undefined. */
  coldStoreError: string | undefined = undefined;
  /** Retired files still warm, earliest retired first, and the bytes of their sketches. */
  private readonly warm: Entry[] = [];
  private warmHead = 0;
  private warmBytes = 0;

  constructor(readonly options: CollectionIndexOptions) {
    this.near = options.nearDuplicates !== false;
    const keepPerKey = options.appendOnly ? BUCKET_LIMIT : undefined;
    this.bands = new Postings(item => this.paragraphSlot[item] >= 0, { keepPerKey });
    this.articleBands = new Postings(item => this.articleSlot[item] >= 0, { keepPerKey });
  }

  /** The number of files indexed. */
  get size(): number {
    return this.byPath.size;
  }

  /** Adds a file, or replaces its fingerprint (no report of what changed: see `update`). */
  set(fp: FileFingerprint): void {
    const old = this.byPath.get(fp.path);
    if (old) this.drop(old);
    const slot = this.slots.indexOf(null) >= 0 ? this.slots.indexOf(null) : this.slots.length;
    const cols = fp.paragraphs;
    const entry: Entry = { fp, slot, base: this.nextParagraph, articleBase: this.nextArticle, rank: -1, retired: false, cold: this.coldOf.get(fp) ?? null, articleBandKeys: 0 };
    this.slots[slot] = entry;
    this.byPath.set(fp.path, entry);
    this.nextParagraph += cols.count;
    this.nextArticle += fp.articles.length;
    this.paragraphSlot = fit(this.paragraphSlot, this.nextParagraph);
    this.articleSlot = fit(this.articleSlot, this.nextArticle);
    this.paragraphSlot.fill(slot, entry.base, this.nextParagraph);
    this.articleSlot.fill(slot, entry.articleBase, this.nextArticle);
    const bands = this.near && entry.cold ? this.options.coldStore!.read(entry.cold.bands, cols.count * BANDS) : cols.bands;
    for (let i = 0; i < cols.count; i++) {
      const item = entry.base + i;
      this.exact.add(lo32(cols.hash[i]), item);
      if (!this.near || !(cols.flags[i] & SKETCHED)) continue;
      for (let b = 0; b < BANDS; b++) this.bands.add(bands[i * BANDS + b], item);
    }
    if (this.near) {
      for (let k = 0; k < fp.articles.length; k++) {
        const keys = this.articleBandsOf(entry, k);
        if (keys) for (let b = 0; b < keys.length; b++) this.articleBands.add(keys[b], entry.articleBase + k);
        entry.articleBandKeys += keys?.length ?? 0;
      }
    }
    this.changed();
  }

  /**
   * Says that a file's own links are taken (a one-pass review: the CLI): its cached links are
   * dropped (asked again, they are found again), and its band keys and word hashes may move to
   * the cold store, when there is one, once the retired files' exceed `warmBudget`; they are then
   * read back only when a later file names the file as a candidate. The same links either way;
   * `get` then gives the fingerprint without what went there, which `set` takes back whole.
   */
  retire(path: string): void {
    const entry = this.byPath.get(path);
    if (!entry) return;
    this.linkCache.delete(path);
    if (!this.options.coldStore || this.coldStoreError !== undefined || entry.retired) return;
    entry.retired = true;
    this.warm.push(entry);
    this.warmBytes += sketchBytes(entry);
    while (this.warmBytes > (this.options.warmBudget ?? 0) && this.warmHead < this.warm.length) {
      const earliest = this.warm[this.warmHead++];
      this.warmBytes -= sketchBytes(earliest);
      // Replaced or removed since it was retired, or given back already cold: nothing to move.
      if (this.byPath.get(earliest.fp.path) !== earliest || earliest.cold) continue;
      try {
        this.freeze(earliest);
      } catch (e) {
        // A store that cannot be written (a full disk): what is not in it yet stays in memory.
        this.coldStoreError = e instanceof Error ? e.message : String(e);
        this.warm.length = 0;
        this.warmHead = 0;
        return;
      }
    }
    if (this.warmHead > 1024 && this.warmHead * 2 > this.warm.length) {
      this.warm.splice(0, this.warmHead);
      this.warmHead = 0;
    }
  }

  /**
   * Moves an entry's band keys and word hashes, its paragraphs' and its articles', to the cold
   * store. Its articles become plain records of one shape without band keys: an article kept as
   * it came from a worker (its fields added one by one, a view of its band keys) takes about
   * twice the memory, and a 1 GB folder has some 750,000 of them.
   */
  private freeze(entry: Entry): void {
    const store = this.options.coldStore!;
    const cols = entry.fp.paragraphs;
    const articles = entry.fp.articles;
    const articleKeys = new Uint32Array(articles.length * BANDS);
    const articleSketched = new Uint8Array(articles.length);
    articles.forEach((a, k) => {
      if (!a.bands) return;
      articleKeys.set(a.bands, k * BANDS);
      articleSketched[k] = 1;
    });
    const places = new Uint32Array(cols.count * PLACE_FIELDS);
    for (let i = 0, at = 0; i < cols.count; i++, at += PLACE_FIELDS) {
      places[at] = cols.start[i];
      places[at + 1] = cols.end[i];
      places[at + 2] = cols.lineStart[i];
      places[at + 3] = cols.lineEnd[i];
      places[at + 4] = cols.startLine[i];
      places[at + 5] = cols.endLine[i];
    }
    entry.cold = {
      bands: store.write(cols.bands), words: store.write(cols.wordHashes), articleBands: store.write(articleKeys), articleSketched,
      places: store.write(places),
    };
    entry.fp = {
      ...entry.fp,
      articles: articles.map(withoutBands),
      paragraphs: { ...cols, bands: NO_WORDS, wordHashes: NO_WORDS, start: NO_WORDS, end: NO_WORDS, lineStart: NO_WORDS, lineEnd: NO_WORDS, startLine: NO_WORDS, endLine: NO_WORDS },
    };
    this.coldOf.set(entry.fp, entry.cold);
  }

  /** Removes a file (no report of what changed: see `remove`). */
  delete(path: string): void {
    const entry = this.byPath.get(path);
    if (!entry) return;
    this.drop(entry);
    this.changed();
  }

  /** Adds or replaces a file; returns the paths whose links may have changed (this one and the later files sharing text with it, before or after). */
  update(fp: FileFingerprint): string[] {
    const before = this.byPath.has(fp.path) ? this.dependents(fp.path) : [];
    this.set(fp);
    return unique([fp.path, ...before, ...this.dependents(fp.path)]);
  }

  /** Removes a file; returns the paths whose links may have changed. */
  remove(path: string): string[] {
    if (!this.byPath.has(path)) return [];
    const before = this.dependents(path);
    this.delete(path);
    return before.filter(p => this.byPath.has(p));
  }

  /** A file moved: the same fingerprint under a new path (its place in the order may change). Returns the paths whose links may have changed. */
  rename(from: string, to: string): string[] {
    const entry = this.byPath.get(from);
    if (!entry) return [];
    const before = this.remove(from);
    return unique([...before, ...this.update({ ...entry.fp, path: to })]);
  }

  get(path: string): FileFingerprint | undefined {
    return this.byPath.get(path)?.fp;
  }

  /** The paths indexed, in the collection's order. */
  paths(): string[] {
    return this.order().map(e => e.fp.path);
  }

  /** The later files (in the collection's order) that share a paragraph hash or band key with this one. */
  dependents(path: string): string[] {
    const entry = this.byPath.get(path);
    if (!entry) return [];
    this.order();
    const found = new Set<Entry>();
    const note = (slot: number) => {
      const other = slot >= 0 ? this.slots[slot] : null;
      if (other && other.rank > entry.rank) found.add(other);
    };
    const cols = entry.fp.paragraphs;
    for (let i = 0; i < cols.count; i++) {
      this.exact.forEach(lo32(cols.hash[i]), item => note(this.paragraphSlot[item]));
      const bands = this.near ? this.bandsOf(entry, i) : null;
      if (bands) for (let b = 0; b < BANDS; b++) this.bands.forEach(bands[b], item => note(this.paragraphSlot[item]), BUCKET_LIMIT);
    }
    for (let k = 0; k < entry.fp.articles.length; k++) {
      const keys = this.near ? this.articleBandsOf(entry, k) : null;
      if (keys) for (let b = 0; b < keys.length; b++) this.articleBands.forEach(keys[b], item => note(this.articleSlot[item]), BUCKET_LIMIT);
    }
    return [...found].sort((x, y) => x.rank - y.rank).map(e => e.fp.path);
  }

  /** One file's links into earlier files (empty for the first file, or a file indexed alone). */
  linksFor(path: string): FileLinks {
    const cached = this.linkCache.get(path);
    if (cached) return cached;
    const entry = this.byPath.get(path);
    const links: FileLinks = { path, articles: [], paragraphs: [] };
    if (entry) {
      this.order();
      if (entry.rank > 0) this.findLinks(entry, links);
    }
    this.linkCache.set(path, links);
    return links;
  }

  /**
   * The links a file would have with this fingerprint (of another text of it: what Remove All would
   * leave), the index left as it was.
   */
  linksAsIf(fp: FileFingerprint): FileLinks {
    const before = this.get(fp.path);
    this.set(fp);
    try {
      return this.linksFor(fp.path);
    } finally {
      if (before) this.set(before);
      else this.delete(fp.path);
    }
  }

  /** The stories found in two files or more, in the order of their first occurrence. */
  stories(): Story[] {
    const order = this.order();
    const parent = new Map<string, string>();
    const find = (x: string): string => {
      let r = x;
      while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
      parent.set(x, r);
      return r;
    };
    const key = (path: string, index: number) => `${index}\u0000${path}`;
    const kindOf = new Map<string, 'exact' | 'variant'>();
    const join = (a: string, b: string) => {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent.set(ra, rb);
    };
    for (const e of order) {
      for (const a of e.fp.articles) {
        if (!a.inFile) continue;
        const k = key(e.fp.path, a.index);
        join(k, key(e.fp.path, a.inFile.of));
        kindOf.set(k, a.inFile.kind === 'copy' ? 'exact' : 'variant');
      }
      for (const link of this.linksFor(e.fp.path).articles) {
        const k = key(e.fp.path, link.article);
        join(k, key(link.original.path, link.original.index));
        kindOf.set(k, link.kind);
      }
    }
    const clusters = new Map<string, { path: string; index: number; rank: number }[]>();
    order.forEach((e, rank) => {
      for (const a of e.fp.articles) {
        const k = key(e.fp.path, a.index);
        if (!parent.has(k)) continue;
        const root = find(k);
        let list = clusters.get(root);
        if (!list) clusters.set(root, (list = []));
        list.push({ path: e.fp.path, index: a.index, rank });
      }
    });
    const stories: Story[] = [];
    for (const list of clusters.values()) {
      if (new Set(list.map(o => o.path)).size < 2) continue;
      list.sort((x, y) => x.rank - y.rank || x.index - y.index);
      const occurrences = list.map((o, i) => {
        const a = this.byPath.get(o.path)!.fp.articles[o.index - 1];
        const kind = i === 0 ? ('original' as const) : (kindOf.get(key(o.path, o.index)) ?? 'exact');
        return { path: o.path, index: o.index, title: a.title, kind, startLine: a.startLine };
      });
      stories.push({ title: occurrences[0].title, occurrences });
    }
    return stories.sort((x, y) => this.byPath.get(x.occurrences[0].path)!.rank - this.byPath.get(y.occurrences[0].path)!.rank || x.occurrences[0].index - y.occurrences[0].index);
  }

  /** Bytes held by the index: typed arrays, and an estimate for the fingerprints' objects. */
  memoryBytes(): number {
    let bytes = this.exact.bytes + this.bands.bytes + this.articleBands.bytes + this.paragraphSlot.byteLength + this.articleSlot.byteLength;
    for (const e of this.byPath.values()) {
      const c = e.fp.paragraphs;
      for (const name of COLUMN_NAMES) bytes += c[name].byteLength;
      for (const a of e.fp.articles) bytes += 200 + 2 * a.title.length + (a.bands?.byteLength ?? 0);
    }
    return bytes;
  }

  // ---- inside ----------------------------------------------------------------------------------

  private drop(entry: Entry): void {
    if (this.options.appendOnly) throw new Error(`CollectionIndex: ${entry.fp.path} was replaced or removed in an append-only index`);
    const cols = entry.fp.paragraphs;
    this.paragraphSlot.fill(-1, entry.base, entry.base + cols.count);
    this.articleSlot.fill(-1, entry.articleBase, entry.articleBase + entry.fp.articles.length);
    let sketched = 0;
    for (let i = 0; i < cols.count; i++) if (cols.flags[i] & SKETCHED) sketched++;
    this.exact.forget(cols.count);
    if (this.near) {
      this.bands.forget(sketched * BANDS);
      this.articleBands.forget(entry.articleBandKeys);
    }
    this.byPath.delete(entry.fp.path);
    this.slots[entry.slot] = null;
  }

  private changed(): void {
    this.ordered = null;
    this.linkCache.clear();
  }

  private order(): Entry[] {
    if (!this.ordered) {
      const compare = compareFiles(this.options.order);
      this.ordered = [...this.byPath.values()].sort((a, b) => compare(a.fp, b.fp));
      this.ordered.forEach((e, rank) => (e.rank = rank));
      if (this.slotRank.length < this.slots.length) this.slotRank = new Int32Array(Math.max(this.slots.length, 2 * this.slotRank.length));
      for (const e of this.ordered) this.slotRank[e.slot] = e.rank;
    }
    return this.ordered;
  }

  private occurrenceOf(item: number): Occurrence | null {
    const slot = this.paragraphSlot[item];
    const entry = slot >= 0 ? this.slots[slot] : null;
    return entry ? { entry, paragraph: item - entry.base } : null;
  }

  /** The one key `earliest` looks up (reused). */
  private readonly oneKey = new Uint32Array(1);

  /** The earliest occurrence of a paragraph's text in the files before `beforeRank`, or null. */
  private earliest(hash: number, words: number, beforeRank: number): Occurrence | null {
    let best: Occurrence | null = null;
    this.oneKey[0] = lo32(hash);
    const n = this.exact.collect(this.oneKey);
    const items = this.exact.found.items;
    for (let r = 0; r < n; r++) best = this.earlier(items[r], hash, words, beforeRank, best);
    return best;
  }

  /**
   * Whether a posting's file slot (-1 once replaced or removed) holds a file ranked before `rank`
   * (called for every posting a lookup reads: the ranks are read from an array by slot).
   */
  private inEarlierFile(slot: number, rank: number): boolean {
    return slot >= 0 && this.slots[slot] !== null && this.slotRank[slot] < rank;
  }

  /** `earliest` of each paragraph of a file, its hashes looked up together in key order. */
  private earliestOfEach(entry: Entry): (Occurrence | null)[] {
    const cols = entry.fp.paragraphs;
    const best: (Occurrence | null)[] = new Array(cols.count).fill(null);
    const keys = new Uint32Array(cols.count);
    for (let i = 0; i < cols.count; i++) keys[i] = lo32(cols.hash[i]);
    const { sorted, order } = inKeyOrder(keys);
    const n = this.exact.collect(sorted);
    const { queries, items } = this.exact.found;
    for (let r = 0; r < n; r++) {
      const i = order[queries[r]];
      best[i] = this.earlier(items[r], cols.hash[i], cols.words[i], entry.rank, best[i]);
    }
    return best;
  }

  /** `best`, or the occurrence `item` when it has the text (hash and words), comes before `beforeRank` and is earlier. */
  private earlier(item: number, hash: number, words: number, beforeRank: number, best: Occurrence | null): Occurrence | null {
    // Checked before an Occurrence is made: most postings visited are not the answer.
    const slot = this.paragraphSlot[item];
    const entry = slot >= 0 ? this.slots[slot] : null;
    if (!entry || entry.rank >= beforeRank) return best;
    const paragraph = item - entry.base;
    const cols = entry.fp.paragraphs;
    if (cols.hash[paragraph] !== hash || cols.words[paragraph] !== words) return best;
    const later = best && (entry.rank > best.entry.rank || (entry.rank === best.entry.rank && paragraph >= best.paragraph));
    return later ? best : { entry, paragraph };
  }

  /**
   * For paragraphs `wanted` of a file (each sketched), the paragraphs of earlier files that share
   * their band keys (up to BUCKET_LIMIT a key, the earliest first), unsorted, and from them the
   * paragraph each is a light edit of (`nearest`), into `nearOf`. All the keys of a chunk of
   * paragraphs are looked up at once, in key order (`Postings.collect`).
   */
  private nearestOfEach(entry: Entry, wanted: readonly number[], nearOf: ({ at: Occurrence; similarity: number } | null)[]): void {
    const perParagraph = BANDS * BUCKET_LIMIT;
    for (let start = 0; start < wanted.length; start += CANDIDATE_CHUNK) {
      const chunk = wanted.slice(start, start + CANDIDATE_CHUNK);
      const m = chunk.length * BANDS;
      const keys = new Uint32Array(m);
      for (let j = 0; j < chunk.length; j++) keys.set(this.bandsOf(entry, chunk[j])!, j * BANDS);
      // The queries in key order, each remembering its paragraph (j) in the chunk.
      const { sorted, order } = inKeyOrder(keys);
      const found = new Uint32Array(chunk.length * perParagraph);
      const count = new Uint32Array(chunk.length);
      const n = this.bands.collect(sorted, BUCKET_LIMIT);
      const { queries, items } = this.bands.found;
      for (let r = 0; r < n; r++) {
        const item = items[r];
        if (!this.inEarlierFile(this.paragraphSlot[item], entry.rank)) continue;
        const j = Math.floor(order[queries[r]] / BANDS);
        found[j * perParagraph + count[j]++] = item;
      }
      for (let j = 0; j < chunk.length; j++) nearOf[chunk[j]] = this.nearest(entry, chunk[j], found.subarray(j * perParagraph, j * perParagraph + count[j]));
    }
  }

  /** The paragraph of an earlier file paragraph i is a light edit of (resolved to the first occurrence of that text), or null; `found` its candidates (`nearestOfEach`). */
  private nearest(entry: Entry, i: number, found: Uint32Array): { at: Occurrence; similarity: number } | null {
    const words = found.length > 0 ? this.wordsOf(entry, i) : null;
    if (!words) return null;
    const ranked = this.mostShared(found, MAX_CONFIRMED);
    let best: { at: Occurrence; similarity: number } | null = null;
    for (const item of ranked) {
      const o = this.occurrenceOf(item)!;
      // Lengths that cannot reach the threshold: not read back from the cold store at all.
      const ws = o.entry.fp.paragraphs.wordStart;
      if (!lengthsMayReach(ws[o.paragraph + 1] - ws[o.paragraph], words.length, this.options.nearDuplicateThreshold)) continue;
      const theirs = this.candidateWords(item, o);
      if (!theirs) continue;
      const cmp = similarityInOrder(theirs, 0, theirs.length, words, 0, words.length, this.options.nearDuplicateThreshold);
      if (!cmp) continue;
      if (!best || cmp.similarity > best.similarity || (cmp.similarity === best.similarity && o.entry.rank < best.at.entry.rank)) best = { at: o, similarity: cmp.similarity };
    }
    if (!best) return null;
    const oc = best.at.entry.fp.paragraphs;
    const first = this.earliest(oc.hash[best.at.paragraph], oc.words[best.at.paragraph], entry.rank) ?? best.at;
    return { at: first, similarity: best.similarity };
  }

  /**
   * The `k` items found most often in `found` (the bands a candidate shares), most first, ties
   * the lowest id first: counted in a table by item (`shared`), which is left zeroed again.
   */
  private mostShared(found: Uint32Array, k: number): number[] {
    if (this.shared.length < this.nextParagraph) this.shared = new Uint32Array(Math.max(this.nextParagraph, 2 * this.shared.length));
    if (this.distinct.length < found.length) this.distinct = new Uint32Array(Math.max(found.length, 2 * this.distinct.length));
    const shared = this.shared;
    const distinct = this.distinct;
    let n = 0;
    for (let f = 0; f < found.length; f++) {
      const item = found[f];
      if (shared[item]++ === 0) distinct[n++] = item;
    }
    const best: number[] = [];
    for (let d = 0; d < n; d++) {
      const item = distinct[d];
      const count = shared[item];
      let at = best.length;
      while (at > 0 && (count > shared[best[at - 1]] || (count === shared[best[at - 1]] && item < best[at - 1]))) at--;
      if (at >= k) continue;
      best.splice(at, 0, item);
      if (best.length > k) best.pop();
    }
    for (let d = 0; d < n; d++) shared[distinct[d]] = 0;
    return best;
  }

  /**
   * Article `article` of a file (with the `span - 1` articles after it, read as one) for
   * rules/articleVersions.ts, as it stands after its file's Remove All: without its in-file copies
   * (counted, they would make one shared paragraph look like a version, and a fresh review after
   * Remove All would judge the two articles otherwise). `rows` gets the paragraphs compared.
   */
  private version(entry: Entry, article: number, span = 1, rows?: number[]): VersionArticle {
    const a = entry.fp.articles[article];
    const z = entry.fp.articles[article + span - 1];
    const cols = entry.fp.paragraphs;
    const from = a.firstParagraph;
    const to = z.firstParagraph + z.paragraphCount;
    // A retired file's band keys and word hashes are read from the cold store only when a comparison
    // asks for them (an exact copy never does), then kept with the version.
    const cold = this.near && entry.cold ? new ColdSketches(this.options.coldStore!, entry.cold, cols, from, to) : null;
    const paragraphs: VersionParagraph[] = [];
    for (let i = from; i < to; i++) {
      if (cols.flags[i] & IN_FILE_COPY) continue;
      rows?.push(i);
      const sketched = this.near && (cols.flags[i] & SKETCHED) !== 0;
      paragraphs.push(cold ? new ColdParagraph(cols, i, from, sketched ? cold : null) : new ColumnParagraph(cols, i, sketched));
    }
    return { paragraphs, titleHash: a.titleHash };
  }

  /**
   * A candidate paragraph's word hashes: kept for the RECENT_CANDIDATES last asked for, in an array
   * of their own (never a view that would keep a retired file's columns alive). The stories of an
   * archive come back in many files, and so do their originals as candidates, whose words a cold
   * file would otherwise read back from the cold store each time.
   */
  private candidateWords(item: number, o: Occurrence): Uint32Array | null {
    const known = this.recentCandidates.get(item);
    if (known) {
      // Most recently used last.
      this.recentCandidates.delete(item);
      this.recentCandidates.set(item, known);
      return known;
    }
    const words = this.wordsOf(o.entry, o.paragraph);
    if (!words) return null;
    const list = words.slice();
    this.recentCandidates.set(item, list);
    if (this.recentCandidates.size > RECENT_CANDIDATES) this.recentCandidates.delete(this.recentCandidates.keys().next().value as number);
    return list;
  }

  /** Article k's band keys (null for an article without): a view, or read from the cold store. */
  private articleBandsOf(entry: Entry, k: number): Uint32Array | null {
    const cold = entry.cold;
    if (!cold) return entry.fp.articles[k].bands;
    return cold.articleSketched[k] ? this.options.coldStore!.read(cold.articleBands + k * BANDS, BANDS) : null;
  }

  /** Paragraph i's band keys (null unless sketched): a view, or read from the cold store. */
  private bandsOf(entry: Entry, i: number): Uint32Array | null {
    if (!(entry.fp.paragraphs.flags[i] & SKETCHED)) return null;
    if (entry.cold) return this.options.coldStore!.read(entry.cold.bands + i * BANDS, BANDS);
    return entry.fp.paragraphs.bands.subarray(i * BANDS, (i + 1) * BANDS);
  }

  /** Paragraph i's word hashes (null unless sketched): a view, or read from the cold store. */
  private wordsOf(entry: Entry, i: number): Uint32Array | null {
    const cols = entry.fp.paragraphs;
    if (!(cols.flags[i] & SKETCHED)) return null;
    if (entry.cold) return this.options.coldStore!.read(entry.cold.words + cols.wordStart[i], cols.wordStart[i + 1] - cols.wordStart[i]);
    return cols.wordHashes.subarray(cols.wordStart[i], cols.wordStart[i + 1]);
  }

  /** Where paragraph j of a file is: from its columns, or read from the cold store. */
  private paragraphPlace(entry: Entry, j: number): OtherPlace {
    if (!entry.cold) {
      const c = entry.fp.paragraphs;
      return this.place(entry, c.start[j], c.end[j], c.startLine[j], c.endLine[j]);
    }
    const at = this.options.coldStore!.read(entry.cold.places + j * PLACE_FIELDS, PLACE_FIELDS);
    return this.place(entry, at[0], at[1], at[4], at[5]);
  }

  private place(entry: Entry, start: number, end: number, startLine: number, endLine: number): OtherPlace {
    return { path: entry.fp.path, start, end, startLine, endLine };
  }

  private findLinks(entry: Entry, links: FileLinks): void {
    const cols = entry.fp.paragraphs;
    const n = cols.count;
    const nearOf: ({ at: Occurrence; similarity: number } | null)[] = new Array(n).fill(null);
    const wanted: number[] = [];
    const exactOf = this.earliestOfEach(entry);
    for (let i = 0; i < n; i++) {
      const ownRepeat = (cols.flags[i] & (IN_FILE_COPY | IN_FILE_NEAR)) !== 0;
      if (!exactOf[i] && !ownRepeat && this.near && (cols.flags[i] & SKETCHED)) wanted.push(i);
    }
    this.nearestOfEach(entry, wanted, nearOf);
    const inLinkedArticle = new Uint8Array(n);
    const articles = entry.fp.articles;
    const linkable: boolean[] = new Array(articles.length);
    for (let k = 0; k < articles.length; k++) linkable[k] = !articles[k].inFile && articles[k].paragraphCount > 0;
    const bandsShared = this.articleBandsShared(entry, linkable);
    for (let k = 0; k < articles.length; k++) {
      if (!linkable[k]) continue;
      const link = this.articleLink(entry, k, exactOf, nearOf, bandsShared[k]);
      if (!link) continue;
      links.articles.push(link);
      inLinkedArticle.fill(1, articles[k].firstParagraph, articles[k].firstParagraph + articles[k].paragraphCount);
    }
    for (let i = 0; i < n; i++) {
      // An in-file copy goes with its file's Remove All; an in-file near duplicate that exists
      // exactly in an earlier file is that file's repeat (else Remove All would leave it, and the
      // next review, its in-file original gone, would report it).
      if (inLinkedArticle[i] || (cols.flags[i] & IN_FILE_COPY)) continue;
      const exact = exactOf[i];
      const near = exact ? null : nearOf[i];
      const at = exact ?? near?.at;
      if (!at) continue;
      const oc = at.entry.fp.paragraphs;
      const j = at.paragraph;
      const oa = at.entry.fp.articles[oc.article[j]];
      const link: ParagraphLink = {
        paragraph: i,
        kind: exact ? 'exact' : 'near',
        similarity: exact ? 1 : near!.similarity,
        original: { ...this.paragraphPlace(at.entry, j), paragraph: j, article: oa.index, title: oa.title },
      };
      links.paragraphs.push(link);
    }
  }

  /**
   * For each article k of the file with `wanted[k]`, the earlier articles sharing its article band
   * keys, with how many keys each shares. The file's keys are looked up together in key order
   * (`Postings.collect`), not one key at a time.
   */
  private articleBandsShared(entry: Entry, wanted: readonly boolean[]): Map<number, number>[] {
    const shared: Map<number, number>[] = new Array(wanted.length);
    for (let k = 0; k < wanted.length; k++) shared[k] = new Map();
    if (!this.near) return shared;
    // Every key of the file's articles, and the article it is of.
    const keys: number[] = [];
    const owners: number[] = [];
    for (let k = 0; k < wanted.length; k++) {
      const bands = wanted[k] ? this.articleBandsOf(entry, k) : null;
      if (bands) for (let b = 0; b < bands.length; b++) { keys.push(bands[b]); owners.push(k); }
    }
    const { sorted, order } = inKeyOrder(Uint32Array.from(keys));
    const n = this.articleBands.collect(sorted, BUCKET_LIMIT);
    const { queries, items } = this.articleBands.found;
    for (let r = 0; r < n; r++) {
      const id = items[r];
      if (!this.inEarlierFile(this.articleSlot[id], entry.rank)) continue;
      const counts = shared[owners[order[queries[r]]]];
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return shared;
  }

  /** Whether article `k` of the file repeats or updates an article of an earlier file: the link, or null. */
  private articleLink(
    entry: Entry,
    k: number,
    exactOf: readonly (Occurrence | null)[],
    nearOf: readonly ({ at: Occurrence; similarity: number } | null)[],
    bandsShared: ReadonlyMap<number, number>,
  ): ArticleLink | null {
    const article = entry.fp.articles[k];
    const cols = entry.fp.paragraphs;
    // Candidate articles: those its paragraphs come from (by words), then those sharing its article bands.
    const words = new Map<number, number>();
    for (let i = article.firstParagraph; i < article.firstParagraph + article.paragraphCount; i++) {
      const at = exactOf[i] ?? nearOf[i]?.at;
      if (!at) continue;
      const id = at.entry.articleBase + at.entry.fp.paragraphs.article[at.paragraph];
      words.set(id, (words.get(id) ?? 0) + cols.words[i] * (exactOf[i] ? 1 : nearOf[i]!.similarity));
    }
    const candidates = new Set<number>(words.keys());
    for (const [id, shared] of bandsShared) if (shared >= MIN_ARTICLE_BANDS) candidates.add(id);
    const ranked = [...candidates]
      .sort((x, y) => (words.get(y) ?? 0) - (words.get(x) ?? 0) || (bandsShared.get(y) ?? 0) - (bandsShared.get(x) ?? 0) || x - y)
      .slice(0, MAX_ARTICLE_CANDIDATES);
    const rows: number[] = [];
    const mine = this.version(entry, k, 1, rows);
    let variant: { other: Entry; index: number; span: number; cmp: ArticleComparison } | null = null;
    for (const id of ranked) {
      const other = this.slots[this.articleSlot[id]]!;
      let index = id - other.articleBase;
      // An in-file copy stands for its own original.
      const inFile = other.fp.articles[index].inFile;
      if (inFile?.kind === 'copy') index = inFile.of - 1;
      const span = this.originalSpan(other, index, words);
      const theirs = this.version(other, index, span);
      if (!mayBeVersionOf(mine, theirs)) continue;
      const cmp = compareArticles(mine, theirs, this.options.nearDuplicateThreshold);
      if (cmp.exact) return this.toArticleLink(entry, k, rows, other, index, span, 'exact', cmp);
      if (this.near && isUpdatedVersion(cmp) && (!variant || cmp.similarity > variant.cmp.similarity)) variant = { other, index, span, cmp };
    }
    return variant ? this.toArticleLink(entry, k, rows, variant.other, variant.index, variant.span, 'variant', variant.cmp) : null;
  }

  /**
   * How many articles of the earlier file, from `index` on, make up the original: one, or the
   * following ones too while this article's paragraphs come from each of them — the earlier file's
   * segmentation may have cut one story in two (a deck of related headlines read as a new article),
   * which a later copy holds whole.
   */
  private originalSpan(other: Entry, index: number, sources: ReadonlyMap<number, number>): number {
    let span = 1;
    while (span < MAX_ORIGINAL_SPAN && index + span < other.fp.articles.length && sources.has(other.articleBase + index + span) && !other.fp.articles[index + span].inFile) span++;
    return span;
  }

  private toArticleLink(entry: Entry, k: number, rows: readonly number[], other: Entry, index: number, span: number, kind: 'exact' | 'variant', cmp: ArticleComparison): ArticleLink {
    const article = entry.fp.articles[k];
    const original = other.fp.articles[index];
    const last = other.fp.articles[index + span - 1];
    const same: number[] = [];
    for (let i = 0; i < cmp.similarityOf.length; i++) if (cmp.similarityOf[i] === 1) same.push(rows[i]);
    return {
      article: article.index,
      kind,
      similarity: kind === 'exact' ? 1 : cmp.similarity,
      changes: cmp.changes,
      sameParagraphs: same,
      original: {
        ...this.place(other, original.start, last.end, original.startLine, last.endLine),
        index: original.index,
        title: original.title,
        removeStart: original.removeStart,
        removeEnd: last.removeEnd,
        extraLines: other.fp.articles.slice(index, index + span).flatMap(a => a.extraLines),
        titleHash: original.titleHash,
        lastIndex: last.index,
      },
    };
  }
}

function fit(a: Int32Array, size: number): Int32Array {
  if (size <= a.length) return a;
  let n = a.length;
  while (n < size) n *= 2;
  const b = new Int32Array(n).fill(-1);
  b.set(a);
  return b;
}

function unique(paths: string[]): string[] {
  return [...new Set(paths)];
}

/** An article as a record of one shape, without its band keys (they are in the cold store). */
function withoutBands(a: ArticleFingerprint): ArticleFingerprint {
  return {
    index: a.index,
    title: a.title,
    titleHash: a.titleHash,
    start: a.start,
    end: a.end,
    startLine: a.startLine,
    endLine: a.endLine,
    removeStart: a.removeStart,
    removeEnd: a.removeEnd,
    firstParagraph: a.firstParagraph,
    paragraphCount: a.paragraphCount,
    words: a.words,
    extraLines: a.extraLines.length === 0 ? NO_LINES : a.extraLines,
    bands: null,
    inFile: a.inFile,
  };
}

/**
 * The band keys and word hashes of a retired file's paragraphs [from, to), read from the cold store
 * in one go each when a comparison first asks for them.
 */
class ColdSketches {
  private readBands: Uint32Array | null = null;
  private readWords: Uint32Array | null = null;

  constructor(
    private readonly store: ColdStore,
    private readonly cold: ColdPlace,
    private readonly cols: ParagraphColumns,
    private readonly from: number,
    private readonly to: number,
  ) {}

  /** Paragraph i's band keys at `(i - from) * BANDS`. */
  get bands(): Uint32Array {
    return (this.readBands ??= this.store.read(this.cold.bands + this.from * BANDS, (this.to - this.from) * BANDS));
  }

  /** Paragraph i's word hashes from `wordStart[i] - wordStart[from]`. */
  get words(): Uint32Array {
    const start = this.cols.wordStart;
    return (this.readWords ??= this.store.read(this.cold.words + start[this.from], start[this.to] - start[this.from]));
  }
}

/** A paragraph of a file's columns as a version comparison sees it (three fields, read when asked). */
class ColumnParagraph implements VersionParagraph {
  constructor(
    protected readonly cols: ParagraphColumns,
    protected readonly i: number,
    /** Whether it has band keys (long enough, and near duplicates are on). */
    protected readonly sketched: boolean,
  ) {}

  get words(): number {
    return this.cols.words[this.i];
  }

  get heading(): boolean {
    return (this.cols.flags[this.i] & HEADING) !== 0;
  }

  get hash(): number {
    return this.cols.hash[this.i];
  }

  get bands(): Uint32Array | null {
    return this.sketched ? this.cols.bands : null;
  }

  get bandsAt(): number {
    return this.i * BANDS;
  }

  get wordHashes(): Uint32Array | null {
    return this.sketched ? this.cols.wordHashes : null;
  }

  get wordsFrom(): number {
    return this.cols.wordStart[this.i];
  }

  get wordsTo(): number {
    return this.cols.wordStart[this.i + 1];
  }
}

/**
 * A retired file's paragraph: its band keys and word hashes are in the arrays `sketches` reads from
 * the cold store for paragraphs `from` on (its columns keep the rest).
 */
class ColdParagraph extends ColumnParagraph {
  constructor(
    cols: ParagraphColumns,
    i: number,
    private readonly from: number,
    /** Null when the paragraph has no band keys (too short, or near duplicates are off). */
    private readonly sketches: ColdSketches | null,
  ) {
    super(cols, i, sketches !== null);
  }

  override get bands(): Uint32Array | null {
    return this.sketches ? this.sketches.bands : null;
  }

  override get bandsAt(): number {
    return (this.i - this.from) * BANDS;
  }

  override get wordHashes(): Uint32Array | null {
    return this.sketches ? this.sketches.words : null;
  }

  override get wordsFrom(): number {
    return this.cols.wordStart[this.i] - this.cols.wordStart[this.from];
  }

  override get wordsTo(): number {
    return this.cols.wordStart[this.i + 1] - this.cols.wordStart[this.from];
  }
}
