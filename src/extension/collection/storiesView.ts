// The Stories view: the stories found in two files or more of the collection, each with its
// occurrences (the original first, in the collection's order). A click reveals the occurrence
// without taking the focus, as Outline does; every row has a label for screen readers.
import * as vscode from 'vscode';
import type { Story } from '../../core/collection/links';
import { COLLECTION_CMD, PlaceArgs } from './collectionCommands';
import { placeLabel } from './storyMarks';
import type { WorkspaceIndex } from './workspaceIndex';

export const STORIES_VIEW_ID = 'editorialReview.stories';

export interface StoryNode {
  kind: 'story';
  story: Story;
  /** Its place in the list (ids stay stable while the stories do). */
  id: string;
}

export interface OccurrenceNode {
  kind: 'occurrence';
  parent: StoryNode;
  occurrence: Story['occurrences'][number];
}

export type StoriesNode = StoryNode | OccurrenceNode;

const KIND_TEXT = { original: 'original', exact: 'copy', variant: 'updated version' } as const;
const REFRESH_DELAY_MS = 300;

export class StoriesProvider implements vscode.TreeDataProvider<StoriesNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private nodes: StoryNode[] | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly listener: vscode.Disposable;
  view: vscode.TreeView<StoriesNode> | undefined;

  constructor(private readonly index: WorkspaceIndex) {
    this.listener = index.onDidChange(() => this.scheduleRefresh());
  }

  private scheduleRefresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  refresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.nodes = undefined;
    this.emitter.fire();
  }

  stories(): StoryNode[] {
    this.nodes ??= this.index.stories().map(story => ({ kind: 'story', story, id: `${story.occurrences[0].path}#${story.occurrences[0].index}` }));
    if (this.view) {
      const n = this.nodes.length;
      this.view.description = this.index.active ? `${n} ${n === 1 ? 'story' : 'stories'} in several files` : undefined;
      this.view.message = this.index.active ? (n === 0 ? 'No story appears in two files or more.' : undefined) : 'Open a folder to see the stories its files share.';
    }
    return this.nodes;
  }

  getChildren(node?: StoriesNode): StoriesNode[] {
    if (!node) return this.stories();
    if (node.kind === 'story') return node.story.occurrences.map(occurrence => ({ kind: 'occurrence', parent: node, occurrence }));
    return [];
  }

  getParent(node: StoriesNode): StoriesNode | undefined {
    return node.kind === 'occurrence' ? node.parent : undefined;
  }

  getTreeItem(node: StoriesNode): vscode.TreeItem {
    if (node.kind === 'story') {
      const files = new Set(node.story.occurrences.map(o => o.path)).size;
      const title = node.story.title || '(untitled)';
      const item = new vscode.TreeItem(title, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `story:${node.id}`;
      item.description = `${files} files`;
      item.tooltip = `${title}\n${node.story.occurrences.map(o => `${placeLabel(o)} (${KIND_TEXT[o.kind]}, line ${o.startLine})`).join('\n')}`;
      item.iconPath = new vscode.ThemeIcon('files');
      item.accessibilityInformation = { label: `Story ${title}, in ${files} files, ${node.story.occurrences.length} occurrences` };
      return item;
    }
    const o = node.occurrence;
    const item = new vscode.TreeItem(placeLabel(o), vscode.TreeItemCollapsibleState.None);
    item.id = `story:${node.parent.id}:${o.path}#${o.index}`;
    item.description = `${KIND_TEXT[o.kind]} \u00B7 line ${o.startLine}`;
    item.tooltip = `${o.path}, article ${o.index}: ${o.title} (${KIND_TEXT[o.kind]}, line ${o.startLine})`;
    item.iconPath = new vscode.ThemeIcon(o.kind === 'original' ? 'note' : o.kind === 'exact' ? 'copy' : 'diff');
    item.accessibilityInformation = { label: `${KIND_TEXT[o.kind]}: article ${o.index} of ${o.path}, line ${o.startLine}` };
    item.command = { command: COLLECTION_CMD.openInCollection, title: 'Reveal', arguments: [{ path: o.path, line: o.startLine } satisfies PlaceArgs] };
    return item;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.listener.dispose();
    this.emitter.dispose();
  }
}
