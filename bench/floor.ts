// The floor every whole-process figure is compared with: a Node process that reads the same files
// and runs one bare word tokenisation over each (natural's WordTokenizer, as bench/peers.ts does),
// nothing else. Run it as a child, timed from outside like the CLI, in the same minute:
//
//   node out/bench/floor.js PATH...      (a file, or a folder: its .txt and .md files, recursively)
//
// Prints the number of files, bytes and tokens (so that nothing can be optimised away).

import * as fs from 'fs';
import * as path from 'path';

/** The .txt and .md files under `root` (or `root` itself), sorted. */
export function dumpFiles(root: string): string[] {
  if (fs.statSync(root).isFile()) return [root];
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(txt|md)$/i.test(entry.name)) found.push(full);
    }
  };
  walk(root);
  return found.sort();
}

function main(paths: string[]): void {
  // The tokeniser alone (the package's index would load its classifiers and database clients too).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { WordTokenizer } = require('natural/lib/natural/tokenizers/regexp_tokenizer');
  const tokenizer = new WordTokenizer();
  let files = 0;
  let bytes = 0;
  let tokens = 0;
  for (const root of paths) {
    for (const file of dumpFiles(root)) {
      const text = fs.readFileSync(file, 'utf8');
      files++;
      bytes += Buffer.byteLength(text, 'utf8');
      tokens += tokenizer.tokenize(text).length;
    }
  }
  process.stdout.write(`${files} files, ${bytes} bytes, ${tokens} tokens\n`);
}

if (require.main === module) main(process.argv.slice(2));
