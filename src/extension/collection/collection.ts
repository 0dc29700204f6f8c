// Wiring of the workspace's collection: the index (its worker, its storage, the file events that
// keep it current), the Reviewer's hook that adds findings across files, the diagnostics' links
// into other files, the Articles view's marks, the Stories view and the commands. A window without
// a folder gets none of it (reviews stay as they are); the setting editorialReview.collection.enabled
// turns it off.
import * as path from 'path';
import * as vscode from 'vscode';
import type { Story } from '../../core/collection/links';
import type { DiagnosticsPublisher } from '../common/diagnostics';
import type { Reviewer } from '../review/reviewer';
import type { ElsewhereMark } from '../views/treeNodes';
import type { PassageProvider } from '../views/passages';
import { affectsCollection } from './collectionSettings';
import { COLLECTION_CMD, CollectionCommands, CompareArgs, PlaceArgs } from './collectionCommands';
import { CrossFileReviews } from './crossFileReviews';
import { IndexClient } from './indexClient';
import { IndexStorage } from './indexStorage';
import { STORIES_VIEW_ID, StoriesNode, StoriesProvider } from './storiesView';
import { StoryMarks, placeLabel } from './storyMarks';
import { IndexReport, WorkspaceIndex } from './workspaceIndex';

/** What the integration tests (and other extensions) see of the collection. */
export interface CollectionApi {
  /** Resolves when the running build of the index ends (with its report; undefined without a collection). */
  ready(): Promise<IndexReport | undefined>;
  /** Resolves when the file events received so far are handled. */
  settled(): Promise<void>;
  /** The report of the last build. */
  lastReport(): IndexReport | undefined;
  /** Stores the index and forgets it in memory, runs `whileClosed`, then builds it again from the stored one, as reopening the workspace does. */
  reload(whileClosed?: () => Promise<void>): Promise<IndexReport | undefined>;
  paths(): string[];
  stories(): Story[];
  /** The Stories view's rows as shown: label, description, accessible label, and the occurrences'. */
  storiesView(): { label: string; description: string; accessible: string; occurrences: { label: string; description: string; command?: vscode.Command }[] }[];
  /** Clicks a story's occurrence (its row's command). */
  openOccurrence(storyIndex: number, occurrence: number): Promise<void>;
  compare(args: CompareArgs): Promise<{ line: number; identical: boolean } | false>;
  memoryBytes(): number;
}

export interface CollectionDeps {
  reviewer: Reviewer;
  diagnostics: DiagnosticsPublisher;
  passages: PassageProvider;
  log: (line: string) => void;
}

export class Collection implements vscode.Disposable {
  readonly index: WorkspaceIndex;
  readonly marks: StoryMarks;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly stories: StoriesProvider;
  private readonly client: IndexClient;

