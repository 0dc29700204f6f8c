#!/usr/bin/env node
// Runs the extension's integration test suite inside a real VS Code 1.100.3, headlessly, with no
// internet: code-server 4.100.3 (VS Code server + web workbench, installed from the npm registry by
// scripts/install-code-server.sh) serves the workbench, headless Debian Chromium driven by
// playwright-core opens it, and the suite runs in the server's Node extension host (same `vscode`
// API and Node runtime as desktop VS Code).
//
// Usage:
//   node scripts/run-vscode-tests.mjs [--extension-path DIR] [--tests-path DIR|FILE]
//        [--workspace DIR] [--timeout SEC] [--screenshot FILE] [--install-vsix FILE]
//        [--verbose] [--keep-logs]
//   --extension-path  extension under development (default: project root; needs dist/ built)
//   --tests-path      compiled suite entry exporting run() (default: out/test/integration,
//                     i.e. its index.js; compile with `tsc -p .`)
//   --workspace       folder to open, used in place (default: a fresh temp copy of
//                     test/fixtures/workspace/, so tests may modify it)
//   --timeout         seconds for the whole suite (default 300)
//   --verbose         code-server output and the page's console on stderr
//   --keep-logs       keep the run dir (code-server.log, vscode-logs/) also after a pass
//
// Exit codes: 0 all tests passed; 1 test failures (the suite's run() rejected); 3 timeout (no
// result within --timeout); 4 harness error (missing build, install failure, code-server or
// Chromium did not start, page crashed, ...); 130/143 interrupted by SIGINT/SIGTERM.
// code-server (its whole process group) and Chromium are always stopped, also on signals.
// The run dir (user-data, extensions dir, XDG dirs, TMPDIR, workspace copy, logs) is a fresh
// /tmp/er-vscode-* directory, removed after a passing run and kept (path printed) otherwise.
//
// Output: the extension host's console (mocha's spec reporter: one line per test, then the
// suite's `N passing, M failing`) is relayed to stdout; the runner's own messages go to stderr,
// prefixed with [run-vscode-tests]. The last line is the runner's `integration: N passed, M failed`.
//
// Test mode (--install-vsix FILE): the .vsix is installed with `code-server --install-extension`
// into the run's isolated extensions dir, and the suite runs against that installed copy: the
// extensionDevelopmentPath given to VS Code is then an empty stub folder (VS Code refuses to run
// an extensionTestsPath without one), so the only `editorial-review.editorial-review` is the
// installed one. The suite tells the modes apart by the environment variable
//   EDITORIAL_REVIEW_TEST_MODE = "development" | "vsix"
// It reaches the tests because the extension host is a child process of the code-server server,
// which this runner starts with that environment (the browser is not involved); the whole
// environment of this runner is passed on the same way. test/runElectron.ts sets it through
// @vscode/test-electron's extensionTestsEnv.
//
// Screenshots (--screenshot FILE, PNG): a test decides the moment. It prints, from the extension
// host, a line
//   @@SCREENSHOT@@ <token> [label]
// (test/integration/index.ts exports requestScreenshot() which does this). On that line the runner
// waits ~400 ms for the workbench to paint, takes a Playwright screenshot of the page (1280x800)
// and then creates the file <token> in the directory named by the environment variable
// EDITORIAL_REVIEW_SCREENSHOT_ACK_DIR (set for every run), containing the PNG's path (empty when
// no --screenshot was given); requestScreenshot() waits for that file, so the test continues
// only after the picture is taken. The first picture goes to FILE, later ones to FILE-2.png,
// FILE-3.png, ... When the suite requested none, one picture is taken after the suite finished.
// Without --screenshot, markers are acknowledged at once and nothing is written.
//
// Env: CODE_SERVER (code-server binary; default: the one in .vscode-test, installed on demand),
//      CHROMIUM (default /usr/bin/chromium). Everything else reaches the extension host.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VSCODE_VERSION = '1.100.3';
const MARKER = '@@SCREENSHOT@@';
const EXIT = { PASS: 0, FAIL: 1, TIMEOUT: 3, HARNESS: 4 };
// Workbench log lines that are expected and harmless here (kept in <run dir>/workbench.log).
const NOISE = [
  /^Resolv(ing|ed) connection token/, /^Creating a socket/, /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/, /^ChatSessionStore:/, /ENOTFOUND open-vsx\.org/, /\bvsda\b/,
];
const t0 = Date.now();

