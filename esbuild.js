// Bundles the command line (and the extension, once its sources exist) into dist/.
//   node esbuild.js [--production] [--watch] [--quiet]
// After every build it proves from esbuild's metafile that no database client or dotenv (which
// `natural`'s index would drag in and run) got into the bundles, and fails the build if one did.
'use strict';
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const argv = require.main === module ? process.argv.slice(2) : [];
const known = new Set(['--production', '--watch', '--quiet']);
for (const a of argv) {
  if (!known.has(a)) {
    console.error(`esbuild.js: unknown option ${a} (use --production, --watch, --quiet)`);
    process.exit(2);
  }
}
const production = argv.includes('--production');
const watch = argv.includes('--watch');
const quiet = argv.includes('--quiet');

const root = __dirname;
const dist = path.join(root, 'dist');

/** Packages that must never be bundled (nor left as runtime requires). */
const FORBIDDEN_PACKAGES = ['dotenv', 'mongoose', 'mongodb', 'pg', 'pg-hstore', 'pg-pool', 'redis', '@redis', 'memjs'];
/** `natural` may only be used through submodules: its index loads everything above. */
const FORBIDDEN_FILES = [/(^|\/)node_modules\/natural\/lib\/natural\/index\.js$/, /(^|\/)node_modules\/natural\/index\.js$/];

const targets = [
  // The DuckDB client of --index is an optional native package: required at run time, never bundled.
  { name: 'cli', entry: 'src/cli/main.ts', outfile: 'dist/cli.js', banner: '#!/usr/bin/env node', executable: true, external: ['@duckdb/node-api'] },
  { name: 'cli worker', entry: 'src/cli/reviewWorker.ts', outfile: 'dist/cliWorker.js' },
  { name: 'extension', entry: 'src/extension/extension.ts', outfile: 'dist/extension.js', external: ['vscode'], optional: true },
  { name: 'worker', entry: 'src/extension/review/reviewWorker.ts', outfile: 'dist/reviewWorker.js', external: ['vscode'], optional: true },
  { name: 'index worker', entry: 'src/extension/collection/indexWorker.ts', outfile: 'dist/indexWorker.js', external: ['vscode'], optional: true },
].filter(t => !t.optional || fs.existsSync(path.join(root, t.entry)));

/** The package a node_modules path belongs to ('@scope/name' or 'name'), or undefined. */
function packageOf(input) {
  const p = input.replace(/\\/g, '/');
  const at = p.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const parts = p.slice(at + 'node_modules/'.length).split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

function isForbidden(pkg) {
  return FORBIDDEN_PACKAGES.some(f => pkg === f || pkg.startsWith(`${f}/`));
}

/** Problems found in a metafile: forbidden inputs, and forbidden packages left as requires. */
function checkMetafile(metafile) {
  const problems = [];
  for (const input of Object.keys(metafile.inputs)) {
    const pkg = packageOf(input);
    if (pkg && isForbidden(pkg)) problems.push(`${input} (package "${pkg}") is bundled`);
    if (FORBIDDEN_FILES.some(re => re.test(input.replace(/\\/g, '/')))) {
      problems.push(`${input} is bundled: import natural's submodules (e.g. natural/lib/natural/stemmers/porter_stemmer), never "natural" itself`);
    }
  }
  for (const [output, meta] of Object.entries(metafile.outputs)) {
    for (const imp of meta.imports || []) {
      if (!imp.external) continue;
      const name = imp.path.replace(/^node:/, '');
      if (isForbidden(name) || isForbidden(packageOf(name) || '')) {
        problems.push(`${output} requires "${imp.path}" at run time`);
      }
    }
  }
  return problems;
}

/** Reports the check after each build (also in watch mode) and fails one-shot builds. */
function guardPlugin(target) {
  return {
    name: 'forbidden-packages',
    setup(build) {
      build.onEnd(result => {
        if (!result.metafile) return;
        const problems = checkMetafile(result.metafile);
        if (problems.length > 0) {
          const text = problems.map(p => `  - ${p}`).join('\n');
          console.error(`esbuild.js: ${target.outfile} must not contain database clients or dotenv (see natural's index):\n${text}`);
          if (!watch) {
            try {
              fs.rmSync(path.join(root, target.outfile), { force: true });
            } catch {
              // nothing to remove
            }
          }
          return { errors: [{ text: `forbidden packages in ${target.outfile}` }] };
        }
        if (target.executable && result.errors.length === 0 && fs.existsSync(path.join(root, target.outfile))) {
          fs.chmodSync(path.join(root, target.outfile), 0o755);
        }
        if (!quiet) {
          const inputs = Object.keys(result.metafile.inputs).length;
          const size = Object.entries(result.metafile.outputs)
            .filter(([o]) => o.endsWith('.js'))
            .reduce((n, [, m]) => n + m.bytes, 0);
          console.log(`esbuild.js: ${target.outfile} (${inputs} inputs, ${(size / 1024).toFixed(0)} KB): no forbidden packages`);
        }
        return undefined;
      });
    },
  };
}

function options(target) {
  return {
    absWorkingDir: root,
    entryPoints: [target.entry],
    outfile: target.outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // ESM entry points first: jsonc-parser's UMD main loads its parts with requires esbuild cannot follow.
    mainFields: ['module', 'main'],
    external: target.external || [],
    banner: target.banner ? { js: target.banner } : undefined,
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    metafile: true,
    logLevel: quiet ? 'error' : 'warning',
    plugins: [guardPlugin(target)],
  };
}

async function main() {
  fs.mkdirSync(dist, { recursive: true });
  if (production) {
    // A production build leaves no stale source maps behind.
    for (const t of targets) fs.rmSync(path.join(root, `${t.outfile}.map`), { force: true });
  }
  if (watch) {
    const contexts = await Promise.all(targets.map(t => esbuild.context(options(t))));
    await Promise.all(contexts.map(c => c.watch()));
    if (!quiet) console.log(`esbuild.js: watching ${targets.map(t => t.entry).join(', ')}`);
    return;
  }
  const results = await Promise.allSettled(targets.map(t => esbuild.build(options(t))));
  const failed = results.filter(r => r.status === 'rejected');
  if (failed.length > 0) {
    if (quiet) {
      // esbuild printed the errors already unless they were ours; say which bundles failed.
      console.error(`esbuild.js: build failed (${failed.length} of ${targets.length} bundles)`);
    }
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch(e => {
    console.error(`esbuild.js: ${e && e.message ? e.message : e}`);
    process.exitCode = 1;
  });
}

module.exports = { checkMetafile, FORBIDDEN_PACKAGES };
