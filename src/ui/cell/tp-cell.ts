import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { CellSpec } from '../../lessons/types';
import type { RunResult } from '../../runner/protocol';
import type { NotebookSession } from '../../session/notebook-session';
import { ServicesController } from '../services-context';
import '../tp-cell-output';
import { CellDraftController } from './cell-draft-controller';
import { CellEditorController } from './cell-editor-controller';
import { CellExerciseController } from './cell-exercise-controller';
import { CellRunController } from './cell-run-controller';
import { cellStyles } from './cell-styles';
import { MOD_KEY, renderToolbar } from './cell-toolbar';

/**
 * One notebook cell: the lesson's code (build-time highlighted at first, Monaco once the cell is near
 * the viewport or focused), a toolbar (Run cell / Stop / Reset cell, execution counter, status), and
 * the output of the last run. An exercise cell adds Check, hints and the solution. The element only
 * wires its controllers together: the code area (`CellEditorController`), the learner's draft and its
 * storage (`CellDraftController`), running through the lesson's session (`CellRunController`) and the
 * exercise tools (`CellExerciseController`).
 *
 * Keys: Ctrl/Cmd+Enter runs; Shift+Enter runs and moves to the next cell.
 *
 * @fires cell-run-finished - a run ended; detail `{ cellId, result }` (the benchmarks time runs by it)
 * @csspart toolbar - the row of buttons above the code
 * @csspart output - the output area
 */
export class TpCell extends LitElement {
  static override styles = cellStyles;

  /** The cell as compiled from the lesson. */
  @property({ attribute: false }) cell!: CellSpec;
  @property({ attribute: false }) session: NotebookSession | undefined;
  @property({ type: String, attribute: 'lesson-slug' }) lessonSlug = '';

  private readonly servicesController = new ServicesController(this);
  private readonly services = () => this.servicesController.services;
  private readonly editor = new CellEditorController(this);
  private readonly draft = new CellDraftController(this, this.services, {
    currentCode: () => this.currentCode(),
    showCode: (code) => this.editor.showCode(code),
  });
  private readonly exercise = new CellExerciseController(this, this.services);
  private readonly runs = new CellRunController(
    this,
    {
      cell: () => this.cell,
      session: () => this.session,
      currentCode: () => this.currentCode(),
      beforeRun: () => {
        this.draft.flush();
        loadRunViews();
      },
      checksPassed: () => this.exercise.markPassed(this.lessonSlug, this.cell),
      runFinished: (result) => this.runFinished(result),
      isLive: () => this.services()?.backend === 'live',
    },
    () => this.editor.focus(),
  );

  constructor() {
    super();
    // Capture phase: these keys must not reach Monaco (which would insert a line).
    this.addEventListener('keydown', (event) => this.onKeydown(event), { capture: true });
  }

  private get number(): number {
    return this.session?.cellNumber(this.cell.id) ?? 0;
  }

  /** The code in the editor now (or the draft while Monaco loads). */
  private currentCode(): string {
    return this.editor.currentCode(this.draft.code);
  }

  /** Focus the editor, creating it first if needed. */
  focusEditor(): void {
    this.editor.focus();
  }

  /** Runs the cell ("Run cell"); `undefined` when the run was dropped before it started. */
  run(): Promise<RunResult | undefined> {
    return this.runs.run(false);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (this.cell) {
      const loaded = this.draft.load(this.cell);
      if (loaded !== 'unchanged') this.exercise.load(this.lessonSlug, this.cell, loaded === 'reloaded');
      if (loaded === 'reloaded') this.runs.clearChecks();
    }
    if (changed.has('session')) this.runs.attach(this.session);
  }

  private runFinished(result: RunResult): void {
    this.dispatchEvent(new CustomEvent('cell-run-finished', { detail: { cellId: this.cell.id, result }, bubbles: true, composed: true }));
  }

  private onKeydown(event: KeyboardEvent) {
    if (event.key !== 'Enter' || event.altKey) return;
    const runOnly = (event.ctrlKey || event.metaKey) && !event.shiftKey;
    const runAndNext = event.shiftKey && !event.ctrlKey && !event.metaKey;
    if (!runOnly && !runAndNext) return;
    // Buttons keep their own Enter; the shortcuts belong to the code.
    const target = event.composedPath()[0];
    if (target instanceof HTMLButtonElement || target instanceof HTMLInputElement) return;
    event.preventDefault();
    event.stopPropagation();
    void this.run();
    if (runAndNext) this.session?.focusCellAfter(this.cell.id);
  }

