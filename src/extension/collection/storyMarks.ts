// Where else an article's story appears: for each file and article, the other occurrences of its
// story in the collection (from CollectionIndex.stories, computed once per change of the index).
// What the Articles view marks ("also in day03.txt #5") and lists under the article.
import type { Story } from '../../core/collection/links';

export interface Elsewhere {
  /** The other file's name in the collection, and the article there (1-based). */
  path: string;
  index: number;
  /** 1-based first line of that article. */
  line: number;
  kind: 'original' | 'exact' | 'variant';
}

export class StoryMarks {
  private byFile: Map<string, Map<number, Elsewhere[]>> | undefined;

  constructor(private readonly stories: () => Story[]) {}

  /** The index changed: marks are computed again when next asked for. */
  invalidate(): void {
    this.byFile = undefined;
  }

  /** The occurrences of an article's story in other files (empty when none). */
  of(path: string, article: number): Elsewhere[] {
    this.byFile ??= marksOf(this.stories());
    return this.byFile.get(path)?.get(article) ?? [];
  }
}

export function marksOf(stories: readonly Story[]): Map<string, Map<number, Elsewhere[]>> {
  const out = new Map<string, Map<number, Elsewhere[]>>();
  for (const story of stories) {
    for (const here of story.occurrences) {
      const others = story.occurrences
        .filter(o => o.path !== here.path)
        .map(o => ({ path: o.path, index: o.index, line: o.startLine, kind: o.kind }));
      if (others.length === 0) continue;
      let file = out.get(here.path);
      if (!file) out.set(here.path, (file = new Map()));
      file.set(here.index, [...(file.get(here.index) ?? []), ...others]);
    }
  }
  return out;
}

/** "day03-blank.txt #5" (the file's own name, without its folders). */
export function placeLabel(e: { path: string; index: number }): string {
  return `${e.path.slice(e.path.lastIndexOf('/') + 1)} #${e.index}`;
}

/** "also in day03-blank.txt #5", "also in day03-blank.txt #5 and 2 more files". */
export function alsoInText(marks: readonly Elsewhere[]): string {
  if (marks.length === 0) return '';
  return `also in ${placeLabel(marks[0])}${marks.length > 1 ? ` and ${marks.length - 1} more` : ''}`;
}
