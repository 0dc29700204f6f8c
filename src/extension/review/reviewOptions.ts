// The engine options for a document: the defaults, then the settings, then `.editorial-review.json`,
// then the rules turned off for this file (a broken layer is reported and left out, never fatal).
import * as vscode from 'vscode';
import { ConfigError, PartialOptions, resolveOptions, validateOptions } from '../../core/options/config';
import { ReviewOptions } from '../../core/model/types';
import { Notices } from './notices';
import { readEngineSettings, readExtensionSettings } from '../config/settings';
import { rulesOffIn } from '../config/fileRules';
import { isRuleId } from '../../core/rules/registry';
import { filePathOf } from './reviewable';
import { WorkspaceConfig } from '../config/workspaceConfig';

export async function optionsFor(uri: vscode.Uri, config: WorkspaceConfig, notices: Notices): Promise<ReviewOptions> {
  const layers: PartialOptions[] = [];
  try {
    layers.push(validateOptions(readEngineSettings(uri), 'Settings (editorialReview.*)'));
  } catch (err) {
    notices.errorOnce(`Editorial Review: ${err instanceof ConfigError ? err.message : String(err)}`);
  }
  const file = await config.layerFor(uri);
  if (file.error) notices.errorOnce(`Editorial Review ignores a broken config file. ${file.error}`, file.uri);
  else if (file.options) layers.push(file.options);
  // Last: the rules turned off for this file (editorialReview.rulesOffInFiles).
  const off = rulesOffIn(readExtensionSettings(uri).rulesOffInFiles, filePathOf(uri)).filter(isRuleId);
  if (off.length > 0) layers.push({ rules: Object.fromEntries(off.map(rule => [rule, 'off' as const])) });
  return resolveOptions(...layers);
}
