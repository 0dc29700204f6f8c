// Read-only virtual documents holding a passage of a file, so that VS Code's diff view can compare
// a repeat (or near duplicate) with its original.
import * as vscode from 'vscode';

export const PASSAGE_SCHEME = 'editorial-review-passage';

export class PassageProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private next = 1;
  private readonly closeListener: vscode.Disposable;

  constructor() {
    // Forget a passage once VS Code has closed its document.
    this.closeListener = vscode.workspace.onDidCloseTextDocument(doc => {
      if (doc.uri.scheme === PASSAGE_SCHEME) this.texts.delete(doc.uri.query);
    });
  }

  /** A URI whose document reads `text`; `label` becomes the file name shown in the tab. */
  create(label: string, text: string): vscode.Uri {
    const id = String(this.next++);
    this.texts.set(id, text);
    const safe = label.replace(/[\\/?#%]/g, '-');
    return vscode.Uri.from({ scheme: PASSAGE_SCHEME, path: `/${safe}`, query: id });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.query) ?? '';
  }

  dispose(): void {
    this.closeListener.dispose();
    this.texts.clear();
  }
}