const say = (msg) => process.stderr.write(`[run-vscode-tests] ${msg}\n`);
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;
class HarnessError extends Error {}
class Interrupted extends Error {}

// ---------------------------------------------------------------- arguments
const USAGE = 'usage: node scripts/run-vscode-tests.mjs [--extension-path DIR] [--tests-path DIR] '
  + '[--workspace DIR] [--timeout SEC] [--screenshot FILE] [--install-vsix FILE] [--verbose] [--keep-logs]';
function parseArgs(argv) {
  const valued = new Set(['extension-path', 'tests-path', 'workspace', 'timeout', 'screenshot', 'install-vsix']);
  const flags = new Set(['verbose', 'keep-logs', 'help']);
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new HarnessError(`unexpected argument '${argv[i]}'\n${USAGE}`);
    const [, key, inline] = m;
    if (flags.has(key)) { out[key] = true; continue; }
    if (!valued.has(key)) throw new HarnessError(`unknown option --${key}\n${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new HarnessError(`--${key} needs a value\n${USAGE}`);
    out[key] = value;
  }
  return out;
}

// ---------------------------------------------------------------- state for cleanup
let server = null;          // code-server ChildProcess (leader of its own process group)
let browser = null;         // playwright Browser (or the promise of one while launching)
let helper = null;          // install-code-server.sh or `code-server --install-extension` while it runs
let runDir = null;
let keepRunDir = true;
let cleaning = null;

function groupAlive(pid) {
  try { process.kill(-pid, 0); return true; } catch { return false; }
}
async function stopServer() {
  if (!server || !server.pid) return;
  const pid = server.pid;
  if (!groupAlive(pid)) return;
  try { process.kill(-pid, 'SIGTERM'); } catch { /* gone */ }
  const end = Date.now() + 4000;
  while (groupAlive(pid) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pid)) { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } }
}
function cleanup() {
  cleaning ??= (async () => {
    if (helper && helper.exitCode === null) { try { process.kill(-helper.pid, 'SIGTERM'); } catch { /* gone */ } }
    if (browser) {
      const pending = browser; browser = null;
      await Promise.race([
        Promise.resolve(pending).then((b) => b.close()).catch(() => {}),
        new Promise((r) => setTimeout(r, 5000)),
      ]);
    }
    await stopServer();
    if (runDir && !keepRunDir) fs.rmSync(runDir, { recursive: true, force: true });
  })();
  return cleaning;
}
// Last resort if the process exits without cleanup (e.g. an exception inside cleanup itself).
// (Playwright kills the Chromium it launched on exit by itself.)
process.on('exit', () => {
  for (const child of [server, helper]) {
    if (child && child.pid && groupAlive(child.pid)) { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }
  }
});

process.on('uncaughtException', (e) => fatal(e));
process.on('unhandledRejection', (e) => fatal(e));
let fatalSeen = false;
function fatal(e) {  // never leave code-server/Chromium behind, whatever went wrong
  if (fatalSeen) return;
  fatalSeen = true;
  say(`HARNESS ERROR (unexpected): ${e && e.stack || e}`);
  if (runDir) say(`logs in ${runDir}`);
  keepRunDir = true;
  cleanup().finally(() => process.exit(EXIT.HARNESS));
}

let interrupt;  // resolves with the signal name
const interrupted = new Promise((r) => { interrupt = r; });
let signalled = null;
const alive = () => { if (signalled) throw new Interrupted(signalled); };
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (signalled) { // second signal: no more waiting
      if (server && server.pid) { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ } }
      process.exit(128 + os.constants.signals[sig]);
    }
    signalled = sig;
    say(`${sig} received: stopping code-server and Chromium`);
    interrupt(sig);
  });
}

// ---------------------------------------------------------------- helpers
const freePort = () => new Promise((resolve, reject) => {
  const srv = net.createServer();
  srv.unref();
  srv.on('error', reject);
  srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
});

async function waitForHealthz(url, ms, serverExit) {
  const end = Date.now() + ms;
  let exited = null;
  serverExit.then((c) => { exited = c; });
  while (Date.now() < end) {
    if (exited !== null) throw new HarnessError(`code-server exited (${exited}) before it was ready`);
    if (signalled) return;
    try { const r = await fetch(url); if (r.ok) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new HarnessError(`code-server did not answer ${url} within ${ms / 1000}s`);
}

// Runs a helper command in its own process group (so that an interrupt can stop all of it);
// resolves with its exit status (number, signal name or error message) and captured output.
async function runHelper(cmd, argv, { env = process.env, capture = false, timeoutMs = 0 } = {}) {
  let out = '';
  helper = spawn(cmd, argv, { env, detached: true, stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'] });
  if (capture) for (const s of [helper.stdout, helper.stderr]) s.on('data', (b) => { out += b; });
  const child = helper;
  const timer = timeoutMs ? setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, timeoutMs) : null;
  const status = await new Promise((resolve) => {
    child.on('error', (e) => resolve(e.message));
    child.on('close', (code, sig) => resolve(sig ?? code));
  });
  clearTimeout(timer);
  helper = null;
  alive();
  return { status, out };
}

// Runs scripts/install-code-server.sh (a no-op taking milliseconds when already installed).
async function ensureInstalled() {
  if (process.env.CODE_SERVER) return process.env.CODE_SERVER;
  const script = path.join(ROOT, 'scripts', 'install-code-server.sh');
  const { status } = await runHelper('bash', [script]);
  if (status !== 0) throw new HarnessError(`${path.relative(process.cwd(), script) || script} failed (${status})`);
  return path.join(ROOT, '.vscode-test', 'code-server', 'node_modules', '.bin', 'code-server');
}

// Fails early with a clear message where VS Code would silently skip the extension.
function checkExtension(dir) {
  const pj = path.join(dir, 'package.json');
  if (!fs.existsSync(pj)) throw new HarnessError(`no package.json in extension path ${dir}`);
  const manifest = JSON.parse(fs.readFileSync(pj, 'utf8'));
  if (manifest.main) {
    const main = path.resolve(dir, manifest.main);
    if (![main, `${main}.js`, path.join(main, 'index.js')].some((p) => fs.existsSync(p) && fs.statSync(p).isFile())) {
      throw new HarnessError(`extension entry ${path.relative(process.cwd(), main)} is missing: build it first (node esbuild.js)`);
    }
  }
  const engine = manifest.engines && manifest.engines.vscode;
  const m = engine && /^\s*[\^~>=]*\s*(\d+)\.(\d+)/.exec(engine);
  if (m && (Number(m[1]) > 1 || (Number(m[1]) === 1 && Number(m[2]) > 100))) {
    throw new HarnessError(`engines.vscode "${engine}" excludes VS Code ${VSCODE_VERSION}: the extension would not be loaded`);
  }
  return manifest;
}

function resolveTests(p) {
  const file = fs.existsSync(p) && fs.statSync(p).isDirectory() ? path.join(p, 'index.js') : p;
  const candidates = [file, `${file}.js`];
  if (!candidates.some((f) => fs.existsSync(f))) {
    throw new HarnessError(`test entry ${path.relative(process.cwd(), file)} is missing: compile the suite first (npx tsc -p .)`);
  }
  return p;
}

function screenshotPath(base, n) {
  if (n === 1) return base;
  const ext = path.extname(base) || '.png';
  return `${base.slice(0, base.length - path.extname(base).length)}-${n}${ext}`;
}

// ---------------------------------------------------------------- main
async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) { process.stdout.write(`${USAGE}\n`); return EXIT.PASS; }
  const verbose = !!args.verbose;
  const timeoutSec = Number(args.timeout ?? 300);
  if (!(timeoutSec > 0)) throw new HarnessError(`--timeout must be a positive number of seconds, not '${args.timeout}'`);
  const vsix = args['install-vsix'] ? path.resolve(args['install-vsix']) : null;
  const extPath = path.resolve(args['extension-path'] ?? ROOT);
  const testsPath = resolveTests(path.resolve(args['tests-path'] ?? path.join(ROOT, 'out', 'test', 'integration')));
  const shotBase = args.screenshot ? path.resolve(args.screenshot) : null;
  if (vsix) {
    if (!fs.existsSync(vsix)) throw new HarnessError(`vsix ${vsix} not found (npx vsce package)`);
  } else {
    checkExtension(extPath);
  }
  const fixture = path.join(ROOT, 'test', 'fixtures', 'workspace');
  if (!args.workspace && !fs.existsSync(fixture)) throw new HarnessError(`workspace fixture ${fixture} is missing`);
  if (args.workspace && !fs.existsSync(args.workspace)) throw new HarnessError(`workspace ${args.workspace} not found`);

  const codeServer = await ensureInstalled();
  const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(codeServer)) throw new HarnessError(`code-server not found at ${codeServer}`);
  if (!fs.existsSync(chromiumPath)) throw new HarnessError(`Chromium not found at ${chromiumPath} (apt-get install chromium)`);
  let chromium;
  try { ({ chromium } = await import('playwright-core')); } catch (e) {
    throw new HarnessError(`playwright-core is not installed (npm ci): ${e.message}`);
  }

  // Short base: VS Code puts unix sockets in TMPDIR (limit ~107 bytes).
  const tmpBase = os.tmpdir().length <= 40 ? os.tmpdir() : '/tmp';
  runDir = fs.mkdtempSync(path.join(tmpBase, 'er-vscode-'));
  const d = (...p) => path.join(runDir, ...p);
  for (const sub of ['xdg-config', 'xdg-data', 'xdg-cache', 't', 'ack', 'user-data', 'extensions']) fs.mkdirSync(d(sub));
  let workspace;
  if (args.workspace) workspace = path.resolve(args.workspace);
  else { workspace = d('workspace'); fs.cpSync(fixture, workspace, { recursive: true }); }

  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete env[k];
  delete env.PASSWORD; delete env.HASHED_PASSWORD; delete env.PORT;  // would override our flags
  Object.assign(env, {
    XDG_CONFIG_HOME: d('xdg-config'), XDG_DATA_HOME: d('xdg-data'), XDG_CACHE_HOME: d('xdg-cache'),
    TMPDIR: d('t'),
    EDITORIAL_REVIEW_TEST_MODE: vsix ? 'vsix' : 'development',
    EDITORIAL_REVIEW_SCREENSHOT_ACK_DIR: d('ack'),
  });
  fs.writeFileSync(d('config.yaml'), 'auth: none\ncert: false\n');
  const common = ['--config', d('config.yaml'), '--user-data-dir', d('user-data'), '--extensions-dir', d('extensions')];

  let devPath = extPath;
  if (vsix) {
    say(`installing ${path.basename(vsix)} into the isolated extensions dir`);
    const { status, out } = await runHelper(codeServer, [...common, '--install-extension', vsix], { env, capture: true, timeoutMs: 120000 });
    fs.writeFileSync(d('install-extension.log'), out);
    if (status !== 0 || /Failed Installing/i.test(out)) {
      throw new HarnessError(`code-server --install-extension failed (${status}):\n${out.trim()}`);
    }
    const installed = fs.readdirSync(d('extensions')).filter((f) => !f.startsWith('.') && f !== 'extensions.json');
    if (installed.length === 0) throw new HarnessError(`--install-extension reported success but ${d('extensions')} is empty:\n${out.trim()}`);
    say(`installed: ${installed.join(', ')}`);
    devPath = d('dev-stub');  // empty: VS Code needs some extensionDevelopmentPath to run tests
    fs.mkdirSync(devPath);
  }

  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  const serverLog = fs.openSync(d('code-server.log'), 'a');
  server = spawn(codeServer, [...common,
    '--auth', 'none', '--bind-addr', authority,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened'],
  { env, detached: true, stdio: ['ignore', verbose ? 'pipe' : serverLog, verbose ? 'pipe' : serverLog] });
  if (verbose) {
    for (const s of [server.stdout, server.stderr]) s.on('data', (b) => { fs.writeSync(serverLog, b); process.stderr.write(b); });
  }
  const serverExit = new Promise((r) => server.on('exit', (code, sig) => r(sig ?? code)));
  server.on('error', (e) => say(`code-server: ${e.message}`));
  await waitForHealthz(`http://${authority}/healthz`, 60000, serverExit);
  alive();
  const tReady = Date.now();

  browser = chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,  // we clean up ourselves
    env: { ...process.env, XDG_CONFIG_HOME: d('xdg-config'), XDG_CACHE_HOME: d('xdg-cache'), TMPDIR: d('t') },
    args: ['--no-sandbox', '--disable-gpu', '--no-proxy-server', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const launched = await browser;
  alive();
  browser = launched;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();

  // ---- screenshots
  let shots = 0;
  let shotQueue = Promise.resolve();
  const takeShot = async (why) => {
    if (!shotBase) return '';
    const file = screenshotPath(shotBase, ++shots);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await new Promise((r) => setTimeout(r, 400));  // let the workbench paint the last change
    await page.screenshot({ path: file, timeout: 30000 });
    say(`screenshot (${why}) -> ${path.relative(process.cwd(), file) || file}`);
    return file;
  };
  const onMarker = (line) => {
    const [, token, ...label] = line.trim().split(/\s+/);
    shotQueue = shotQueue.then(async () => {
      let file = '';
      try { file = await takeShot(label.join(' ') || 'requested by the suite'); } catch (e) { say(`screenshot failed: ${e.message}`); }
      if (token && /^[\w.-]+$/.test(token)) fs.writeFileSync(d('ack', `${token}.tmp`), file);
      if (token && /^[\w.-]+$/.test(token)) fs.renameSync(d('ack', `${token}.tmp`), d('ack', token));
    });
  };

  // ---- log relay and result
  let resolveExit;
  const exited = new Promise((r) => { resolveExit = r; });
  let lastSummary = null;
  const workbenchLog = fs.openSync(d('workbench.log'), 'a');
  await page.exposeFunction('codeAutomationLog', (level, logArgs) => {
    // args may carry printf-style placeholders (mocha's reporter uses them)
    const text = Array.isArray(logArgs) ? util.format(...logArgs) : String(logArgs);
    fs.writeSync(workbenchLog, `[${level}] ${text}\n`);
    // The workbench's own chatter arrives on the same channel as the extension host's console.
    if (NOISE.some((re) => re.test(text))) { if (verbose) say(`[workbench ${level}] ${text}`); return; }
    const relay = [];
    for (const line of text.split('\n')) {
      if (line.trimStart().startsWith(MARKER)) { onMarker(line.trimStart()); continue; }  // not relayed
      const m = /^\s*(\d+) passing, (\d+) failing\s*$/.exec(line);
      if (m) lastSummary = { passed: Number(m[1]), failed: Number(m[2]) };
      relay.push(line);
    }
    if (relay.length) process.stdout.write(`${relay.join('\n')}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    if (Array.isArray(logs)) {
      for (const { relativePath, contents } of logs) {
        const p = d('vscode-logs', relativePath);
        if (!p.startsWith(d('vscode-logs'))) continue;
        fs.mkdirSync(path.dirname(p), { recursive: true });
        fs.writeFileSync(p, contents);
      }
    }
    resolveExit(code);
  });
  if (verbose) {
    page.on('console', (m) => say(`[page ${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => say(`[pageerror] ${e}`));
  }

  // The web workbench takes extension-development settings from the `payload` query parameter
  // (JSON [key, value] pairs). They must be vscode-remote URIs with the page's own authority so
  // that the server's Node extension host loads the extension and the tests.
  const remote = (p) => `vscode-remote://${authority}${p.split(path.sep).map(encodeURIComponent).join('/')}`;
  const payload = [
    ['extensionDevelopmentPath', remote(devPath)],
    ['extensionTestsPath', remote(testsPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const q = new URLSearchParams({ folder: workspace, payload: JSON.stringify(payload) });
  alive();
  say(`VS Code ${VSCODE_VERSION} (code-server) on ${authority}, ${vsix ? `installed ${path.basename(vsix)}` : `extension ${path.relative(process.cwd(), extPath) || '.'}`}, tests ${path.relative(process.cwd(), testsPath)}`);
  await page.goto(`http://${authority}/?${q}`);

  let timer;
  const timedOut = new Promise((r) => { timer = setTimeout(() => r('timeout'), timeoutSec * 1000); });
  const crashed = new Promise((r) => page.on('crash', () => r('crash')));
  const serverDied = serverExit.then((c) => `server-exit:${c}`);
  const result = await Promise.race([exited, timedOut, crashed, serverDied, interrupted]);
  clearTimeout(timer);
  await shotQueue;

  let code;
  if (typeof result === 'number') {
    code = result === 0 ? EXIT.PASS : EXIT.FAIL;
    if (shotBase && shots === 0) {
      try { await takeShot('after the suite'); } catch (e) { say(`screenshot failed: ${e.message}`); code = code || EXIT.HARNESS; }
    }
  } else if (result === 'timeout') {
    say(`TIMEOUT: the suite reported no result within ${timeoutSec}s`);
    code = EXIT.TIMEOUT;
  } else if (result === 'crash') {
    say('the workbench page crashed');
    code = EXIT.HARNESS;
  } else if (String(result).startsWith('server-exit')) {
    say(`code-server exited unexpectedly (${result.slice(12)}); see ${d('code-server.log')}`);
    code = EXIT.HARNESS;
  } else {
    code = 128 + os.constants.signals[result];
  }
  const verdict = { 0: 'PASSED', 1: 'FAILED (test failures)', 3: 'TIMEOUT', 4: 'HARNESS ERROR' }[code] ?? 'INTERRUPTED';
  keepRunDir = code !== EXIT.PASS || !!args['keep-logs'];
  say(`${verdict}: exit ${code}; code-server ready in ${secs(tReady - t0)}, total ${secs(Date.now() - t0)}`
    + (keepRunDir ? `; logs in ${runDir}` : ''));
  // last line, in the plain form CI summaries look for
  if (lastSummary) process.stdout.write(`integration: ${lastSummary.passed} passed, ${lastSummary.failed} failed\n`);
  return code;
}

let exitCode;
try {
  const running = main();
  running.catch(() => {});  // after an interrupt its late failure does not matter
  exitCode = await Promise.race([running, interrupted.then((sig) => 128 + os.constants.signals[sig])]);
} catch (e) {
  if (e instanceof Interrupted) exitCode = 128 + os.constants.signals[e.message];
  else {
    if (e instanceof HarnessError) say(`HARNESS ERROR: ${e.message}`);
    else say(`HARNESS ERROR: ${e && e.stack || e}`);
    exitCode = EXIT.HARNESS;
    if (runDir) say(`logs in ${runDir}`);
  }
  keepRunDir = true;
}
await cleanup();
process.exit(exitCode);
