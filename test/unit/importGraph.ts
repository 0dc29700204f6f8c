// The import graph of the TypeScript sources (type-only imports and re-exports included) and its
// circles. Read by imports.test.ts, which keeps src/ free of import circles and keeps the engine's
// folders in their one-way order.
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/** File (relative to the root, with '/') → the files of the project it imports. */
export type ImportGraph = Map<string, string[]>;

const EXTENSIONS = ['.ts', '.tsx', '/index.ts'];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

function resolve(fromFile: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(fromFile), spec);
  for (const ext of ['', ...EXTENSIONS]) {
    const candidate = base + ext;
    if (candidate.endsWith('.ts') && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** The graph of every `.ts` file under `dir` (imports of files outside `dir` are left out). */
export function importGraph(root: string, dir: string): ImportGraph {
  const graph: ImportGraph = new Map();
  const files = sourceFiles(path.join(root, dir));
  const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
  for (const file of files) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const imported of info.importedFiles) {
      const target = resolve(file, imported.fileName);
      if (target && target.startsWith(path.join(root, dir))) targets.add(rel(target));
    }
    graph.set(rel(file), [...targets].sort());
  }
  return graph;
}

/** The circles of a graph: its strongly connected components of more than one file (or a file importing itself), each sorted. */
export function importCircles(graph: ImportGraph): string[][] {
  // Tarjan's algorithm, iterative so that a long chain cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const circles: string[][] = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; edge: number }[] = [{ node: start, edge: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1];
      const edges = graph.get(top.node) ?? [];
      if (top.edge < edges.length) {
        const to = edges[top.edge++];
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(top.node, Math.min(low.get(top.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === index.get(top.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== top.node);
        const selfImport = (graph.get(top.node) ?? []).includes(top.node);
        if (component.length > 1 || selfImport) circles.push(component.sort());
      }
    }
  }
  return circles;
}

/** The folder of a file below `base` ('src/core/text/text.ts' → 'text'; a file of `base` itself → ''). */
export function folderOf(file: string, base: string): string {
  const rest = file.slice(base.length + 1);
  const slash = rest.indexOf('/');
  return slash < 0 ? '' : rest.slice(0, slash);
}

/**
 * Imports that go against a one-way order of folders: `layers` lists the folders of `base` from the
 * bottom up; a file may import from its own folder and from folders listed before it.
 */
export function upwardImports(graph: ImportGraph, base: string, layers: readonly (readonly string[])[]): string[] {
  const level = new Map<string, number>();
  layers.forEach((names, i) => names.forEach(n => level.set(n, i)));
  const wrong: string[] = [];
  for (const [file, targets] of graph) {
    if (!file.startsWith(`${base}/`)) continue;
    const from = level.get(folderOf(file, base));
    if (from === undefined) {
      wrong.push(`${file} is in no known folder of ${base}`);
      continue;
    }
    for (const target of targets) {
      if (!target.startsWith(`${base}/`)) continue;
      const to = level.get(folderOf(target, base));
      if (to === undefined || to > from) wrong.push(`${file} → ${target}`);
    }
  }
  return wrong;
}
