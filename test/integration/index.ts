// Entry point of the integration suite (extensionTestsPath = out/test/integration). VS Code's
// extension host requires this file and awaits run(): resolving means every test passed,
// rejecting makes the runner exit 1. Used by both scripts/run-vscode-tests.mjs (code-server,
// headless) and test/runElectron.ts (@vscode/test-electron, desktop VS Code).
//
// Every *.test.js below this directory (out/test/integration/**) is run with mocha's BDD
// interface (describe/it), spec reporter, no colours, 60 s per test. Output goes to the extension
// host's console, which both runners relay to their stdout; the last line is
// `N passing, M failing`.
//
// Helpers for the tests:
//   testMode()            "development" (extension loaded from its folder) or "vsix" (the packaged
//                         extension installed by `run-vscode-tests.mjs --install-vsix`).
//   requestScreenshot()   asks run-vscode-tests.mjs to photograph the workbench now and waits
//                         until it has (no-op resolving false elsewhere). See that script's header.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export type TestMode = 'development' | 'vsix';

/** How the extension under test was loaded; set by the runners in EDITORIAL_REVIEW_TEST_MODE. */
export function testMode(): TestMode {
  return process.env.EDITORIAL_REVIEW_TEST_MODE === 'vsix' ? 'vsix' : 'development';
}

export const SCREENSHOT_MARKER = '@@SCREENSHOT@@';

/**
 * Asks scripts/run-vscode-tests.mjs to take a screenshot of the workbench as it is now, and waits
 * for it. Resolves with the PNG's path, or '' when no picture was taken (runner started without
 * --screenshot, or another runner such as @vscode/test-electron, or no answer within timeoutMs).
 * Let the UI settle first (e.g. wait for the diagnostics you want in the picture).
 */
export async function requestScreenshot(label = '', timeoutMs = 30000): Promise<string> {
  const ackDir = process.env.EDITORIAL_REVIEW_SCREENSHOT_ACK_DIR;
  if (!ackDir) return '';
  const token = `shot-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  console.log(`${SCREENSHOT_MARKER} ${token}${label ? ` ${label.replace(/\s+/g, ' ')}` : ''}`);
  const ack = path.join(ackDir, token);
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (fs.existsSync(ack)) return fs.readFileSync(ack, 'utf8');
    await new Promise((r) => setTimeout(r, 100));
  }
  return '';
}

function findTestFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') found.push(...findTestFiles(full));
    } else if (entry.isFile() && entry.name.endsWith('.test.js')) {
      found.push(full);
    }
  }
  return found.sort();
}

export function run(): Promise<void> {
  // ER_TEST_GREP runs only the tests whose title matches (a quicker loop while working on one suite).
  const grep = process.env.ER_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60000, ...(grep ? { grep } : {}) });
  return new Promise<void>((resolve, reject) => {
    try {
      const files = findTestFiles(__dirname);
      if (files.length === 0) {
        console.log('0 passing, 0 failing');
        reject(new Error(`no *.test.js files under ${__dirname}: compile the suite first (tsc -p .)`));
        return;
      }
      for (const f of files) mocha.addFile(f);
      const runner = mocha.run((failures) => {
        const stats = runner.stats;
        const passes = stats ? stats.passes : 0;
        const failed = stats ? stats.failures : failures;
        console.log(`${passes} passing, ${failed} failing`);
        if (failures > 0 || failed > 0) reject(new Error(`${Math.max(failures, failed)} integration test(s) failed`));
        else if (passes === 0) reject(new Error('no integration test ran'));
        else resolve();
      });
    } catch (err) {
      // e.g. a test file that throws while loading
      console.error(err);
      console.log('0 passing, 1 failing');
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
