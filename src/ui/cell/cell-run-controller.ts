import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CellSpec } from '../../lessons/types';
import { DEFAULT_TIMEOUT_MS } from '../../runner/notebook-kernel';
import type { CheckResult, ExchangeRecord, RunEvent, RunResult, SerializedError } from '../../runner/protocol';
import { isEmulatorOnly, matchesExpectedError, type NotebookSession } from '../../session/notebook-session';
import type { OutputEntry } from '../tp-cell-output';

export type RunPhase = 'idle' | 'queued' | 'running';

/** What the run controller needs from its cell. */
export interface RunnableCell {
  cell(): CellSpec;
  session(): NotebookSession | undefined;
  /** The code to run (the editor's text now). */
  currentCode(): string;
  /** Called before a run starts: pending edits are saved first. */
  beforeRun(): void;
  /** Every check of an exercise passed. */
  checksPassed(): void;
  /** A run ended (after its output and checks were taken in). */
  runFinished(result: RunResult): void;
  /** Whether cells talk to the live API now (emulator-only cells are skipped then). */
  isLive(): boolean;
}

/**
 * Runs one cell through the lesson's notebook session and keeps what the cell shows about its runs:
 * the phase (queued, running), the last result and execution count, the output entries, the recorded
 * exchanges and the check results. Registers the cell with the session, so Run all and Shift+Enter
 * reach it.
 */
