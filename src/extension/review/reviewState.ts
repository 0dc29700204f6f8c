// What the extension keeps of a review and reports about it (types shared by the reviewer and the UI).
import * as vscode from 'vscode';
import { Review } from '../../core/model/types';
import { RangeConverter } from '../common/diagnostics';

export interface ReviewState {
  uri: vscode.Uri;
  /** Document version the review is for; -1 for a file reviewed from disk (not open). */
  version: number;
  /** The text that was reviewed. */
  text: string;
  review: Review;
  /** Converts the review's offsets to editor ranges (valid for `version`). */
  toRange: RangeConverter;
  /** Engine milliseconds (in the worker). */
  ms: number;
}

/** `cleared`: its problems were cleared (Clear Problems); `tooLarge`: reviewed only on demand. */
export type DocStatus = 'idle' | 'pending' | 'reviewed' | 'tooLarge' | 'failed' | 'cleared';

export interface ReviewTiming {
  file: string;
  characters: number;
  /** Engine time in the worker. */
  engineMs: number;
  /** From request to diagnostics published, including queueing and transfer. */
  totalMs: number;
}

/** The file name of a URI (for messages). */
export function basename(uri: vscode.Uri): string {
  const p = uri.path;
  return p.slice(p.lastIndexOf('/') + 1) || uri.toString();
}

export function findOpenDocument(uri: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find(d => d.uri.toString() === uri);
}