  private readonly actions = {
    run: () => void this.run(),
    stop: () => void this.session?.stop(),
    reset: () => this.draft.reset(this.cell),
    undoReset: () => this.draft.undoReset(this.cell),
    runAbove: () => void this.session?.runAll(this.cell.id),
    check: () => void this.runs.run(true),
    showSolution: (solution: string) => this.draft.stashFor(this.cell, solution),
    restoreMine: () => this.draft.restoreStash(this.cell),
    useNewCode: () => this.draft.reset(this.cell),
    keepMine: () => this.draft.keepMine(this.cell),
  };

  override render() {
    if (!this.cell) return nothing;
    const { cell, runs, draft } = this;
    const exercise = cell.exercise;
    const running = this.session?.runningCellId;
    return html`<section
      class="cell ${runs.phase === 'running' ? 'running' : ''}"
      aria-label=${exercise ? `Exercise: ${exercise.title}` : `Cell ${this.number}`}
    >
      ${this.exercise.renderHead(cell)}
      ${renderToolbar(
        {
          phase: runs.phase,
          result: runs.result,
          executionCount: runs.executionCount,
          failedAsExpected: runs.result?.error !== undefined && runs.isExpectedError(runs.result.error),
          expectsError: cell.expectError !== undefined,
          waitingFor: running ? this.session?.cellNumber(running) : undefined,
          canReset: this.currentCode() !== cell.code && draft.stashedCode === undefined,
          canUndo: draft.undoText !== undefined,
        },
        this.actions,
      )}
      ${draft.staleEdit
        ? html`<div class="banner" role="region" aria-label="Lesson updated">
            <p>This lesson was updated since you edited this cell.</p>
            <button @click=${this.actions.useNewCode}>Use the new code</button>
            <button @click=${this.actions.keepMine}>Keep mine</button>
          </div>`
        : nothing}
      ${this.editor.render({
        cell,
        code: draft.code,
        label: `Code of ${exercise ? `exercise ${exercise.title}` : `cell ${this.number}`}. ${MOD_KEY}+Enter runs it. Ctrl+M switches Tab between indenting and moving focus.`,
        previewLabel: `Edit the code of cell ${this.number}`,
        onCodeChanged: (code) => this.draft.edited(cell, code),
        onEditorFailed: (message) =>
          runs.notice('warning', `The editor could not load (${message}). Reload the page to try again.`),
      })}
      ${this.exercise.renderTools(cell, runs.phase !== 'idle', draft.stashedCode !== undefined, this.actions)}
      ${this.renderOutput()}
    </section>`;
  }

  private renderOutput() {
    const { runs } = this;
    const checks = runs.lastRunWasCheck && runs.checks !== undefined && runs.checks.length > 0 ? runs.checks : undefined;
    const hasOutput = runs.entries.length > 0 || runs.exchanges.length > 0 || checks !== undefined;
    // The log is always there (even empty) so screen readers announce what a run adds to it.
    return html`<div class="output ${hasOutput ? 'has-content' : ''} ${runs.staleOutput ? 'stale' : ''}" part="output">
      ${checks ? html`<tp-check-list .checks=${checks}></tp-check-list>` : nothing}
      <tp-cell-output .entries=${runs.entries} label=${`Output of cell ${this.number}`} @run-above-requested=${this.actions.runAbove}></tp-cell-output>
      <tp-network-log .exchanges=${runs.exchanges}></tp-network-log>
    </div>`;
  }
}

let runViews: Promise<unknown> | undefined;

/**
 * The check list (with its line diff) and the network inspector (with its SSE parser) show only what a
 * run produced: their modules load with the first run, in parallel with it, not with the page.
 */
function loadRunViews(): void {
  runViews ??= Promise.all([import('../tp-check-list'), import('../tp-network-log')]).catch(() => (runViews = undefined));
}

customElements.define('tp-cell', TpCell);

declare global {
  interface HTMLElementTagNameMap {
    'tp-cell': TpCell;
  }
}
