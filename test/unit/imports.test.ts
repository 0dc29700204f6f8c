// The house stays in order: no import circles in src/ (type-only imports and re-exports count),
// the engine's folders import one way only (each folder's README says what it may import), and the
// engine never imports the editor or the command line.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ImportGraph, importCircles, importGraph, upwardImports } from './importGraph';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The engine's folders from the bottom up: a folder imports only from its own row and those before it. */
export const CORE_LAYERS = [['model'], ['text'], ['language', 'debris'], ['segmentation'], ['rules'], ['options'], ['review'], ['collection'], ['report']] as const;

/** The extension's folders from the bottom up ('' is `extension.ts` and `api.ts`, which wire them). */
export const EXTENSION_LAYERS = [['config', 'common'], ['review'], ['views'], ['commands'], ['collection'], ['providers'], ['']] as const;

/** The fronts over the engine: `node/` (Node-only helpers) below the CLI and the extension. */
export const SRC_LAYERS = [['core'], ['node'], ['cli', 'extension']] as const;

describe('imports', () => {
  const graph = importGraph(ROOT, 'src');

  it('reads the real import graph (sanity: the engine entry imports its parts)', () => {
    assert.ok(graph.size > 80, `only ${graph.size} files found under src/`);
    assert.ok((graph.get('src/core/review/review.ts') ?? []).includes('src/core/model/types.ts'));
  });

  it('has no import circle in src/', () => {
    const circles = importCircles(graph);
    assert.deepStrictEqual(circles.map(c => c.join(' → ')), []);
  });

  it('keeps the engine folders one way', () => {
    assert.deepStrictEqual(upwardImports(graph, 'src/core', CORE_LAYERS), []);
  });

  it('keeps the extension folders one way', () => {
    assert.deepStrictEqual(upwardImports(graph, 'src/extension', EXTENSION_LAYERS), []);
  });

  it('keeps the engine below the fronts, and free of vscode', () => {
    assert.deepStrictEqual(upwardImports(graph, 'src', SRC_LAYERS), []);
    for (const file of graph.keys()) {
      if (!file.startsWith('src/core/')) continue;
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      assert.ok(!/from 'vscode'|require\('vscode'\)/.test(text), `${file} imports vscode`);
    }
  });

  it('finds a circle made only of type-only imports, and an upward import', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'er-imports-'));
    try {
      fs.mkdirSync(path.join(dir, 'src', 'low'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'src', 'high'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'src', 'low', 'a.ts'), "import type { B } from '../high/b';\nexport interface A { b?: B }\n");
      fs.writeFileSync(path.join(dir, 'src', 'high', 'b.ts'), "export type { A } from '../low/a';\nimport type { A } from '../low/a';\nexport interface B { a?: A }\n");
      fs.writeFileSync(path.join(dir, 'src', 'high', 'c.ts'), "import { x } from './d';\nexport const c = x;\n");
      fs.writeFileSync(path.join(dir, 'src', 'high', 'd.ts'), 'export const x = 1;\n');
      const g: ImportGraph = importGraph(dir, 'src');
      assert.deepStrictEqual(importCircles(g), [['src/high/b.ts', 'src/low/a.ts']]);
      assert.deepStrictEqual(upwardImports(g, 'src', [['low'], ['high']]), ['src/low/a.ts → src/high/b.ts']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds a file that imports itself and a longer circle', () => {
    const g: ImportGraph = new Map([
      ['x', ['x']],
      ['p', ['q']],
      ['q', ['r']],
      ['r', ['p']],
      ['s', ['p']],
    ]);
    assert.deepStrictEqual(importCircles(g).sort(), [['p', 'q', 'r'], ['x']]);
  });
});
