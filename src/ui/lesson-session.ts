/**
 * One open lesson's notebook: its runtime (prewarmed in idle time after the lesson painted, or
 * created by the first run; the emulator and msw load only with a cell's first request), the
 * order of its cells, and the verbs the cells and the lesson toolbar use — run (queued, one at a
 * time), run all / run all above, stop,
 * restart. Knows nothing about rendering.
 */
import type { CellSpec, CompiledLesson } from '../lessons/types';
import type { LessonRuntime } from '../runner/lesson-runtime';
import type { RunEvent, RunRequest, RunResult } from '../runner/protocol';
import type { PlaygroundServices } from './playground-services';

/** What the session needs from a rendered cell. */
export interface CellHandle {
  readonly cellId: string;
  /** Runs the cell as if the learner pressed "Run cell"; `undefined` when it did not run. */
  run(): Promise<RunResult | undefined>;
  focusEditor(): void;
  /** The code in the editor now. */
  currentCode(): string;
}

/** Longest wait for idle time before the runtime is prewarmed anyway. */
const PREWARM_IDLE_TIMEOUT_MS = 2_000;

export type SessionEvent =
  /** The sandbox was replaced (restart, stop, timeout): every binding and counter is gone. */
  | { type: 'restarted' }
  | { type: 'busy-changed'; runningCellId: string | undefined };

export class LessonSession {
  readonly slug: string;
  readonly cells: readonly CellSpec[];
  /** The cell running now, if any. */
  runningCellId: string | undefined;
  private runtime: Promise<LessonRuntime> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** Bumped by stop/restart: runs queued before that are dropped. */
  private generation = 0;
  private readonly handles = new Map<string, CellHandle>();
  private readonly listeners = new Set<(event: SessionEvent) => void>();
  private disposed = false;

  constructor(
    lesson: CompiledLesson,
    private readonly services: PlaygroundServices,
  ) {
    this.slug = lesson.meta.slug;
    this.cells = lesson.sections.flatMap((section) => (section.kind === 'cell' ? [section.cell] : []));
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

  /**
   * Starts the runtime ahead of the first run, so that run does not wait for the sandbox frame, the
   * worker runtime's download and a worker's start (~1 s cold). Waits for the first paint and then
   * for idle time, so the lesson text is never delayed; does nothing once the lesson was left.
   */
  prewarm(): void {
    const start = () => {
      if (!this.disposed) void this.getRuntime().catch(() => undefined);
    };
    const whenIdle = () => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: PREWARM_IDLE_TIMEOUT_MS });
      else setTimeout(start, 200);
    };
    // The frame after the next one has painted the lesson.
    requestAnimationFrame(() => setTimeout(whenIdle, 0));
  }

  private getRuntime(): Promise<LessonRuntime> {
    this.runtime ??= Promise.all([import('../runner/lesson-runtime'), this.services.apiBackend()]).then(
      ([{ createLessonRuntime }, api]) => createLessonRuntime({ lessonSlug: this.slug, api }),
    );
    // A failed load (e.g. offline) must not stick: the next run tries again.
    this.runtime.catch(() => (this.runtime = undefined));
    return this.runtime;
  }

  /**
   * Runs one request after any run already queued. `onStart` fires when it actually starts.
   * Resolves `undefined` when the run was dropped by a stop or restart before it started.
   */
  run(request: RunRequest, onEvent: (event: RunEvent) => void, onStart?: () => void): Promise<RunResult | undefined> {
    const generation = this.generation;
    const result = this.queue.then(async () => {
      if (generation !== this.generation || this.disposed) return undefined;
      const runtime = await this.getRuntime();
      this.runningCellId = request.cellId;
      this.emit({ type: 'busy-changed', runningCellId: request.cellId });
      onStart?.();
      try {
        const outcome = await runtime.run(request, onEvent);
        if (outcome.scopeLost || outcome.status === 'timeout' || outcome.status === 'stopped') {
          // The runtime replaced its sandbox to end the run: earlier cells' bindings are gone.
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

  /** Stops the running cell (the runtime restarts) and drops queued runs. */
  async stop(): Promise<void> {
    this.generation++;
    if (this.runtime) (await this.runtime).stop();
  }

  /** A fresh sandbox: bindings and execution counters reset. */
  async restart(): Promise<void> {
    this.generation++;
    if (this.runtime) await (await this.runtime).restart();
    this.emit({ type: 'restarted' });
  }

  /** Runs the cells in order (all, or those before `beforeCellId`); stops at the first that fails unexpectedly. */
  async runAll(beforeCellId?: string): Promise<void> {
    for (const cell of this.cells) {
      if (cell.id === beforeCellId) break;
      const handle = this.handles.get(cell.id);
      if (!handle) continue;
      const result = await handle.run();
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
    void this.runtime?.then((runtime) => runtime.dispose()).catch(() => undefined);
    this.runtime = undefined;
  }
}
