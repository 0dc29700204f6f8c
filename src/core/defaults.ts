// Default options of the engine. Validation and merging of user options live in config.ts.
import { ReviewOptions } from './types';

export function defaultOptions(): ReviewOptions {
  return {
    rules: {
      'repeated-passage': { enabled: true, severity: 'warning' },
      'near-duplicate': { enabled: true, severity: 'warning' },
      'unattributed-claim': { enabled: true, severity: 'info' },
      'loaded-term': { enabled: true, severity: 'info' },
    },
    minWords: 8,
    nearDuplicateThreshold: 0.8,
    terms: [],
    ignoredTerms: [],
    ignoredCues: [],
    emotiveWording: true,
    emotiveSeverity: 'hint',
    maxFindingsPerRule: 500,
  };
}
