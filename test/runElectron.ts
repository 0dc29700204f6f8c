// Second runner for the integration suite, with @vscode/test-electron: it downloads desktop VS Code
// (default 1.100.3, override with VSCODE_VERSION=stable|insiders|x.y.z) into .vscode-test/ and
// runs the same extension and the same suite (out/test/integration) in it. For machines that can
// download VS Code; where they cannot, use `node scripts/run-vscode-tests.mjs` (code-server).
// On Linux without a display, run under Xvfb: `xvfb-run -a node out/test/runElectron.js`.
//
// Usage: tsc -p . && node esbuild.js && node out/test/runElectron.js
// Exit codes: 0 passed, 1 test failures, 4 VS Code could not be downloaded or started.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests, TestRunFailedError } from '@vscode/test-electron';

async function main(): Promise<number> {
  const root = path.resolve(__dirname, '..', '..'); // out/test/runElectron.js -> project root
  const extensionDevelopmentPath = root;
  const extensionTestsPath = path.join(root, 'out', 'test', 'integration');
  if (!fs.existsSync(path.join(extensionTestsPath, 'index.js'))) {
    console.error(`[runElectron] ${extensionTestsPath}/index.js is missing: compile first (tsc -p .)`);
    return 4;
  }
  // A fresh copy of the fixture workspace, so tests may change files.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'er-electron-ws-'));
  fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_VERSION || '1.100.3',
      extensionDevelopmentPath,
      extensionTestsPath,
      extensionTestsEnv: { EDITORIAL_REVIEW_TEST_MODE: 'development' },
      launchArgs: [
        workspace,
        '--disable-extensions', // other installed extensions; the one under development still loads
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
      ],
    });
    return 0;
  } catch (err) {
    if (err instanceof TestRunFailedError) {
      console.error(`[runElectron] test run failed (${err.code ?? err.signal})`);
      return 1;
    }
    console.error(`[runElectron] could not run VS Code: ${err instanceof Error ? err.message : String(err)}`);
    return 4;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
