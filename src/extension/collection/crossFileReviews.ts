// Reviews with their findings across files: the Reviewer's hook (review/reviewer.ts CrossFileHook).
// A review of a file of the collection comes back with its fingerprint: it goes into the index,
// and the file's own review gets its links into earlier files as findings (withCrossFileFindings).
// The in-file review is kept, so that when the index changes (another file edited, deleted,
// renamed, the build done) the files whose links may have changed are shown again without being
// reviewed again.
import * as vscode from 'vscode';
import { withCrossFileFindings } from '../../core/collection/crossFileFindings';
import type { FileFingerprint, FileStamp } from '../../core/collection/fingerprint';
import type { Review, ReviewOptions } from '../../core/model/types';
import type { CrossFileHook, Reviewer } from '../review/reviewer';
import type { WorkspaceIndex } from './workspaceIndex';

interface Kept {
  uri: vscode.Uri;
  text: string;
  /** The file's own review (without findings across files). */
  review: Review;
  fp: FileFingerprint;
  options: ReviewOptions;
}

export class CrossFileReviews implements CrossFileHook, vscode.Disposable {
  private readonly kept = new Map<string, Kept>();
  private readonly listener: vscode.Disposable;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly reviewer: Reviewer,
  ) {
    this.listener = index.onDidChange(paths => this.refresh(paths));
  }

  stampFor(uri: vscode.Uri): FileStamp | undefined {
    return this.index.stampFor(uri);
  }

  merge(uri: vscode.Uri, text: string, review: Review, fp: FileFingerprint | undefined, options: ReviewOptions): Review {
    if (!fp) return review;
    const kept: Kept = { uri, text, review, fp, options };
    this.kept.set(fp.path, kept);
    this.index.accept(uri, fp);
    return this.withLinks(kept);
  }

  /** The review of another text of a file (what Remove All would leave) with its findings across files; nothing is kept or shown. */
  asIf(text: string, review: Review, fp: FileFingerprint | undefined, options: ReviewOptions): Review {
    const links = fp ? this.index.linksAsIf(fp) : undefined;
    return fp && links ? withCrossFileFindings(review, text, fp, links, options) : review;
  }

  /** Shows again the files whose links may have changed (those with a kept review). */
  refresh(paths: readonly string[]): void {
    for (const path of paths) {
      const kept = this.kept.get(path);
      if (!kept) continue;
      const state = this.reviewer.get(kept.uri);
      if (!state || state.text !== kept.text) {
        // Reviewed again since (or forgotten): the next review keeps its own.
        if (!state) this.kept.delete(path);
        continue;
      }
      this.reviewer.republish(kept.uri, kept.text, this.withLinks(kept));
    }
  }

  private withLinks(kept: Kept): Review {
    // The index holds the fingerprint of another text of the file (read from disk since): no links for this text.
    if (this.index.get(kept.fp.path)?.contentHash !== kept.fp.contentHash) return kept.review;
    const links = this.index.linksFor(kept.fp.path);
    return links ? withCrossFileFindings(kept.review, kept.text, kept.fp, links, kept.options) : kept.review;
  }

  dispose(): void {
    this.listener.dispose();
    this.kept.clear();
  }
}
