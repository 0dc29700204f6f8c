// The worker thread of a folder review (bundled as dist/cliWorker.js): reviews and fingerprints
// the files the main thread sends, one at a time (reviewTask.ts).
import { serveTasks } from '../node/poolWorker';
import { ReviewTask, TaskResult, runReviewTask, transferables } from './reviewTask';

serveTasks<ReviewTask, TaskResult>(runReviewTask, transferables);
