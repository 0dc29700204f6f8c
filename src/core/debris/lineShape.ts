// Web debris: lines left behind by scraping a web page (widgets, share and sign-up prompts,
// advertisement labels, link lines, form fields, credits, cookie notices, the signature line of an
// embedded post, bare URLs), judged from the line's own shape.
//
// The approach is that of jusText-style boilerplate removal: real prose is long, dense in function
// words and built as sentences; interface text is short, carries few function words, uses interface
// vocabulary and imperative verbs, and often holds links. A line gets a kind only when a signature of
// that kind matches AND its shape agrees (each signature has a length it tolerates), so a headline or
// body sentence that merely mentions "video" or "privacy policy" is never taken for debris. The
// vocabulary and signatures below are this project's own list.
import { countWords, detached, foldPunctuation } from '../text/text';
// Only the stop-word list of natural: its index pulls in database clients and dotenv.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const naturalStopwords: { words: string[] } = require('natural/lib/natural/util/stopwords');

import type { DebrisKind } from '../model/types';

export { DEBRIS_KINDS } from '../model/types';
export type { DebrisKind };

/** How each kind is named in messages ("Web debris: …"). */
export const DEBRIS_KIND_LABELS: Record<DebrisKind, string> = {
  poll: 'a poll widget',
  widget: 'a page widget',
  prompt: 'a share, sign-up or support prompt',
  advertisement: 'an advertisement label',
  link: 'a link line',
  form: 'a form field',
  credit: 'a credit or copyright line',
  cookie: 'a cookie notice',
  social: "an embedded post's signature line",
  url: 'a bare URL',
  recurring: 'a line that recurs across articles',
};

/** Score from which a line is debris (`debrisKind` answers a kind exactly when the score reaches it). */
export const DEBRIS_THRESHOLD = 0.5;

/** Lines longer than this are prose or data, never judged as debris (also keeps the rule cheap). */
export const DEBRIS_MAX_CHARS = 400;

interface Signature {
  kind: DebrisKind;
  pattern: RegExp;
  /** The most words a line may have and still be this kind (longer lines are prose). */
  maxWords: number;
}

// Patterns run on the folded (ASCII quotes and dashes: '»' is '"'), lower-cased, trimmed line. Most are anchored at the start: interface
// text leads with its verb or label, while a sentence mentions such words in passing.
/**
 * Who supplies a picture (agencies, photo libraries, the platforms a picture is taken from): our own
 * list. In a credit line it comes last, after a photographer's name or another source.
 */
const IMAGE_SOURCE = String.raw`(?:getty(?: images)?|ap(?: photo)?|associated press|afp|agence france-presse|reuters|epa(?:-efe)?|upi|` +
  String.raw`shutterstock|istock(?:photo)?|alamy(?: stock photo)?|pool|wikimedia(?: commons)?|flickr|instagram|twitter|facebook|youtube|` +
  String.raw`bloomberg|sipa(?: usa)?|zuma(?: press| wire)?|rex(?: features)?|nurphoto|anadolu(?: agency)?|dpa)`;

/** Words that make the words before "via" a clause rather than a name. */
const CLAUSE_WORD = String.raw`(?:the|a|an|is|was|are|were|be|been|has|had|have|will|would|can|could|he|she|it|they|we|you|i|to|of|in|on|at|and|or|but|that|this|his|her|its|their|our|my|your|up)`;

