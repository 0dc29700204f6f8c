// The one state every view shows of a document (the squiggles follow the reviewer directly): the
// status bar, the Articles panel and the Map all read it here, so that they never tell different
// stories — e.g. "on demand" in one place and an old result in another.
import * as vscode from 'vscode';
import type { Reviewer } from './reviewer';
import { ReviewState, basename, findOpenDocument } from './reviewState';

/**
 * - `reviewing`: a review is running or scheduled (the last result, if any, is shown meanwhile);
 * - `reviewed`: the result matches the text;
 * - `stale`: the result is for an earlier version and no review is coming (the file is reviewed
 *   on demand or on save, or its size is above editorialReview.maxFileSize);
 * - `onDemand`: no result, and none until asked for (too large, or editorialReview.run is manual);
 * - `cleared`: Clear Problems removed its result;
 * - `failed`: the last review failed;
 * - `off`: the user turned its review off (editorialReview.ignoredFiles).
 */
export type Phase = 'reviewing' | 'reviewed' | 'stale' | 'onDemand' | 'cleared' | 'failed' | 'off';

export interface DocView {
  uri: vscode.Uri;
  phase: Phase;
  /** The result shown (for `stale` and `reviewing`, possibly for an earlier version). */
  state: ReviewState | undefined;
  /** One sentence saying the phase, for views with room for it; undefined when all is current. */
  note: string | undefined;
  /** The command a click on the state runs (review now, turn back on). */
  action: { command: string; title: string } | undefined;
}

/** A document's length in characters, without copying its text. */
export function documentLength(doc: vscode.TextDocument): number {
  return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
}

const REVIEW_NOW = { command: 'editorialReview.reviewFile', title: 'Review Now' };

export function docView(reviewer: Reviewer, uri: vscode.Uri): DocView {
  const name = basename(uri);
  const off = reviewer.turnedOffBy(uri);
  if (off !== undefined) {
    return {
      uri,
      phase: 'off',
      state: undefined,
      note: `Review is off for ${name} (editorialReview.ignoredFiles: ${off}).`,
      action: { command: 'editorialReview.turnOnForFile', title: 'Turn Review On for This File' },
    };
  }
  const doc = findOpenDocument(uri.toString());
  const state = reviewer.get(uri);
  const status = reviewer.status(uri);
  const settings = reviewer.settings(uri);
  const why =
    status.status === 'tooLarge' || (doc && documentLength(doc) > settings.maxFileSize)
      ? `it has more characters than editorialReview.maxFileSize (${settings.maxFileSize.toLocaleString('en')}) and is reviewed only on demand`
      : settings.run === 'manual'
        ? 'editorialReview.run is "manual": it is reviewed only on demand'
        : settings.run === 'onSave'
          ? 'editorialReview.run is "onSave": it is reviewed when saved'
          : 'it is reviewed again after the next edit';
  if (status.status === 'failed') {
    return { uri, phase: 'failed', state, note: `The review of ${name} failed: ${status.error?.split('\n')[0] ?? 'unknown error'}`, action: REVIEW_NOW };
  }
  if (reviewer.reviewComing(uri)) return { uri, phase: 'reviewing', state, note: state ? undefined : `Reviewing ${name}…`, action: undefined };
  if (state) {
    const current = !doc || state.version === -1 || state.version === doc.version;
    if (current) return { uri, phase: 'reviewed', state, note: undefined, action: undefined };
    return { uri, phase: 'stale', state, note: `These findings are for an earlier version of ${name}: ${why}.`, action: REVIEW_NOW };
  }
  if (status.status === 'cleared') {
    return { uri, phase: 'cleared', state: undefined, note: `Problems cleared: ${name} is not reviewed until you review it again or edit it.`, action: REVIEW_NOW };
  }
  return { uri, phase: 'onDemand', state: undefined, note: `${name} is not reviewed yet: ${why}.`, action: REVIEW_NOW };
}

/** What distinguishes two views of one document (a view redraws only when it changes). */
export function docViewKey(v: DocView | undefined): string {
  return v ? `${resultKey(v)}\n${v.phase}\n${v.note ?? ''}` : '';
}

/** Which result a view shows (the same result in another phase keeps its key). */
export function resultKey(v: DocView | undefined): string {
  return v ? `${v.uri.toString()}\n${v.state?.version ?? ''}\n${v.state ? reviewIdentity(v.state) : ''}` : '';
}

const identities = new WeakMap<object, number>();
let nextIdentity = 1;

/** A number per review object (a new result gets a new number). */
function reviewIdentity(state: ReviewState): number {
  let id = identities.get(state.review);
  if (id === undefined) {
    id = nextIdentity++;
    identities.set(state.review, id);
  }
  return id;
}
