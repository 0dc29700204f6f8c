// The worker thread of a folder review (bundled as dist/cliWorker.js): reviews and fingerprints
// the files the main thread sends, one at a time, and makes the part of the report of those whose
// review it keeps once the main thread sends their links (reviewTask.ts).
import { serveTasks } from '../node/poolWorker';
import { FinishRequest, FinishedFile, ReviewTask, TaskResult, finishKept, runKeptReviewTask, transferables } from './reviewTask';

serveTasks<ReviewTask, TaskResult, FinishedFile | null>(runKeptReviewTask, transferables, message => finishKept(message as FinishRequest));