const SIGNATURES: Signature[] = [
  // Advertisement labels and the slots around them.
  { kind: 'advertisement', pattern: /^(advertisements?|advert|ads?|sponsored( (content|links?|posts?|stories))?|paid (content|post|partner( content)?)|promoted( (content|stories|links))?|partner content)\s*[-:.]*$/, maxWords: 4 },
  { kind: 'advertisement', pattern: /^(the )?(story|article|text) continues (below|after) (this |the )?(advertisement|ad)\b/, maxWords: 8 },
  { kind: 'advertisement', pattern: /^continue reading (the )?main story$/, maxWords: 5 },
  { kind: 'advertisement', pattern: /^(advertisement|sponsored)\s*[-:|]/, maxWords: 12 },

  // Polls: the line that opens one, the line under its form, its buttons.
  { kind: 'poll', pattern: /\btake (our|the|this) (poll|survey|quiz)\b/, maxWords: 12 },
  { kind: 'poll', pattern: /^(completing|by completing|by taking|by voting in) (this|our|the) (poll|survey|quiz)\b/, maxWords: 25 },
  { kind: 'poll', pattern: /^(vote|vote now|see (the )?results|view results|submit (your )?vote)\s*[.:!]?$/, maxWords: 4 },

  // Widgets: players, galleries, comment counters, page furniture.
  { kind: 'widget', pattern: /\b(story|article) continue[sd]? below\b/, maxWords: 10 },
  { kind: 'widget', pattern: /^scroll (down )?(for|to (see|watch|view|read)) (the )?(videos?|more|comments|photos)\b/, maxWords: 8 },
  { kind: 'widget', pattern: /^(loading|please wait)\s*(\.\.\.|…)?$/, maxWords: 3 },
  { kind: 'widget', pattern: /^(error:? )?(can'?t|cannot|could not|unable to) (render|load|display)( (this|the))?( (content|video|image|page|widget|player|embed|tweet|post|media))?\s*[,.:!-]*\s*(error)?\.?$/, maxWords: 8 },
  { kind: 'widget', pattern: /\b(please )?(enable|turn on) javascript\b|\bjavascript (is )?(disabled|required|must be enabled)\b|\byour browser (does not|doesn'?t) support\b/, maxWords: 25 },
  { kind: 'widget', pattern: /^(play|watch|replay|pause|mute|unmute) (the )?(video|clip|audio)\s*[.:!]?$/, maxWords: 4 },
  { kind: 'widget', pattern: /^(video|audio) (player|unavailable|is unavailable|not available)\b/, maxWords: 8 },
  { kind: 'widget', pattern: /^(click|tap) (here )?to (play|expand|enlarge|zoom|view (the )?(gallery|slideshow|full (image|size)))\b/, maxWords: 8 },
  { kind: 'widget', pattern: /^((show|view|load|hide|read|see) (all |more |the )?)?comments?( \(\d+\))?\s*[.:]?$|^\d+ comments?$/, maxWords: 4 },
  { kind: 'widget', pattern: /^(view|see|open) (this |the )?(post|photo|video|tweet|reel) on (instagram|facebook|twitter|x|tiktok|youtube)\b/, maxWords: 8 },
  { kind: 'widget', pattern: /^(view|open|see) (the )?(full )?(photo )?(gallery|slideshow)\b|^(image|photo|slide) \d+ (of|\/) \d+$/, maxWords: 8 },
  { kind: 'widget', pattern: /^(back to top|skip to (main )?content|skip (this )?ad|close (this )?(window|ad)|toggle (menu|navigation)|main menu|menu)\s*[.:]?$/, maxWords: 5 },

  // Share, sign-up, follow and support prompts.
  { kind: 'prompt', pattern: /^(please )?(click|tap) (here|below|the (link|button))\b/, maxWords: 20 },
  { kind: 'prompt', pattern: /^(sign up|subscribe|join (us|now|today)|get (our|the|free) (newsletters?|alerts|updates))( (now|today|here|free|for free))?\s*([.:!]|$| (for|to|and)\b)/, maxWords: 25 },
  { kind: 'prompt', pattern: /^(register|log ?in|sign in)( (now|here|free|for free|today))?\s*[.:!]?$/, maxWords: 4 },
  { kind: 'prompt', pattern: /^(sign up|subscribe|register|join|get)\b.*\b(newsletters?|daily (email|briefing|digest)|email updates|breaking news alerts)\b/, maxWords: 25 },
  { kind: 'prompt', pattern: /^(share|tweet|email|print|pin|save|bookmark)( (this|the) (article|story|page|post|video))?( (on|via|to|with) (facebook|twitter|x|whatsapp|linkedin|reddit|email|pinterest|telegram|a friend))?\s*[.:!]?$/, maxWords: 6 },
  { kind: 'prompt', pattern: /^share (this|on|via)\b/, maxWords: 10 },
  { kind: 'prompt', pattern: /^(follow (us|me|@\w+|[a-z0-9.'&-]+( [a-z0-9.'&-]+){0,3})|(like|find|join) us) on (twitter|facebook|instagram|x|youtube|telegram|tiktok|gab|linkedin|truth social|threads|parler|rumble|gettr)\b/, maxWords: 20 },
  { kind: 'prompt', pattern: /^(please )?(help )?(support|donate to) (us|our (work|journalism|reporting|site|mission))\b|^please (consider )?(help (to )?)?(support(ing)? (us|our)\b|donat|mak(e|ing) a donation|contribut(e|ing) to (us|our)\b)/, maxWords: 25 },
  { kind: 'prompt', pattern: /^(make a )?donat(e|ion)( now| today| here)?\s*[.:!]?$/, maxWords: 4 },
  { kind: 'prompt', pattern: /^you (may|can) (opt[- ]out|unsubscribe|cancel)( (at )?any ?time)?\b/, maxWords: 20 },
  { kind: 'prompt', pattern: /^(opt[- ]out|unsubscribe)( (here|now|at any ?time|anytime))?\s*[.!]?$/, maxWords: 5 },
  { kind: 'prompt', pattern: /\b(you (also )?agree|by (signing up|subscribing|registering|submitting|continuing)|i agree|i have read)\b.*\b(privacy policy|terms (of (use|service)|and conditions))\b/, maxWords: 40 },
  { kind: 'prompt', pattern: /^(privacy policy|terms (of (use|service)|and conditions)|cookie policy|contact us|about us|site map|sitemap)(\s*[|·•,&]\s*(privacy policy|terms (of (use|service)|and conditions)|cookie policy|contact us|about us|site map|sitemap|advertise( with us)?))*\s*[.]?$/, maxWords: 16 },
  { kind: 'prompt', pattern: /^(download|get) (our|the) (free )?(mobile )?app\b/, maxWords: 15 },
  { kind: 'prompt', pattern: /^(turn on|enable|allow|get) (push |browser )?notifications\b/, maxWords: 10 },
  { kind: 'prompt', pattern: /^(already (a subscriber|have an account|registered)|create (a |an |your )?(free )?account|(log|sign) (in|out)( here| now)?( to\b|\s*[.:!]?$)|(forgot|reset) (your )?password)/, maxWords: 15 },
  { kind: 'prompt', pattern: /^thank(s| you) for (reading|subscribing|signing up|registering|your (support|donation|feedback|vote))\b/, maxWords: 20 },
  { kind: 'prompt', pattern: /^(enter|type) your (e-?mail|name|zip|search)\b/, maxWords: 12 },

  // Link lines: a label and a separator, then a headline elsewhere.
  { kind: 'link', pattern: /^(read|more|related|watch|listen)\s*(:|»|>>|\|)/, maxWords: 30 },
  { kind: 'link', pattern: /^(read more|see also|also read|also see|recommended( for you)?|related (stories|articles|coverage|content|posts?|links?|reading|video)|more (from|on|about|in) [^:]{1,40}|further reading|you (may|might) (also )?like|most (read|popular|viewed|shared)|trending( now| stories)?|don'?t miss|editor'?s picks?|top stories|latest (news|stories|headlines)|up next|next up|recommended reading|in case you missed it|suggested (reading|articles))\s*(:|»|>>|\||—|–| - )/, maxWords: 30 },
  { kind: 'link', pattern: /^(read more|continue reading|keep reading|read the (full|whole|entire|rest of the) (story|article|report|piece)|full story|more stories|more news|related articles|related stories|see more|view more|learn more)\s*(»|"|>>|>|\.\.\.|…|→|\.)?$/, maxWords: 7 },
  { kind: 'link', pattern: /^[|»›]\s*[^|]*$|^[^|]{1,30}(\s\|\s[^|]{1,30}){2,}$/, maxWords: 12 },

  // Form fields and their helper text.
  { kind: 'form', pattern: /^(your )?(first |last |full |user ?)?(name|e-?mail( address)?|phone( number)?|website|url|comments?|message|zip( code)?|postal code|city|state|country|password|username|subject|company)\s*:?\s*(\*|\(required\))\s*$/, maxWords: 4 },
  { kind: 'form', pattern: /\bthis field is (for validation purposes|required)\b|\bshould be left (unchanged|blank|empty)\b|\bleave this field (blank|empty)\b/, maxWords: 25 },
  { kind: 'form', pattern: /\b(required fields are marked|fields marked with an? \*|indicates (a )?required field|your e-?mail address will not be published)\b/, maxWords: 20 },
  { kind: 'form', pattern: /^(submit|send|post comment|leave a (comment|reply)|cancel reply|reply|search)\s*[.!»>]?$/, maxWords: 3 },

  // Photo and video credits, copyright and syndication lines.
  { kind: 'credit', pattern: /^(photo|image|video|picture|photograph|illustration|graphic|footage|caption|lead image|featured image|top image|header image)s?( credit)?s?\s*(:|by\b|courtesy\b|via\b|source\b|\/|©)/, maxWords: 15 },
  { kind: 'credit', pattern: /^(image|photo) (copyright|courtesy)\b/, maxWords: 12 },
  // A short line that ends with a picture's source after a slash or "via": "Name/Agency", "Agency/Platform.",
  // "NAME via Agency." (before "via" a name, not a clause: no function word, so "It was posted via X." is prose).
  { kind: 'credit', pattern: new RegExp(String.raw`^(?:[^/.!?]{1,40} ?\/ ?)+${IMAGE_SOURCE}\.?$|^(?!(?:\S+ )*${CLAUSE_WORD} )[^/.!?,;:]{1,40} via ${IMAGE_SOURCE}\.?$`), maxWords: 8 },
  { kind: 'credit', pattern: /(^|[/|(,;:-]\s*)(getty images|shutterstock|istock(photo)?|alamy( stock photo)?|pool photo|ap photo|afp photo|reuters photo|epa-efe)\b[^a-z]*$|\((ap|afp|reuters|epa|upi)( photo)?\s*\/[^)]{1,60}\)$/, maxWords: 15 },
  { kind: 'credit', pattern: /^(©|\(c\)\s*\d{4}|copyright\s*(©|\(c\))?\s*\d{4})/, maxWords: 20 },
  { kind: 'credit', pattern: /\ball rights reserved\b|\bdistributed by [^.]{1,60}\b(agency|syndicate|services?|llc|inc)\b/, maxWords: 20 },
  { kind: 'credit', pattern: /^((this )?(article|story|post|piece|content) (was |is )?)?(originally )?(re)?(posted|published|printed) (here )?(with|by) (the )?(kind )?permission\b/, maxWords: 16 },
  { kind: 'credit', pattern: /^(this (article|story|post|piece) )?(first|originally) (appeared|published|ran) (on|in|at)\b/, maxWords: 20 },

  // Cookie notices.
  { kind: 'cookie', pattern: /\b(we|this (web)?site|our (web)?site|this page) uses? cookies\b|\b(accept|reject|manage|allow) (all )?cookies\b|\bcookie (policy|settings|preferences|consent)\b|\bby (continuing to (use|browse)|using) (this|our) (web)?site\b/, maxWords: 60 },

  // The signature line under an embedded post: "— Name (@handle) Month day, year".
  { kind: 'social', pattern: /^[-—–]{1,2}\s*[^()]{1,80}\(@\w{1,30}\)[a-z0-9 ,.:]{0,30}$/, maxWords: 14 },
  { kind: 'social', pattern: /^a (post|photo|video) shared by\b/, maxWords: 20 },
  { kind: 'social', pattern: /^pic\.twitter\.com\/\w+$/, maxWords: 4 },

  // A line that is only a link.
  { kind: 'url', pattern: /^[<([]?(https?:\/\/|www\.|t\.co\/|bit\.ly\/)\S+?[>)\]]?[.,]?$/, maxWords: 40 },
];

// Function words: natural's English list (letters only) and a few it lacks. Prose is dense in them.
const FUNCTION_WORDS = new Set<string>([
  ...naturalStopwords.words.filter(w => /^[a-z]+$/.test(w) && (w.length > 1 || w === 'a' || w === 'i')),
  'not', 'no', 'nor', 'will', 'may', 'shall', 'i', 'it', "it's", 'is', 'are', 'was', 'has', 'a', 'an',
  "don't", "didn't", "doesn't", "isn't", "wasn't", "can't", "won't", 'upon', 'against', 'among',
  'although', 'though', 'whether', 'who', 'whose', 'just', 'even', 'yet', 'also', 'there',
]);

// Interface vocabulary: words that name parts of a web page or what a reader does on one.
const INTERFACE_WORDS = new Set<string>([
  'click', 'tap', 'share', 'shares', 'subscribe', 'subscribers', 'subscription', 'newsletter', 'newsletters',
  'signup', 'login', 'logout', 'register', 'email', 'e', 'mail', 'comments', 'comment', 'reply', 'print',
  'download', 'follow', 'tweet', 'retweet', 'facebook', 'twitter', 'instagram', 'whatsapp', 'linkedin',
  'reddit', 'youtube', 'telegram', 'pinterest', 'tiktok', 'menu', 'search', 'home', 'next', 'previous',
  'prev', 'skip', 'close', 'submit', 'loading', 'advertisement', 'sponsored', 'ad', 'ads', 'cookie',
  'cookies', 'privacy', 'policy', 'terms', 'unsubscribe', 'opt', 'poll', 'vote', 'widget', 'scroll',
  'video', 'videos', 'photo', 'photos', 'image', 'images', 'gallery', 'slideshow', 'credit', 'copyright',
  'rights', 'reserved', 'caption', 'podcast', 'app', 'notifications', 'browser', 'javascript', 'render',
  'error', 'more', 'related', 'read', 'watch', 'listen', 'trending', 'popular', 'recommended', 'donate',
  'donations', 'support', 'account', 'password', 'username', 'required', 'field', 'website', 'url', 'link',
  'links', 'page', 'post', 'posts', 'article', 'articles', 'story', 'stories', 'continue', 'continues',
  'below', 'above', 'here', 'view', 'pdf', 'rss', 'feed', 'sitemap', 'contact', 'updates', 'alerts', 'sign',
  'getty', 'inbox', 'embed',
]);

// Verbs a line of interface text starts with.
const UI_VERBS = new Set<string>([
  'click', 'tap', 'share', 'subscribe', 'sign', 'follow', 'download', 'watch', 'read', 'listen', 'join',
  'register', 'login', 'log', 'donate', 'vote', 'enter', 'scroll', 'view', 'see', 'get', 'like', 'tweet',
  'print', 'email', 'submit', 'continue', 'play', 'load', 'show', 'hide', 'open', 'close', 'skip',
]);

const URL_PATTERN = /\b(https?:\/\/|www\.)\S+|\b(t\.co|bit\.ly|pic\.twitter\.com)\/\S+/g;
const SENTENCE_END = /[.!?…]["'”’)\]]*$/;

/** What a line's own shape says. */
export interface Judgement {
  score: number;
  kind: DebrisKind | null;
  /** Its number of words (`wordTokens`), or LONG_LINE_WORDS + 1 for any longer line. */
  words: number;
}

/**
 * Lines with more words are prose or data: only the signatures that allow such lines are tried
 * (after a cheap test for their words), and the shape is not scored. Most lines of a news dump are
 * such lines, so this keeps the judgement cheap.
 */
const LONG_LINE_WORDS = 25;
/**
 * A line this long, or with this many spaces, is taken as long without counting its words (most
 * lines of a dump are long, and counting them is the cost to save).
 */
const LONG_LINE_CHARS = 250;
const LONG_LINE_SPACES = 32;
const LONG_SIGNATURES = SIGNATURES.filter(s => s.maxWords > LONG_LINE_WORDS);
const LONG_SIGNATURE_WORDS = /cookie|privacy|terms|http|www\.|t\.co\/|bit\.ly\//i;

/** Whether a pattern's source is one alternative anchored at the start (no `|` outside groups). */
function anchoredOnly(source: string): boolean {
  if (!source.startsWith('^')) return false;
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === '|' && depth === 0) return false;
  }
  return true;
}

/**
 * All signatures in two regular expressions, to dismiss a line that matches none in two tests (most
 * lines): the anchored ones are only tried at the start of the line, the others in one scan.
 */
const ANY_ANCHORED = new RegExp(`^(?:${SIGNATURES.filter(s => anchoredOnly(s.pattern.source)).map(s => s.pattern.source.slice(1)).join('|')})`);
const ANY_UNANCHORED = new RegExp(SIGNATURES.filter(s => !anchoredOnly(s.pattern.source)).map(s => `(?:${s.pattern.source})`).join('|'));

/** Short lines are cached (the same debris recurs); longer ones are judged again if asked again. */
const CACHED_CHARS = 120;
const cache = new Map<string, Judgement>();
const CACHE_LIMIT = 20_000;
const NONE: Judgement = { score: 0, kind: null, words: 0 };

/** How likely the line is web debris (0..1), judged from its own shape. */
export function debrisScore(line: string): number {
  return judgeLine(line).score;
}

/** The kind of web debris the line is, or null when it is not debris (score below the threshold). */
export function debrisKind(line: string): DebrisKind | null {
  return judgeLine(line).kind;
}

/** Score, kind and word count of a line (`debrisScore` and `debrisKind` in one). */
export function judgeLine(line: string): Judgement {
  const trimmed = line.trim();
  if (trimmed.length === 0) return NONE;
  if (trimmed.length > DEBRIS_MAX_CHARS) return { score: 0, kind: null, words: LONG_LINE_WORDS + 1 };
  if (trimmed.length > CACHED_CHARS) return judgeUncached(trimmed);
  let j = cache.get(trimmed);
  if (j === undefined) {
    j = judgeUncached(trimmed);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(detached(trimmed), j);
  }
  return j;
}

function fold(trimmed: string): string {
  const lower = foldPunctuation(trimmed).toLowerCase();
  return /\s\s|[^\S ]/.test(lower) ? lower.replace(/\s+/g, ' ') : lower;
}

/** Lower-case words for the vocabulary lists (ASCII is enough: the lists are ASCII). */
const VOCABULARY_WORD = /[a-z0-9]+(?:'[a-z0-9]+)*/g;

function spacesAtLeast(text: string, k: number): boolean {
  let spaces = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32 && ++spaces >= k) return true;
  return false;
}

function judgeUncached(trimmed: string): Judgement {
  const long = trimmed.length > LONG_LINE_CHARS || spacesAtLeast(trimmed, LONG_LINE_SPACES);
  const n = long ? LONG_LINE_WORDS + 1 : countWords(trimmed, LONG_LINE_WORDS + 1);
  if (n > LONG_LINE_WORDS) {
    if (LONG_SIGNATURE_WORDS.test(trimmed)) {
      const folded = fold(trimmed);
      const exact = countWords(trimmed);
      for (const s of LONG_SIGNATURES) if (exact <= s.maxWords && s.pattern.test(folded)) return { ...signatureMatch(s, exact, 0), words: n };
    }
    return { score: 0, kind: null, words: n };
  }
  const folded = fold(trimmed);
  const shape = shapeScore(trimmed, folded, n);
  if (ANY_ANCHORED.test(folded) || ANY_UNANCHORED.test(folded)) {
    for (const s of SIGNATURES) {
      if (n > s.maxWords || !s.pattern.test(folded)) continue;
      return signatureMatch(s, n, shape);
    }
  }
  return { score: shape, kind: null, words: n };
}

function signatureMatch(s: Signature, n: number, shape: number): Judgement {
  // Full marks for a short match; a match near the length limit needs the shape to agree.
  const length = n <= s.maxWords / 2 ? 1 : 1 - (n - s.maxWords / 2) / s.maxWords;
  return { score: Math.min(1, 0.6 + 0.35 * length + 0.3 * shape), kind: s.kind, words: n };
}

/**
 * Shape alone (no signature): short, few function words, interface vocabulary, links, symbols, no
 * sentence. Kept below the threshold: shape suggests debris (a feature for segmentation) but never
 * decides it, since a headline is short and has no sentence end either.
 */
function shapeScore(trimmed: string, folded: string, n: number): number {
  const urlChars = (folded.match(URL_PATTERN) ?? []).reduce((sum, u) => sum + u.length, 0);
  if (n === 0) return urlChars > 0 ? 0.45 : /[\p{L}\p{N}]/u.test(trimmed) ? 0.1 : 0.2;
  const words = folded.match(VOCABULARY_WORD) ?? [];
  let functionWords = 0;
  let interfaceWords = 0;
  for (const w of words) {
    if (FUNCTION_WORDS.has(w)) functionWords++;
    if (INTERFACE_WORDS.has(w)) interfaceWords++;
  }
  const functionShare = functionWords / n;
  const sentence = SENTENCE_END.test(trimmed);
  // Prose: several words, dense in function words, built as a sentence.
  if (n >= 8 && functionShare >= 0.25 && sentence && urlChars === 0) return 0;
  let score = 0;
  if (n <= 3) score += 0.1;
  else if (n <= 8) score += 0.05;
  else if (n > 20) score -= 0.15;
  if (!sentence) score += 0.05;
  if (functionShare === 0 && n >= 2) score += 0.05;
  else if (functionShare >= 0.3) score -= 0.1;
  score += 0.35 * Math.min(1, interfaceWords / Math.max(2, n));
  const first = words[0];
  if (first !== undefined && UI_VERBS.has(first) && n <= 12) score += 0.1;
  if (urlChars > 0) score += 0.3 * Math.min(1, urlChars / folded.length + 0.3);
  if (/[@#|»›*•·]|\*$/.test(trimmed)) score += 0.05;
  return Math.max(0, Math.min(0.45, score));
}
