/**
 * What a notebook session runs cells on: the page's sandbox worker (`sandbox-kernel.ts`) or, in the
 * Node lesson harness, this process (`test/lessons/lesson-notebook.ts`). One run at a time: the
 * session (`src/session/notebook-session.ts`) queues them.
 */
import type { RunEvent, RunRequest, RunResult } from './protocol';

export interface NotebookKernel {
  /** Runs one cell; rejects when another run has not settled yet. */
  run(request: RunRequest, onEvent: (event: RunEvent) => void): Promise<RunResult>;
  /** Ends the running cell at once (status 'stopped'; the scope is lost where the kernel must be replaced for that). */
  stop(): void;
  /** Fresh scope, execution counter back to 0. */
  restart(): Promise<void>;
  dispose(): void;
}

/** Time limit of a run when its cell sets none. */
export const DEFAULT_TIMEOUT_MS = 30_000;
