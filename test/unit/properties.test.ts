// Property-based tests (fast-check) of properties.ts: generated dumps and editing sessions checked
// against what must hold for any text. Runs are bounded to keep the unit suite fast; the long run
// is `npm run fuzz`. A failure prints fast-check's seed and path; replay it with
// FC_SEED=<seed> FC_PATH=<path> npx mocha -g properties
import * as fc from 'fast-check';
import { properties, runParameters } from './properties';

describe('properties (fast-check, bounded runs; `npm run fuzz` runs longer)', () => {
  it('the incremental review equals a fresh review after every edit', () => {
    fc.assert(properties.incremental, runParameters(60));
  });

  it('remove all leaves no repeat, keeps one copy of every line and paragraph, changes nothing else', () => {
    fc.assert(properties.removeAll, runParameters(200));
  });

  it('every fix changes only its range', () => {
    fc.assert(properties.fixes, runParameters(150));
  });
});
