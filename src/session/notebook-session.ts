/**
 * One lesson's notebook session: the order of its cells and the verbs cells and lesson tools use —
 * run (queued, one at a time), run all / run all above, stop, restart — over a kernel it creates on
 * first need. The page runs it over the sandbox worker (`src/runner/sandbox-kernel.ts`), the Node lesson
 * harness over the process itself (`test/lessons/lesson-notebook.ts`). Knows nothing about rendering.
 */
import type { CellSpec } from '../lessons/types';
import type { NotebookKernel } from '../runner/notebook-kernel';
import type { RunEvent, RunRequest, RunResult, SerializedError } from '../runner/protocol';

/** What the session needs from a rendered cell. */
export interface CellHandle {
  readonly cellId: string;
  /** Runs the cell as if the learner pressed "Run cell"; `undefined` when it did not run. */
  run(): Promise<RunResult | undefined>;
  focusEditor(): void;
  /** The code in the editor now. */
  currentCode(): string;
}

export type SessionEvent =
  /** The kernel was replaced (restart, stop, timeout): every binding and counter is gone. */
  | { type: 'restarted' }
  | { type: 'busy-changed'; runningCellId: string | undefined };

export interface NotebookSessionOptions {
  /** The lesson's cells, in order. */
  cells: readonly CellSpec[];
  /** Creates the kernel (on the first run, or ahead of it with `start()`); called again after a failure. */
  createKernel: () => Promise<NotebookKernel>;
  /** Whether cells reach the live API now: cells marked `emulator-only` are skipped by Run all then. */
  isLive?: () => boolean;
}

/** Cells whose code needs the emulator's controls (`playground.emulator`); the lesson fence says `emulator-only`. */
export function isEmulatorOnly(cell: CellSpec): boolean {
  return cell.emulatorOnly;
}

/** Whether an error matches a cell's `expect-error` text (its name, API error type or message contains it). */
export function matchesExpectedError(error: SerializedError, expected: string): boolean {
  return [error.name, error.apiErrorType ?? '', error.message].some((text) => text.includes(expected));
}

export class NotebookSession {
  readonly cells: readonly CellSpec[];
  /** The cell running now, if any. */
  runningCellId: string | undefined;
  private kernel: Promise<NotebookKernel> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** Bumped by stop/restart: runs queued before that are dropped. */
  private generation = 0;
  private readonly handles = new Map<string, CellHandle>();
  private readonly listeners = new Set<(event: SessionEvent) => void>();
  private disposed = false;

  constructor(private readonly options: NotebookSessionOptions) {
    this.cells = options.cells;
  }

  on(listener: (event: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: SessionEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  register(handle: CellHandle): () => void {
    this.handles.set(handle.cellId, handle);
    return () => {
      if (this.handles.get(handle.cellId) === handle) this.handles.delete(handle.cellId);
    };
  }

  /** 1-based position of a cell in the lesson. */
  cellNumber(cellId: string): number {
    return this.cells.findIndex((cell) => cell.id === cellId) + 1;
  }

  /** Creates the kernel ahead of the first run (the page does this in idle time after the lesson painted). */
  start(): void {
    if (!this.disposed) void this.getKernel().catch(() => undefined);
  }

  private getKernel(): Promise<NotebookKernel> {
    if (!this.kernel) {
      this.kernel = this.options.createKernel();
      // A failed load (e.g. offline) must not stick: the next run tries again.
      this.kernel.catch(() => (this.kernel = undefined));
    }
    return this.kernel;
  }

  /**
   * Runs one request after any run already queued. `onStart` fires when it actually starts.
   * Resolves `undefined` when the run was dropped by a stop or restart before it started.
   */
  run(request: RunRequest, onEvent: (event: RunEvent) => void, onStart?: () => void): Promise<RunResult | undefined> {
    const generation = this.generation;
    const result = this.queue.then(async () => {
      if (generation !== this.generation || this.disposed) return undefined;
      const kernel = await this.getKernel();
      this.runningCellId = request.cellId;
      this.emit({ type: 'busy-changed', runningCellId: request.cellId });
      onStart?.();
      try {
        const outcome = await kernel.run(request, onEvent);
        if (outcome.scopeLost || outcome.status === 'timeout' || outcome.status === 'stopped') {
          // The kernel replaced its sandbox to end the run: earlier cells' bindings are gone.
          this.generation++;
          this.emit({ type: 'restarted' });
        }
        return outcome;
      } finally {
        this.runningCellId = undefined;
        this.emit({ type: 'busy-changed', runningCellId: undefined });
      }
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Stops the running cell (the kernel restarts) and drops queued runs. */
  async stop(): Promise<void> {
    this.generation++;
    if (this.kernel) (await this.kernel).stop();
  }

  /** A fresh kernel scope: bindings and execution counters reset. */
  async restart(): Promise<void> {
    this.generation++;
    if (this.kernel) await (await this.kernel).restart();
    this.emit({ type: 'restarted' });
  }

  /**
   * Runs the cells in order (all, or those before `beforeCellId`); stops at the first that fails
   * unexpectedly. Emulator-only cells are passed over in live mode (each shows why).
   */
  async runAll(beforeCellId?: string): Promise<void> {
    for (const cell of this.cells) {
      if (cell.id === beforeCellId) break;
      const handle = this.handles.get(cell.id);
      if (!handle) continue;
      const result = await handle.run();
      if (isEmulatorOnly(cell) && this.options.isLive?.()) continue;
      if (!result) return;
      if (result.status !== 'ok' && !(result.status === 'error' && cell.expectError)) return;
    }
  }

  /** Moves focus to the cell after `cellId` (Shift+Enter). */
  focusCellAfter(cellId: string): void {
    const index = this.cells.findIndex((cell) => cell.id === cellId);
    const next = this.cells[index + 1];
    if (next) this.handles.get(next.id)?.focusEditor();
  }

  /**
   * The cell (1-based number) that declares `name` at top level, preferring the nearest one
   * above `cellId`. Parses lazily: the parser is only loaded after a ReferenceError.
   */
  async declaringCell(name: string, cellId: string): Promise<number | undefined> {
    const { topLevelDeclarations } = await import('../runner/declarations');
    const index = this.cells.findIndex((cell) => cell.id === cellId);
    const code = (cell: CellSpec) => this.handles.get(cell.id)?.currentCode() ?? cell.code;
    const declares = (cell: CellSpec) => topLevelDeclarations(code(cell)).includes(name);
    for (let i = index - 1; i >= 0; i--) if (declares(this.cells[i]!)) return i + 1;
    for (let i = index + 1; i < this.cells.length; i++) if (declares(this.cells[i]!)) return i + 1;
    return undefined;
  }

  dispose(): void {
    this.disposed = true;
    this.generation++;
    this.listeners.clear();
    void this.kernel?.then((kernel) => kernel.dispose()).catch(() => undefined);
    this.kernel = undefined;
  }
}
