// Default options of the engine, from the rules' metadata and option specs (rules/registry.ts).
// Validation and merging of user options live in config.ts.
import { OPTIONS, RULES } from '../rules/registry';
import { ReviewOptions } from '../model/types';

export function defaultOptions(): ReviewOptions {
  const rules = Object.fromEntries(RULES.map(r => [r.id, { enabled: r.defaultEnabled, severity: r.defaultSeverity }]));
  // Fresh copies: callers may change what they get.
  const values = Object.fromEntries(OPTIONS.map(o => [o.key, structuredClone(o.default)]));
  return { rules, ...values } as unknown as ReviewOptions;
}