  constructor(context: vscode.ExtensionContext, private readonly deps: CollectionDeps) {
    const { reviewer, diagnostics, log } = deps;
    this.client = new IndexClient(path.join(context.extensionPath, 'dist', 'indexWorker.js'), log);
    this.index = new WorkspaceIndex(this.client, new IndexStorage(context.storageUri, log), uri => reviewer.optionsFor(uri), log);
    this.marks = new StoryMarks(() => this.index.stories());
    const reviews = new CrossFileReviews(this.index, reviewer);
    reviewer.crossFile = reviews;
    diagnostics.resolvePath = p => this.index.uriOf(p);
    this.stories = new StoriesProvider(this.index);
    const treeView = vscode.window.createTreeView<StoriesNode>(STORIES_VIEW_ID, { treeDataProvider: this.stories, showCollapseAll: true });
    this.stories.view = treeView;
    const commands = new CollectionCommands(this.index, deps.passages);
    this.commands = commands;
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      this.client,
      this.index,
      reviews,
      this.stories,
      treeView,
      watcher,
      ...commands.register(),
      this.index.onDidChange(() => {
        this.marks.invalidate();
        if (this.marksTimer) clearTimeout(this.marksTimer);
        this.marksTimer = setTimeout(() => this.marksEmitter.fire(), 100);
      }),
      this.marksEmitter,
      watcher.onDidCreate(uri => this.index.fileChanged(uri)),
      watcher.onDidChange(uri => this.index.fileChanged(uri)),
      watcher.onDidDelete(uri => this.index.fileDeleted(uri)),
      // Files created, deleted or renamed in the editor (the Explorer, a workspace edit) are heard
      // from VS Code itself, not only from the watcher, whose events may come late or not at all.
      vscode.workspace.onDidCreateFiles(e => e.files.forEach(uri => this.index.fileChanged(uri))),
      vscode.workspace.onDidDeleteFiles(e => e.files.forEach(uri => this.index.fileDeleted(uri))),
      vscode.workspace.onDidRenameFiles(e => this.index.filesRenamed(e.files)),
      // A file shown: the files its findings point into are checked on disk (a change the watcher missed is read now).
      vscode.window.onDidChangeActiveTextEditor(editor => {
        if (editor) this.index.checkNeighbours(editor.document.uri);
      }),
      vscode.workspace.onDidSaveTextDocument(doc => this.index.fileChanged(doc.uri, true)),
      // A file closed with its changes discarded: the index reads it again from disk.
      vscode.workspace.onDidCloseTextDocument(doc => this.index.fileChanged(doc.uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.start()),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (affectsCollection(e)) void this.start();
      }),
    );
  }

  private readonly commands: CollectionCommands;
  private readonly marksEmitter = new vscode.EventEmitter<void>();
  private marksTimer: NodeJS.Timeout | undefined;
  /** Fires (coalesced) when the marks of the Articles view may have changed. */
  readonly onDidChangeMarks = this.marksEmitter.event;

  /** Builds (or rebuilds) the index; says whether a collection is kept (for the views' `when` clauses). */
  async start(): Promise<IndexReport | undefined> {
    const report = this.index.rebuild();
    void vscode.commands.executeCommand('setContext', 'editorialReview.collectionActive', this.index.enabled);
    return report;
  }

  /** The marks of an article of a file (the Articles view): where else its story appears. */
  elsewhere(uri: vscode.Uri, article: number): ElsewhereMark[] {
    const key = this.index.active ? this.index.keyOf(uri) : undefined;
    if (!key) return [];
    return this.marks.of(key, article).map(e => {
      const label = `also in ${placeLabel(e)}`;
      const kind = e.kind === 'original' ? 'the original' : e.kind === 'exact' ? 'a copy' : 'an updated version';
      return {
        label,
        description: `${kind} \u00B7 line ${e.line}`,
        accessibleLabel: `Also in ${e.path}, article ${e.index} (${kind}), line ${e.line}`,
        command: { command: COLLECTION_CMD.openInCollection, title: 'Open', arguments: [{ path: e.path, line: e.line } satisfies PlaceArgs] },
      };
    });
  }

  api(): CollectionApi {
    const text = (v: string | vscode.TreeItemLabel | vscode.MarkdownString | boolean | undefined) =>
      v === undefined || typeof v === 'boolean' ? '' : typeof v === 'string' ? v : v instanceof vscode.MarkdownString ? v.value : v.label;
    return {
      ready: () => this.index.ready,
      settled: () => this.index.settled(),
      lastReport: () => this.index.lastReport,
      reload: whileClosed => this.index.reload(whileClosed),
      paths: () => this.index.paths(),
      stories: () => this.index.stories(),
      storiesView: () =>
        this.stories.getChildren().map(node => {
          const item = this.stories.getTreeItem(node);
          return {
            label: text(item.label),
            description: text(item.description),
            accessible: item.accessibilityInformation?.label ?? '',
            occurrences: this.stories.getChildren(node).map(child => {
              const c = this.stories.getTreeItem(child);
              return { label: text(c.label), description: text(c.description), command: c.command };
            }),
          };
        }),
      openOccurrence: async (storyIndex, occurrence) => {
        const node = this.stories.getChildren()[storyIndex];
        const child = node && this.stories.getChildren(node)[occurrence];
        const command = child && this.stories.getTreeItem(child).command;
        if (command) await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
      },
      compare: args => this.commands.compare(args),
      memoryBytes: () => this.index.memoryBytes(),
    };
  }

  dispose(): void {
    if (this.marksTimer) clearTimeout(this.marksTimer);
    this.deps.reviewer.crossFile = undefined;
    this.deps.diagnostics.resolvePath = undefined;
    for (const d of this.disposables) d.dispose();
  }
}