export class CellRunController implements ReactiveController {
  phase: RunPhase = 'idle';
  result: RunResult | undefined;
  executionCount: number | undefined;
  entries: OutputEntry[] = [];
  exchanges: ExchangeRecord[] = [];
  checks: CheckResult[] | undefined;
  /** True from the start of a run until its first event: the output shown is the previous run's. */
  staleOutput = false;
  /** The check list shows only after a Check run. */
  lastRunWasCheck = false;
  private attachedTo: NotebookSession | undefined;
  private detach: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly owner: RunnableCell,
    private readonly focusEditor: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Re-attached (e.g. moved in the DOM): register with the session again.
    if (this.attachedTo) this.attach(this.attachedTo);
  }

  hostDisconnected(): void {
    this.detach?.();
    this.detach = undefined;
  }

  /** Registers the cell with `session` (and leaves the previous one). */
  attach(session: NotebookSession | undefined): void {
    this.detach?.();
    this.detach = undefined;
    this.attachedTo = session;
    if (!session) return;
    const unregister = session.register({
      cellId: this.owner.cell().id,
      run: () => this.run(false),
      focusEditor: () => this.focusEditor(),
      currentCode: () => this.owner.currentCode(),
    });
    const off = session.on((event) => {
      if (event.type === 'restarted') this.set(() => (this.executionCount = undefined));
      // The "waiting for cell N" status depends on which cell runs.
      if (event.type === 'busy-changed' && this.phase === 'queued') this.host.requestUpdate();
    });
    this.detach = () => {
      unregister();
      off();
    };
  }

  /** Forgets the check results (the cell was reloaded from the store). */
  clearChecks(): void {
    this.set(() => (this.checks = undefined));
  }

  /** Adds a notice under the cell's output. */
  notice(tone: 'info' | 'warning', text: string): void {
    this.set(() => (this.entries = [...this.entries, { kind: 'notice', tone, text }]));
  }

  isExpectedError(error: SerializedError): boolean {
    const expected = this.owner.cell().expectError;
    return expected !== undefined && matchesExpectedError(error, expected);
  }

  /** Runs the cell (with the exercise's checks for "Check"); `undefined` when it did not run. */
  async run(withChecks: boolean): Promise<RunResult | undefined> {
    const cell = this.owner.cell();
    const session = this.owner.session();
    if (!session) return undefined;
    if (isEmulatorOnly(cell) && this.owner.isLive()) {
      this.set(() => {
        this.lastRunWasCheck = false;
        this.entries = [
          {
            kind: 'notice',
            tone: 'info',
            text: 'Skipped: this cell drives the emulator (playground.emulator), which the live API does not have. Switch back to the emulator in Settings to run it.',
          },
        ];
        this.exchanges = [];
      });
      return undefined;
    }
    this.owner.beforeRun();
    const code = this.owner.currentCode();
    this.set(() => {
      this.lastRunWasCheck = withChecks;
      this.phase = 'queued';
      // The previous output stays (dimmed) until this run reports something: clearing it at once would
      // re-lay out the page twice per run, which is most of a warm run's latency (see BENCHMARKS.md).
      this.staleOutput = true;
      if (withChecks) this.checks = [];
      this.result = undefined;
    });
    let result: RunResult | undefined;
    try {
      result = await session.run(
        { cellId: cell.id, code, timeoutMs: cell.timeoutMs, checks: withChecks ? cell.exercise?.checks : undefined },
        (event) => this.onRunEvent(event),
        () => this.set(() => (this.phase = 'running')),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.ended();
      this.notice('warning', `The sandbox could not start (${message}). Check your connection and try again.`);
      return undefined;
    }
    this.ended();
    if (!result) {
      this.notice('info', 'Not run: the runtime was stopped or restarted before this cell’s turn.');
      return undefined;
    }
    this.finish(result, withChecks);
    return result;
  }

  private ended(): void {
    this.set(() => {
      this.phase = 'idle';
      this.dropStaleOutput();
    });
  }

  /** Clears the previous run's output once the new run has something to show (or has ended). */
  private dropStaleOutput(): void {
    if (!this.staleOutput) return;
    this.staleOutput = false;
    this.entries = [];
    this.exchanges = [];
  }

  private onRunEvent(event: RunEvent): void {
    this.dropStaleOutput();
    switch (event.type) {
      case 'console':
        this.entries = [...this.entries, { kind: 'console', level: event.level, args: event.args }];
        break;
      case 'error':
        this.entries = [...this.entries, { kind: 'error', error: event.error, expected: this.isExpectedError(event.error) }];
        break;
      case 'truncated':
        this.entries = [...this.entries, { kind: 'truncated', droppedLines: event.droppedLines }];
        break;
      case 'exchange': {
        const index = this.exchanges.findIndex((exchange) => exchange.id === event.exchange.id);
        this.exchanges =
          index === -1 ? [...this.exchanges, event.exchange] : this.exchanges.map((exchange, i) => (i === index ? event.exchange : exchange));
        break;
      }
      case 'check':
        this.checks = [...(this.checks ?? []), event.result];
        break;
    }
    this.host.requestUpdate();
  }

  private finish(result: RunResult, withChecks: boolean): void {
    this.result = result;
    this.executionCount = result.status === 'timeout' || result.status === 'stopped' ? undefined : result.executionCount;
    const error = result.error;
    if (error && !this.entries.some((entry) => entry.kind === 'error' && entry.error.message === error.message)) {
      this.entries = [...this.entries, { kind: 'error', error, expected: this.isExpectedError(error) }];
    }
    const restarted = 'The runtime restarted: variables from earlier cells are gone — run the cells above again.';
    if (result.status === 'timeout' && !this.entries.some((entry) => entry.kind === 'error' && entry.error.hint)) {
      const seconds = Math.round((this.owner.cell().timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000);
      this.entries = [...this.entries, { kind: 'notice', tone: 'warning', text: `Timed out after ${seconds} s, so the cell was stopped. ${restarted}` }];
    } else if (result.status === 'stopped') {
      this.entries = [...this.entries, { kind: 'notice', tone: 'warning', text: `Stopped. ${restarted}` }];
    }
    if (withChecks) {
      if (result.checks) this.checks = result.checks;
      const checks = this.checks ?? [];
      if (result.status === 'ok' && checks.length > 0 && checks.every((check) => check.passed)) this.owner.checksPassed();
    }
    this.host.requestUpdate();
    void this.addDeclarationHints();
    this.owner.runFinished(result);
  }

  /** For "x is not defined": point at the cell that declares x. */
  private async addDeclarationHints(): Promise<void> {
    const cell = this.owner.cell();
    const session = this.owner.session();
    if (!session) return;
    const entries = this.entries;
    const number = session.cellNumber(cell.id);
    const updated = await Promise.all(
      entries.map(async (entry) => {
        if (entry.kind !== 'error' || entry.error.name !== 'ReferenceError') return entry;
        const name = /^(\S+) is not defined/.exec(entry.error.message)?.[1];
        if (!name) return entry;
        const cellNumber = await session.declaringCell(name, cell.id).catch(() => undefined);
        if (cellNumber === undefined) return entry;
        return { ...entry, declaredIn: { name, cellNumber, above: cellNumber < number } };
      }),
    );
    if (this.entries === entries) this.set(() => (this.entries = updated));
  }

  private set(change: () => void): void {
    change();
    this.host.requestUpdate();
  }
}
