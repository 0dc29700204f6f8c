// Times one peer tool on one file, in a process of its own (so that a slow or memory-hungry peer
// cannot disturb the other measurements). Used by bench/run.ts:
//
//   node --max-old-space-size=8192 out/bench/peers.js <peer> FILE [--runs N]
//
// Prints one line of JSON (PeerResult). Each peer is first warmed up on the first 64 KB of the file,
// then timed on the whole text; module loading is reported apart and not counted.

import * as fs from 'fs';

export const PEERS = {
  'write-good': 'write-good 1.0.8, weasel-word and passive-voice checks only, on the whole text',
  retext: 'unified().use(retext-english).use(retext-equality).use(retext-intensify): parse + run',
  alex: 'alex.text() (retext-english + retext-equality + retext-profanities)',
  natural: "natural's WordTokenizer (regexp_tokenizer submodule): one tokenisation pass, the floor",
} as const;
export type PeerName = keyof typeof PEERS;

export interface PeerResult {
  peer: PeerName;
  bytes: number;
  /** Time to load the peer's modules, not counted in runsMs. */
  loadMs: number;
  /** Wall time of each timed run over the whole text. */
  runsMs: number[];
  /** How many messages / tokens the peer produced (a sanity check that it did the work). */
  output: number;
  /** Peak resident set size of the process, in kilobytes. */
  maxRssKB: number;
}

// A dynamic import() that TypeScript leaves alone when it compiles to CommonJS (the retext family is ESM-only).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each ESM package has its own shape, used loosely below
const importESM = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<any>;

type Runner = (text: string) => Promise<number>;

async function load(peer: PeerName): Promise<Runner> {
  switch (peer) {
    case 'write-good': {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const writeGood = require('write-good') as (text: string, opts: Record<string, boolean>) => unknown[];
      const only = {
        weasel: true, passive: true,
        illusion: false, so: false, thereIs: false, adverb: false, tooWordy: false, cliches: false, eprime: false,
      };
      return async (text) => writeGood(text, only).length;
    }
    case 'retext': {
      const { unified } = await importESM('unified');
      const retextEnglish = (await importESM('retext-english')).default;
      const retextEquality = (await importESM('retext-equality')).default;
      const retextIntensify = (await importESM('retext-intensify')).default;
      const { VFile } = await importESM('vfile');
      const processor = unified().use(retextEnglish).use(retextEquality).use(retextIntensify);
      return async (text) => {
        const file = new VFile(text);
        const tree = processor.parse(file);
        await processor.run(tree, file);
        return file.messages.length;
      };
    }
    case 'alex': {
      const alex = await importESM('alex');
      return async (text) => alex.text(text).messages.length;
    }
    case 'natural': {
      // Only the submodule: natural's index loads database clients and runs dotenv.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { WordTokenizer } = require('natural/lib/natural/tokenizers/regexp_tokenizer');
      const tokenizer = new WordTokenizer();
      return async (text) => tokenizer.tokenize(text).length;
    }
    default:
      throw new Error(`unknown peer ${String(peer)}`);
  }
}

/**
 * Peak RSS of this process in KB. On Linux from VmHWM, because getrusage's maxRSS survives exec and
 * would report the parent's peak (bench/run.ts is large by the time it starts a peer).
 */
export function peakRssKB(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    /* not Linux */
  }
  return process.resourceUsage().maxRSS;
}

async function main(argv: string[]): Promise<void> {
  const [peer, file] = argv;
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Math.max(1, Number(argv[runsAt + 1]) || 1) : 1;
  if (!peer || !file || !(peer in PEERS)) {
    process.stderr.write(`usage: node out/bench/peers.js <${Object.keys(PEERS).join('|')}> FILE [--runs N]\n`);
    process.exit(2);
  }
  const text = fs.readFileSync(file, 'utf8');
  const t0 = performance.now();
  const run = await load(peer as PeerName);
  const loadMs = performance.now() - t0;
  await run(text.slice(0, 65536));
  const runsMs: number[] = [];
  let output = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    output = await run(text);
    runsMs.push(performance.now() - t);
  }
  const result: PeerResult = {
    peer: peer as PeerName,
    bytes: Buffer.byteLength(text, 'utf8'),
    loadMs,
    runsMs,
    output,
    maxRssKB: peakRssKB(),
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`peers: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  });
}
