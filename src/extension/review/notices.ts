// Messages to the user about reviews: an error shown once per text (with a button opening the file
// concerned), and the note that a document is too large for automatic reviews.
import * as vscode from 'vscode';
import { basename } from './reviewState';

export class Notices {
  private readonly shownErrors = new Set<string>();
  private readonly tooLargeNotified = new Set<string>();

  constructor(private readonly log: (line: string) => void) {}

  errorOnce(message: string, open?: vscode.Uri): void {
    if (this.shownErrors.has(message)) return;
    this.shownErrors.add(message);
    this.log(message);
    const actions = open ? ['Open File'] : [];
    void vscode.window.showErrorMessage(message, ...actions).then(choice => {
      if (choice === 'Open File' && open) void vscode.window.showTextDocument(open);
    });
  }

  /** Says once per document (until `resetTooLarge`) that it is reviewed only on demand. */
  tooLarge(doc: vscode.TextDocument, maxFileSize: number, reviewNow: () => void): void {
    const key = doc.uri.toString();
    if (this.tooLargeNotified.has(key)) return;
    this.tooLargeNotified.add(key);
    const message =
      `Editorial Review: ${basename(doc.uri)} has ${doc.getText().length.toLocaleString('en')} characters, ` +
      `more than editorialReview.maxFileSize (${maxFileSize.toLocaleString('en')}); it is reviewed only on demand.`;
    this.log(message);
    void vscode.window.showInformationMessage(message, 'Review Now').then(choice => {
      if (choice === 'Review Now' && !doc.isClosed) reviewNow();
    });
  }

  resetTooLarge(uri: vscode.Uri): void {
    this.tooLargeNotified.delete(uri.toString());
  }
}
