// What the editor's workspace index costs (issue 14: a 100 MB workspace's in-memory index stays
// under 300 MB): drives the code the extension runs — each file read and fingerprinted as the
// index worker does (fingerprintFile), added to one CollectionIndex as WorkspaceIndex.accept does
// (`update`), then every file's links and the stories asked once, as the first publication does —
// and prints the time of each step and the memory the index holds once the rest is collected
// (V8 heap and the typed arrays' buffers, beside CollectionIndex.memoryBytes, its own estimate).
// A measurement, not a test:
//
//   node --expose-gc out/test/measure/workspaceIndexCost.js FOLDER [--order name|mtime]
//
// Without --expose-gc the memory figures are not taken (the garbage of the reviews would be counted).
import * as fs from 'fs';
import * as path from 'path';
import { CollectionIndex } from '../../src/core/collection/collectionIndex';
import type { CollectionOrder } from '../../src/core/collection/order';
import { defaultOptions } from '../../src/core/options/defaults';
import { fingerprintFile } from '../../src/extension/collection/fingerprintFile';
import { encodeIndex } from '../../src/core/collection/fingerprintCodec';

const MB = 1024 * 1024;
/** The extension's default `editorialReview.maxFileSize` (characters). */
const MAX_CHARACTERS = 2_000_000;

function filesOf(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesOf(full));
    else if (/\.(txt|md)$/i.test(entry.name)) out.push(full);
  }
  return out;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Heap and typed-array buffers in use, after a full collection. */
function heldBytes(): number {
  gc!();
  gc!();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function main(): void {
  const args = process.argv.slice(2);
  const dir = args.find(a => !a.startsWith('--'));
  if (!dir) throw new Error('usage: node --expose-gc out/test/measure/workspaceIndexCost.js FOLDER [--order name|mtime]');
  const orderAt = args.indexOf('--order');
  const order = (orderAt >= 0 ? args[orderAt + 1] : 'name') as CollectionOrder;
  const options = defaultOptions();
  const files = filesOf(path.resolve(dir));
  // The lexicons compiled and the code warmed before the baseline (the worker holds them, not the index).
  fingerprintFile({ bytes: new TextEncoder().encode('Warm up\n\nA first paragraph of a few words.\n'), stamp: { path: 'warm', size: 0, mtimeMs: 0 }, options, maxCharacters: MAX_CHARACTERS });
  const before = gc ? heldBytes() : 0;

  // Held through `holder` only, so that dropping it frees it (a variable would keep it to the end).
  const holder: { index: CollectionIndex | null } = { index: null };
  holder.index = new CollectionIndex({ order, nearDuplicateThreshold: options.nearDuplicateThreshold, nearDuplicates: options.rules['near-duplicate'].enabled });
  const index = () => holder.index!;
  let bytes = 0;
  let fingerprintMs = 0;
  let indexMs = 0;
  let skipped = 0;
  for (const file of files) {
    const data = fs.readFileSync(file);
    const stat = fs.statSync(file);
    bytes += data.length;
    let t = performance.now();
    const result = fingerprintFile({ bytes: data, stamp: { path: path.relative(dir, file), size: stat.size, mtimeMs: stat.mtimeMs }, options, maxCharacters: MAX_CHARACTERS });
    fingerprintMs += performance.now() - t;
    if (!('fingerprint' in result)) {
      skipped++;
      continue;
    }
    t = performance.now();
    index().update(result.fingerprint);
    indexMs += performance.now() - t;
  }
  const afterUpdates = gc ? heldBytes() - before : NaN;
  let t = performance.now();
  let links = 0;
  for (const p of index().paths()) {
    const l = index().linksFor(p);
    links += l.articles.length + l.paragraphs.length;
  }
  const linksMs = performance.now() - t;
  t = performance.now();
  const stories = index().stories().length;
  const storiesMs = performance.now() - t;
  const held = gc ? heldBytes() - before : NaN;
  t = performance.now();
  const stored = encodeIndex({ key: '', fingerprints: index().paths().map(p => index().get(p)!) });
  const encodeMs = performance.now() - t;

  // What the index alone holds: the memory freed when it goes (the rest is what the reviews left, e.g. caches).
  const encodedBytes = stored.byteLength;
  const paths = index().paths().length;
  const memoryBytes = index().memoryBytes();
  const withIndex = gc ? heldBytes() : NaN;
  holder.index = null;
  const freed = gc ? withIndex - heldBytes() : NaN;
  const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`folder: ${dir} — ${files.length} files (${skipped} skipped), ${(bytes / MB).toFixed(1)} MB`);
  console.log(`fingerprint (the worker's review of each file): ${fmt(fingerprintMs)}`);
  console.log(`index.update of every file: ${fmt(indexMs)}`);
  console.log(`links of every file: ${fmt(linksMs)} (${links} links); stories: ${fmt(storiesMs)} (${stories})`);
  console.log(`build in all: ${fmt(fingerprintMs + indexMs + linksMs + storiesMs)} on one thread`);
  const mb = (n: number) => `${(n / MB).toFixed(1)} MB`;
  if (gc) {
    console.log(`memory in use beside the baseline (heap + buffers): ${mb(afterUpdates)} with every file added, ${mb(held)} with every file's links and the stories cached`);
    console.log(`memory held by the index itself (freed when it goes): ${mb(freed)}`);
  } else console.log('memory held by the index: run with --expose-gc');
  console.log(`CollectionIndex.memoryBytes(): ${mb(memoryBytes)} (${paths} files)`);
  console.log(`stored index (workspace storage): ${mb(encodedBytes)}, encoded in ${fmt(encodeMs)}`);
}

main();
