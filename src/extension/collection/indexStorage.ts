// The index kept in the extension's workspace storage (context.storageUri), so that reopening a
// workspace re-reads only the files whose size or modification time changed.
import * as vscode from 'vscode';
import { StoredIndex, decodeIndex, encodeIndex } from '../../core/collection/fingerprintCodec';

const FILE_NAME = 'collection-index.bin';

export class IndexStorage {
  constructor(
    private readonly folder: vscode.Uri | undefined,
    private readonly log: (line: string) => void,
  ) {}

  private get file(): vscode.Uri | undefined {
    return this.folder && vscode.Uri.joinPath(this.folder, FILE_NAME);
  }

  async load(): Promise<StoredIndex | undefined> {
    const file = this.file;
    if (!file) return undefined;
    try {
      return decodeIndex(await vscode.workspace.fs.readFile(file));
    } catch {
      return undefined;
    }
  }

  async save(index: StoredIndex): Promise<void> {
    const file = this.file;
    if (!file || !this.folder) return;
    try {
      await vscode.workspace.fs.createDirectory(this.folder);
      await vscode.workspace.fs.writeFile(file, encodeIndex(index));
    } catch (err) {
      this.log(`Could not store the collection index: ${String(err)}`);
    }
  }
}
