import type { RunEvent } from './protocol';
import { serializeValue } from './serialize';

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';
export const CONSOLE_LEVELS: readonly ConsoleLevel[] = ['log', 'info', 'warn', 'error', 'debug'];

export interface OutputLimits {
  /** Console lines kept per run; the rest are only counted. */
  maxLines: number;
  /** Lines per message to the page. */
  batchLines: number;
  /** How long a partial batch waits before it is sent. */
  flushMs: number;
}

export const DEFAULT_OUTPUT_LIMITS: OutputLimits = { maxLines: 5000, batchLines: 200, flushMs: 16 };

/** How often, in dropped lines, the running count is reported while a flood goes on. */
const DROPPED_REPORT_EVERY = 2000;

/**
 * Buffers a run's output and sends it in batches, so that a cell printing 100,000 lines costs the page
 * a few dozen messages: lines past `maxLines` are not even serialized, only counted.
 */
export class OutputBuffer {
  private runId = 0;
  private pending: RunEvent[] = [];
  private lines = 0;
  private dropped = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastFlushAt = -Infinity;

  constructor(
    private readonly send: (runId: number, events: RunEvent[], droppedLines: number) => void,
    private readonly limits: OutputLimits = DEFAULT_OUTPUT_LIMITS,
  ) {}

  /** Output from now on belongs to `runId` (late output of earlier cells too: the page routes it). */
  startRun(runId: number): void {
    this.flush();
    this.runId = runId;
    this.lines = 0;
    this.dropped = 0;
  }

  console(level: ConsoleLevel, args: readonly unknown[]): void {
    if (this.lines >= this.limits.maxLines) {
      this.dropped += 1;
      if (this.dropped % DROPPED_REPORT_EVERY === 1) this.flush();
      return;
    }
    this.lines += 1;
    this.push({ type: 'console', level, args: args.map((arg) => serializeValue(arg)) });
  }

  /** Errors and check results are never dropped. */
  event(event: RunEvent): void {
    this.push(event);
  }

  flush(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.pending.length === 0 && this.dropped === 0) return;
    const events = this.pending;
    this.pending = [];
    this.lastFlushAt = performance.now();
    this.send(this.runId, events, this.dropped);
  }

  private push(event: RunEvent): void {
    this.pending.push(event);
    // Leading edge: a line after a quiet spell goes out at once; lines that follow it are batched.
    const quiet = performance.now() - this.lastFlushAt >= this.limits.flushMs;
    if (this.pending.length >= this.limits.batchLines || (quiet && this.pending.length === 1)) this.flush();
    else if (this.timer === undefined) this.timer = setTimeout(() => this.flush(), this.limits.flushMs);
  }
}
