// Property-based tests (fast-check) of properties.ts: generated dumps and editing sessions checked
// against what must hold for any text. Runs are bounded to keep the unit suite fast; the long run
// is `npm run fuzz`. A failure prints fast-check's seed and path; replay it with
// FC_SEED=<seed> FC_PATH=<path> npx mocha -g '<the test's title>' (bench/fuzz.ts prints the line)
import * as fc from 'fast-check';
import { TITLES, properties, runParameters } from './properties';

describe('properties (fast-check, bounded runs; `npm run fuzz` runs longer)', () => {
  it(TITLES.incremental, () => {
    fc.assert(properties.incremental, runParameters(60));
  });

  it(TITLES.removeAll, () => {
    fc.assert(properties.removeAll, runParameters(200));
  });

  it(TITLES.fixes, () => {
    fc.assert(properties.fixes, runParameters(150));
  });
});
