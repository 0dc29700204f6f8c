// `npm run fuzz -- --runs N [--seed S] [--only incremental|removeAll|fixes]`: the property tests
// of the unit suite (test/unit/properties.ts) run at length. Each property runs N times, in
// batches with their own seeds so that one failure does not end the run (documents and edits are
// counted as generated, so a failure's shrinking adds to them); each failure is printed
// with its seed, its path, the shrunk counterexample and the command that replays it in the unit
// suite. Prints the documents and edits
// checked and the failures; exits 1 if there was any.
import * as fc from 'fast-check';
import { TITLES, checked, properties } from '../test/unit/properties';

interface FuzzArgs {
  runs: number;
  seed: number;
  only?: keyof typeof properties;
}

function parse(argv: string[]): FuzzArgs {
  const args: FuzzArgs = { runs: 1000, seed: Date.now() % 2147483647 };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--runs') { args.runs = Number(value); i++; }
    else if (argv[i] === '--seed') { args.seed = Number(value); i++; }
    else if (argv[i] === '--only' && value in properties) { args.only = value as keyof typeof properties; i++; }
    else throw new Error(`unknown argument ${argv[i]}; use --runs N, --seed S, --only ${Object.keys(properties).join('|')}`);
  }
  if (!Number.isInteger(args.runs) || args.runs < 1) throw new Error('--runs needs a positive whole number');
  return args;
}

const BATCH = 250;

function main(): number {
  const args = parse(process.argv.slice(2));
  console.log(`fuzz: ${args.runs} runs per property, seed ${args.seed}`);
  let failures = 0;
  const started = performance.now();
  for (const [name, property] of Object.entries(properties)) {
    if (args.only && args.only !== name) continue;
    const before = { ...checked };
    const t0 = performance.now();
    let failed = 0;
    for (let done = 0, batch = 0; done < args.runs; done += BATCH, batch++) {
      const seed = (args.seed + batch * 7919 + name.length * 104729) | 0;
      const details = fc.check(property as fc.IProperty<unknown>, { numRuns: Math.min(BATCH, args.runs - done), seed });
      if (details.failed) {
        failed++;
        console.log(`\nFAILED ${name}: seed ${details.seed}, path ${details.counterexamplePath}`);
        console.log(String(details.errorInstance instanceof Error ? details.errorInstance.message : details.errorInstance).slice(0, 4000));
        console.log(`counterexample: ${fc.stringify(details.counterexample).slice(0, 4000)}`);
        console.log(`replay: FC_SEED=${details.seed} FC_PATH=${details.counterexamplePath} npx mocha -g '${TITLES[name as keyof typeof TITLES]}'`);
      }
    }
    failures += failed;
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(`${name}: ${args.runs} runs, ${checked.dumps - before.dumps} documents, ${checked.edits - before.edits} edits, ${checked.removeAlls - before.removeAlls} Remove All, ${failed} failed batches, ${s} s`);
  }
  console.log(`total: ${checked.dumps} documents, ${checked.edits} edits, ${checked.removeAlls} Remove All on edited documents, ${failures} failures, ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${args.seed})`);
  return failures > 0 ? 1 : 0;
}

process.exitCode = main();
