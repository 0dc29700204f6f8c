// Deterministic generator of a folder of dumps, as a year of daily scrapes is: each file is a dump
// of bench/generate.ts (its own repeats inside), and a share of its articles are exact copies of
// articles first written in an earlier file (the story that comes back the next day).
//
//   node out/bench/generateFolder.js --files 500 --size 100 --seed 42 --out bench/out/folder-100mb
//
// Files are named dump-0001.txt, dump-0002.txt, … (the same order by name and by natural sort).
// `manifest.json` beside them lists every cross-file copy: the file it is in, its headline and the
// file where the article was first written, so that a benchmark can check that each was found.
// The same arguments give the same bytes.

import * as fs from 'fs';
import * as path from 'path';
import { GeneratedArticle, MB, findProjectRoot, generateDump, mulberry32 } from './generate';

/** Share of a file's articles that copy an article of an earlier file. */
const OTHER_FILE_SHARE = 0.04;
/** How many articles of earlier files are kept to copy from (reservoir sampling, bounded memory). */
const POOL = 3000;

export interface CrossFileCopy {
  file: string;
  headline: string;
  /** The file in which the article was first written. */
  firstIn: string;
}

export interface FolderManifest {
  files: string[];
  bytes: number;
  crossFileCopies: CrossFileCopy[];
}

export function fileName(i: number): string {
  return `dump-${String(i + 1).padStart(4, '0')}.txt`;
}

/** Writes `files` dumps of about `sizeBytes / files` bytes each into `outDir`, and the manifest. */
export function generateFolder(files: number, sizeBytes: number, seed: number, outDir: string): FolderManifest {
  fs.mkdirSync(outDir, { recursive: true });
  const random = mulberry32(seed ^ 0x5eed);
  const pool: GeneratedArticle[] = [];
  const firstIn = new Map<GeneratedArticle, string>();
  let offered = 0;
  const manifest: FolderManifest = { files: [], bytes: 0, crossFileCopies: [] };
  for (let i = 0; i < files; i++) {
    const name = fileName(i);
    const fresh: GeneratedArticle[] = [];
    const fd = fs.openSync(path.join(outDir, name), 'w');
    try {
      const stats = generateDump(
        {
          sizeBytes: Math.round(sizeBytes / files),
          seed: seed * 100_003 + i,
          otherFiles: { articles: pool, share: OTHER_FILE_SHARE },
          onArticle: (article, kind, source) => {
            if (kind === 'fresh') fresh.push(article);
            else if (kind === 'other-file-copy' && source) {
              manifest.crossFileCopies.push({ file: name, headline: article.headline, firstIn: firstIn.get(source) ?? '' });
            }
          },
        },
        chunk => fs.writeSync(fd, chunk),
      );
      manifest.bytes += stats.bytes;
    } finally {
      fs.closeSync(fd);
    }
    manifest.files.push(name);
    // The file's fresh articles join the pool only now: a file copies from earlier files, never from itself.
    for (const article of fresh) {
      offered++;
      if (pool.length < POOL) pool.push(article);
      else {
        const j = Math.floor(random() * offered);
        if (j >= POOL) continue;
        firstIn.delete(pool[j]);
        pool[j] = article;
      }
      firstIn.set(article, name);
    }
  }
  fs.writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

function usage(message?: string): never {
  if (message) process.stderr.write(`generateFolder: ${message}\n`);
  process.stderr.write('usage: node out/bench/generateFolder.js --files N --size MB [--seed N] [--out DIR]\n');
  process.exit(2);
}

function main(argv: string[]): void {
  let files = 500;
  let size = 100;
  let seed = 42;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    if (a === '--files') files = Number(value());
    else if (a === '--size') size = Number(value());
    else if (a === '--seed') seed = Number(value());
    else if (a === '--out') out = value();
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument ${a}`);
  }
  if (!(Number.isInteger(files) && files > 0)) usage('--files must be a positive integer');
  if (!(size > 0)) usage('--size must be a positive number of megabytes');
  if (!Number.isInteger(seed)) usage('--seed must be an integer');
  out ??= path.join(findProjectRoot(), 'bench', 'out', `folder-${size}mb-${files}f-seed${seed}`);
  const manifest = generateFolder(files, Math.round(size * MB), seed, out);
  process.stdout.write(`${out}\n${manifest.files.length} files, ${manifest.bytes} bytes, ${manifest.crossFileCopies.length} cross-file copies\n`);
}

if (require.main === module) main(process.argv.slice(2));
