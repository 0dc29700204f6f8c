// Documentation links of the rules: the rule's section of the README shipped in the extension
// (opened at the heading's line), not a web page that may not exist or be reachable.
import * as fs from 'fs';
import * as vscode from 'vscode';

export class RuleDocs {
  private readonly readme: vscode.Uri;
  private readonly lines = new Map<string, number>();

  constructor(extensionUri: vscode.Uri) {
    // The packaged extension has it as `readme.md` (vsce's name), the source tree as `README.md`.
    let name = 'README.md';
    try {
      name = fs.readdirSync(extensionUri.fsPath).find(f => f.toLowerCase() === 'readme.md') ?? name;
    } catch {
      // keep the usual name
    }
    this.readme = vscode.Uri.joinPath(extensionUri, name);
    let text = '';
    try {
      text = fs.readFileSync(this.readme.fsPath, 'utf8');
    } catch {
      // no README (a stripped package): the links open the top of the file that is not there
    }
    text.split(/\r?\n/).forEach((line, i) => {
      const m = /^#{2,4}\s+`?([a-z][a-z-]*)`?\s*$/.exec(line);
      if (m && !this.lines.has(m[1])) this.lines.set(m[1], i + 1);
    });
  }

  /** The README at the rule's section (`#L<line>` selects that line when opened). */
  uri(rule: string): vscode.Uri {
    const line = this.lines.get(rule);
    return line ? this.readme.with({ fragment: `L${line}` }) : this.readme;
  }

  /** Line (1-based) of the rule's heading in the README, if found. */
  line(rule: string): number | undefined {
    return this.lines.get(rule);
  }
}
