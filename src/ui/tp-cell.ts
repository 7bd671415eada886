import { LitElement, css, html, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { codeThemeCss } from '../lessons/code-theme';
import type { CellSpec } from '../lessons/types';
import type { CheckResult, ExchangeRecord, RunEvent, RunResult } from '../runner/protocol';
import type { LessonSession } from './lesson-session';
import { ServicesController } from './services-context';
import { sharedStyles } from './shared-styles';
import { confirmAction } from './tp-confirm-dialog';
import type { OutputEntry } from './tp-cell-output';
import type { TpCodeEditor } from './tp-code-editor';
import './tp-cell-output';
import './tp-check-list';
import './tp-code-editor';
import './tp-network-log';

type Phase = 'idle' | 'queued' | 'running';

/** The modifier of the run shortcut as the learner's keyboard labels it. */
const MOD_KEY = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

/**
 * One notebook cell: the lesson's code (build-time highlighted at first, Monaco once the cell
 * is near the viewport or focused), a toolbar (Run cell / Stop / Reset cell, execution counter,
 * status), and the output of the last run. An exercise cell adds Check, hints and the solution.
 *
 * Keys: Ctrl/Cmd+Enter runs; Shift+Enter runs and moves to the next cell.
 *
 * @fires cell-run-finished - a run ended; detail `{ cellId, result }`
 * @fires exercise-passed - every check of the exercise passed; detail `{ cellId, lessonSlug }`
 * @csspart toolbar - the row of buttons above the code
 * @csspart output - the output area
 */
export class TpCell extends LitElement {
  static override styles = [
    sharedStyles,
    unsafeCSS(codeThemeCss),
    css`
      :host {
        display: block;
        margin: 1.25rem 0;
      }
      .cell {
        border: 1px solid var(--tp-border);
        border-radius: 8px;
        background: var(--tp-surface);
        overflow: clip;
      }
      .output.stale {
        opacity: 0.55;
      }
      .cell.running {
        border-color: var(--tp-accent);
      }
      .exercise-head {
        display: flex;
        align-items: center;
        gap: 0.6rem;
        padding: 0.6rem 0.75rem 0;
      }
      .exercise-head h3 {
        margin: 0;
        font-size: 1rem;
      }
      .badge {
        font-size: 0.75rem;
        font-weight: 600;
        border-radius: 999px;
        padding: 0.1rem 0.55rem;
        background: var(--tp-surface-2);
        color: var(--tp-muted);
      }
      .badge.passed {
        background: var(--tp-success-bg);
        color: var(--tp-success);
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem;
        padding: 0.5rem 0.75rem;
        border-bottom: 1px solid var(--tp-border);
      }
      .counter {
        font-family: var(--tp-font-mono);
        font-size: 0.8125rem;
        color: var(--tp-muted);
        min-width: 2.5em;
      }
      .run-status {
        margin-left: auto;
        font-size: 0.8125rem;
        color: var(--tp-muted);
      }
      .run-status.error,
      .run-status.timeout {
        color: var(--tp-danger);
      }
      .run-status.ok,
      .run-status.expected {
        color: var(--tp-success);
      }
      .code {
        position: relative;
        background: var(--tp-code-bg);
      }
      .preview {
        cursor: text;
        min-height: 4.5rem;
      }
      .preview .tp-code {
        border-radius: 0;
        background: transparent;
      }
      .preview:focus-visible {
        outline-offset: -3px;
      }
      tp-code-editor[hidden] {
        display: none;
      }
      .banner {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        padding: 0.5rem 0.75rem;
        background: var(--tp-warning-bg);
        font-size: 0.875rem;
        border-bottom: 1px solid var(--tp-border);
      }
      .banner p {
        margin: 0;
        flex: 1 1 16rem;
      }
      .output.has-content {
        border-top: 1px solid var(--tp-border);
      }
      tp-network-log,
      tp-check-list {
        padding: 0.35rem 0.75rem;
      }
      .exercise-tools {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        padding: 0.5rem 0.75rem;
        border-top: 1px solid var(--tp-border);
      }
      .hints {
        padding: 0 0.75rem 0.5rem;
        font-size: 0.9rem;
        line-height: 1.5;
      }
      .hint {
        border-left: 3px solid var(--tp-accent);
        padding: 0.1rem 0.75rem;
        margin: 0.5rem 0;
      }
      .hint-title {
        font-weight: 600;
        font-size: 0.8125rem;
        color: var(--tp-muted);
      }
      .kbd-hint {
        font-size: 0.75rem;
        color: var(--tp-muted);
      }
      @media (max-width: 720px) {
        .kbd-hint {
          display: none;
        }
      }
    `,
  ];

  static override properties = {
    cell: { attribute: false },
    session: { attribute: false },
    lessonSlug: { type: String, attribute: 'lesson-slug' },
    code: { state: true },
    phase: { state: true },
    result: { state: true },
    executionCount: { state: true },
    entries: { state: true },
    exchanges: { state: true },
    checks: { state: true },
    editorWanted: { state: true },
    editorReady: { state: true },
    undoText: { state: true },
    staleEdit: { state: true },
    hintsShown: { state: true },
    stashedCode: { state: true },
    passed: { state: true },
  };

  /** The cell as compiled from the lesson. */
  declare cell: CellSpec;
  declare session: LessonSession | undefined;
  declare lessonSlug: string;
  declare protected code: string;
  declare protected phase: Phase;
  declare protected result: RunResult | undefined;
  declare protected executionCount: number | undefined;
  declare protected entries: OutputEntry[];
  /** True from the start of a run until its first event: the output shown is the previous run's. */
  private staleOutput = false;
  declare protected exchanges: ExchangeRecord[];
  declare protected checks: CheckResult[] | undefined;
  declare protected editorWanted: boolean;
  declare protected editorReady: boolean;
  /** Text before the last "Reset cell" / "Use the new code", for Undo. */
  declare protected undoText: string | undefined;
  /** The saved edit was made against older lesson code (hash differs). */
  declare protected staleEdit: boolean;
  declare protected hintsShown: number;
  /** The learner's code while the solution is in the editor. */
  declare protected stashedCode: string | undefined;
  declare protected passed: boolean;

  private readonly servicesController = new ServicesController(this);
  /** Hash saved with edits: the old one while a stale edit is unresolved. */
  private saveHash = '';
  private loadedFor: { cell: CellSpec; dataRevision: number } | undefined;
  private unregister: (() => void) | undefined;
  private offSession: (() => void) | undefined;
  private visibilityObserver: IntersectionObserver | undefined;
  private focusEditorWhenReady = false;
  private lastRunWasCheck = false;

  constructor() {
    super();
    this.session = undefined;
    this.lessonSlug = '';
    this.code = '';
    this.phase = 'idle';
    this.result = undefined;
    this.executionCount = undefined;
    this.entries = [];
    this.exchanges = [];
    this.checks = undefined;
    this.editorWanted = false;
    this.editorReady = false;
    this.undoText = undefined;
    this.staleEdit = false;
    this.hintsShown = 0;
    this.stashedCode = undefined;
    this.passed = false;
    // Capture phase: these keys must not reach Monaco (which would insert a line).
    this.addEventListener('keydown', (event) => this.onKeydown(event), { capture: true });
  }

  private get services() {
    return this.servicesController.services;
  }

  private get number(): number {
    return this.session?.cellNumber(this.cell.id) ?? 0;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.watchVisibility();
    // Re-attached (e.g. moved in the DOM): register with the session again.
    if (this.hasUpdated && this.session) this.attachSession();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.services?.saver.flush();
    this.visibilityObserver?.disconnect();
    this.unregister?.();
    this.offSession?.();
    this.unregister = this.offSession = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    const services = this.services;
    if (services && this.cell && (this.loadedFor?.cell !== this.cell || this.loadedFor.dataRevision !== services.dataRevision)) {
      this.loadStartState();
    }
    if (changed.has('session')) this.attachSession();
  }

  /** Puts the saved edit (or the original code) in the cell. */
  private loadStartState() {
    const services = this.services!;
    const isReload = this.loadedFor?.cell === this.cell;
    this.loadedFor = { cell: this.cell, dataRevision: services.dataRevision };
    const state = services.store.startState(this.cell);
    const code = state.kind === 'original' ? this.cell.code : state.edit.code;
    this.staleEdit = state.kind === 'stale';
    this.saveHash = state.kind === 'stale' ? state.edit.codeHash : this.cell.codeHash;
    this.stashedCode = state.kind === 'original' ? undefined : state.edit.stashedCode;
    this.passed = services.store.passedExercises(this.lessonSlug).has(this.cell.id);
    if (isReload) {
      this.undoText = undefined;
      this.hintsShown = 0;
      this.checks = undefined;
    }
    this.setCode(code);
  }

  private attachSession() {
    this.unregister?.();
    this.offSession?.();
    this.unregister = this.offSession = undefined;
    const session = this.session;
    if (!session) return;
    this.unregister = session.register({
      cellId: this.cell.id,
      run: () => this.run(),
      focusEditor: () => this.focusEditor(),
      currentCode: () => this.currentCode(),
    });
    this.offSession = session.on((event) => {
      if (event.type === 'restarted') this.executionCount = undefined;
      // The "waiting for cell N" status depends on which cell runs.
      if (event.type === 'busy-changed' && this.phase === 'queued') this.requestUpdate();
    });
  }

  // ── Editor ───────────────────────────────────────────────────────────────

  private get editorElement(): TpCodeEditor | null {
    return this.renderRoot.querySelector('tp-code-editor');
  }

  private currentCode(): string {
    return this.editorElement?.ready ? this.editorElement.value : this.code;
  }

  /** Sets the text (as an undoable edit once Monaco is there). */
  private setCode(code: string) {
    this.code = code;
    const editor = this.editorElement;
    if (editor && editor.value !== code) editor.replaceValue(code);
  }

  /** Loads Monaco for this cell when it comes near the viewport, in idle time. */
  private watchVisibility() {
    if (this.editorWanted || typeof IntersectionObserver === 'undefined') return;
    this.visibilityObserver = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.visibilityObserver?.disconnect();
        const want = () => (this.editorWanted = true);
        if ('requestIdleCallback' in window) requestIdleCallback(want, { timeout: 4000 });
        else setTimeout(want, 1500);
      },
      { rootMargin: '200px 0px' },
    );
    this.visibilityObserver.observe(this);
  }

  /** Focus the editor, creating it first if needed (focus moves once it exists). */
  focusEditor() {
    if (this.editorReady) {
      this.editorElement?.focus();
      return;
    }
    this.focusEditorWhenReady = true;
    this.editorWanted = true;
    this.renderRoot.querySelector<HTMLElement>('.preview')?.focus();
  }

  private onPreviewActivated() {
    this.focusEditorWhenReady = true;
    this.editorWanted = true;
  }

  /** Whether the learner is still on this cell's code (focus must not jump from elsewhere). */
  private previewHasFocus(): boolean {
    const preview = this.renderRoot.querySelector('.preview');
    return preview !== null && (this.renderRoot as ShadowRoot).activeElement === preview;
  }

  private onEditorReady() {
    this.editorReady = true;
    const editor = this.editorElement;
    // Text set while Monaco loaded (e.g. Reset cell) wins over the initial code.
    if (editor && editor.value !== this.code) editor.replaceValue(this.code);
    if (this.focusEditorWhenReady) {
      this.focusEditorWhenReady = false;
      const moveFocus = this.previewHasFocus();
      if (moveFocus) void this.updateComplete.then(() => this.editorElement?.focus());
    }
  }

  private onEditorFailed(event: CustomEvent<{ message: string }>) {
    this.editorWanted = false;
    this.entries = [
      ...this.entries,
      { kind: 'notice', tone: 'warning', text: `The editor could not load (${event.detail.message}). Reload the page to try again.` },
    ];
  }

  private onCodeChanged(event: CustomEvent<{ code: string }>) {
    this.code = event.detail.code;
    const services = this.services;
    if (!services) return;
    if (this.code === this.cell.code && this.stashedCode === undefined) {
      services.saver.cancel(this.cell.id);
      services.store.discardEdit(this.cell.id);
    } else {
      services.saver.schedule(this.cell.id, this.code, this.saveHash);
    }
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

  // ── Running ──────────────────────────────────────────────────────────────

  /** Runs the cell ("Run cell"); `undefined` when the run was dropped before it started. */
  run(): Promise<RunResult | undefined> {
    return this.execute(false);
  }

  private async execute(withChecks: boolean): Promise<RunResult | undefined> {
    const session = this.session;
    if (!session) return undefined;
    this.services?.saver.flush();
    const code = this.currentCode();
    this.lastRunWasCheck = withChecks;
    this.phase = 'queued';
    // The previous output stays (dimmed) until this run reports something: clearing it at once would
    // re-lay out the page twice per run, which is most of a warm run's latency (see BENCHMARKS.md).
    this.staleOutput = true;
    if (withChecks) this.checks = [];
    this.result = undefined;
    let result: RunResult | undefined;
    try {
      result = await session.run(
        {
          cellId: this.cell.id,
          code,
          timeoutMs: this.cell.timeoutMs,
          checks: withChecks ? this.cell.exercise?.checks : undefined,
        },
        (event) => this.onRunEvent(event),
        () => (this.phase = 'running'),
      );
    } catch (error) {
      this.phase = 'idle';
      this.dropStaleOutput();
      const message = error instanceof Error ? error.message : String(error);
      this.entries = [
        ...this.entries,
        { kind: 'notice', tone: 'warning', text: `The sandbox could not start (${message}). Check your connection and try again.` },
      ];
      return undefined;
    }
    this.phase = 'idle';
    this.dropStaleOutput();
    if (!result) {
      this.entries = [...this.entries, { kind: 'notice', tone: 'info', text: 'Not run: the runtime was stopped or restarted before this cell’s turn.' }];
      return undefined;
    }
    this.finishRun(result, withChecks);
    return result;
  }

  /** Clears the previous run's output once the new run has something to show (or has ended). */
  private dropStaleOutput() {
    if (!this.staleOutput) return;
    this.staleOutput = false;
    this.entries = [];
    this.exchanges = [];
  }

  private onRunEvent(event: RunEvent) {
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
          index === -1
            ? [...this.exchanges, event.exchange]
            : this.exchanges.map((exchange, i) => (i === index ? event.exchange : exchange));
        break;
      }
      case 'check':
        this.checks = [...(this.checks ?? []), event.result];
        break;
    }
  }

  private isExpectedError(error: { name: string; message: string; apiErrorType?: string }): boolean {
    const expected = this.cell.expectError;
    if (!expected) return false;
    return [error.name, error.apiErrorType ?? '', error.message].some((text) => text.includes(expected));
  }

  private finishRun(result: RunResult, withChecks: boolean) {
    this.result = result;
    this.executionCount = result.status === 'timeout' || result.status === 'stopped' ? undefined : result.executionCount;
    const error = result.error;
    if (error && !this.entries.some((entry) => entry.kind === 'error' && entry.error.message === error.message)) {
      this.entries = [...this.entries, { kind: 'error', error, expected: this.isExpectedError(error) }];
    }
    if (result.status === 'timeout' && !this.entries.some((entry) => entry.kind === 'error' && entry.error.hint)) {
      const seconds = Math.round((this.cell.timeoutMs ?? 30_000) / 1000);
      this.entries = [
        ...this.entries,
        {
          kind: 'notice',
          tone: 'warning',
          text: `Timed out after ${seconds} s, so the cell was stopped. The runtime restarted: variables from earlier cells are gone — run the cells above again.`,
        },
      ];
    } else if (result.status === 'stopped') {
      this.entries = [
        ...this.entries,
        {
          kind: 'notice',
          tone: 'warning',
          text: 'Stopped. The runtime restarted: variables from earlier cells are gone — run the cells above again.',
        },
      ];
    }
    if (withChecks) {
      if (result.checks) this.checks = result.checks;
      const checks = this.checks ?? [];
      if (result.status === 'ok' && checks.length > 0 && checks.every((check) => check.passed)) this.markPassed();
    }
    void this.addDeclarationHints();
    this.dispatchEvent(
      new CustomEvent('cell-run-finished', { detail: { cellId: this.cell.id, result }, bubbles: true, composed: true }),
    );
  }

  /** For "x is not defined": point at the cell that declares x. */
  private async addDeclarationHints() {
    const session = this.session;
    if (!session) return;
    const entries = this.entries;
    const updated = await Promise.all(
      entries.map(async (entry) => {
        if (entry.kind !== 'error' || entry.error.name !== 'ReferenceError') return entry;
        const name = /^(\S+) is not defined/.exec(entry.error.message)?.[1];
        if (!name) return entry;
        const cellNumber = await session.declaringCell(name, this.cell.id).catch(() => undefined);
        if (cellNumber === undefined) return entry;
        return { ...entry, declaredIn: { name, cellNumber, above: cellNumber < this.number } };
      }),
    );
    if (this.entries === entries) this.entries = updated;
  }

  private markPassed() {
    if (!this.passed) {
      this.passed = true;
      this.services?.markPassed(this.lessonSlug, this.cell.id);
    }
    this.dispatchEvent(
      new CustomEvent('exercise-passed', { detail: { cellId: this.cell.id, lessonSlug: this.lessonSlug }, bubbles: true, composed: true }),
    );
  }

  private stop() {
    void this.session?.stop();
  }

  private runAbove() {
    void this.session?.runAll(this.cell.id);
  }

  // ── Reset, stale edits, solution ─────────────────────────────────────────

  private resetCell() {
    this.undoText = this.currentCode();
    this.services?.saver.cancel(this.cell.id);
    this.services?.store.discardEdit(this.cell.id);
    this.stashedCode = undefined;
    this.staleEdit = false;
    this.saveHash = this.cell.codeHash;
    this.setCode(this.cell.code);
  }

  private undoReset() {
    const text = this.undoText;
    if (text === undefined) return;
    this.undoText = undefined;
    this.setCode(text);
    this.services?.store.saveEdit(this.cell.id, text, this.cell.codeHash);
  }

  private useNewCode() {
    this.resetCell();
  }

  private keepMine() {
    this.services?.saver.flush();
    this.services?.store.keepEdit(this.cell);
    this.saveHash = this.cell.codeHash;
    this.staleEdit = false;
  }

  private revealHint() {
    this.hintsShown = Math.min(this.hintsShown + 1, this.cell.exercise?.hints.length ?? 0);
  }

  private async showSolution() {
    const exercise = this.cell.exercise;
    if (!exercise) return;
    const confirmed = await confirmAction({
      heading: 'Show the solution?',
      message: 'The reference solution replaces the code in the editor. Your code is kept: “Restore my code” brings it back.',
      confirmLabel: 'Show solution',
    });
    if (!confirmed) return;
    const mine = this.currentCode();
    this.services?.saver.cancel(this.cell.id);
    this.services?.store.stashCode(this.cell, mine, exercise.solution);
    this.stashedCode = mine;
    this.saveHash = this.cell.codeHash;
    this.staleEdit = false;
    this.setCode(exercise.solution);
  }

  private restoreMine() {
    this.services?.saver.cancel(this.cell.id);
    const restored = this.services?.store.restoreStash(this.cell) ?? this.stashedCode;
    this.stashedCode = undefined;
    if (restored !== undefined) this.setCode(restored);
  }

  // ── Rendering ────────────────────────────────────────────────────────────

  override render() {
    if (!this.cell) return nothing;
    const exercise = this.cell.exercise;
    const busy = this.phase !== 'idle';
    return html`<section
      class="cell ${this.phase === 'running' ? 'running' : ''}"
      aria-label=${exercise ? `Exercise: ${exercise.title}` : `Cell ${this.number}`}
    >
      ${exercise
        ? html`<div class="exercise-head">
            <h3>Exercise: ${exercise.title}</h3>
            <span class="badge ${this.passed ? 'passed' : ''}">${this.passed ? '✓ Passed' : 'Not passed yet'}</span>
          </div>`
        : nothing}
      <div class="toolbar" part="toolbar">
        <span class="counter" title="Execution count" aria-label=${this.counterLabel()}
          >[${this.phase === 'running' ? '*' : this.executionCount ?? ' '}]</span
        >
        <button class="primary" aria-label="Run cell" title=${`Run cell (${MOD_KEY}+Enter)`} @click=${() => void this.run()} ?disabled=${busy}>
          <span aria-hidden="true">▶</span> Run
        </button>
        ${busy ? html`<button @click=${this.stop} title="Stop this run (the runtime restarts)">■ Stop</button>` : nothing}
        ${this.currentCode() !== this.cell.code && this.stashedCode === undefined
          ? html`<button @click=${this.resetCell} title="Put the lesson's code back">Reset cell</button>`
          : nothing}
        ${this.undoText !== undefined ? html`<button @click=${this.undoReset}>Undo reset</button>` : nothing}
        <span class="kbd-hint" aria-hidden="true">${MOD_KEY}+Enter runs · Shift+Enter runs and moves on</span>
        <span class="run-status ${this.statusClass()}" role="status">${this.statusText()}</span>
      </div>
      ${this.staleEdit
        ? html`<div class="banner" role="region" aria-label="Lesson updated">
            <p>This lesson was updated since you edited this cell.</p>
            <button @click=${this.useNewCode}>Use the new code</button>
            <button @click=${this.keepMine}>Keep mine</button>
          </div>`
        : nothing}
      <div class="code">
        ${this.editorReady ? nothing : this.renderPreview()}
        ${this.editorWanted
          ? html`<tp-code-editor
              ?hidden=${!this.editorReady}
              cell-id=${this.cell.id}
              .code=${this.code}
              label=${`Code of ${exercise ? `exercise ${exercise.title}` : `cell ${this.number}`}. ${MOD_KEY}+Enter runs it. Ctrl+M switches Tab between indenting and moving focus.`}
              @editor-ready=${this.onEditorReady}
              @editor-failed=${this.onEditorFailed}
              @code-changed=${this.onCodeChanged}
            ></tp-code-editor>`
          : nothing}
      </div>
      ${exercise ? this.renderExerciseTools() : nothing}
      <div class="output ${this.hasOutput() ? 'has-content' : ''} ${this.staleOutput ? 'stale' : ''}" part="output">${this.renderOutput()}</div>
    </section>`;
  }

  private renderPreview() {
    // Build-time highlighted HTML (sanitized by the lesson compiler) for the lesson's own code;
    // an edit is shown as plain text.
    const content =
      this.code === this.cell.code
        ? unsafeHTML(this.cell.highlightedHtml)
        : html`<pre class="tp-code"><code>${this.code}</code></pre>`;
    return html`<div
      class="preview"
      tabindex="0"
      role="button"
      aria-label=${`Edit the code of cell ${this.number}`}
      @focus=${this.onPreviewActivated}
      @click=${this.onPreviewActivated}
    >
      ${content}
    </div>`;
  }

  private renderExerciseTools() {
    const exercise = this.cell.exercise!;
    const busy = this.phase !== 'idle';
    const hintsLeft = exercise.hints.length - this.hintsShown;
    return html`<div class="exercise-tools">
        <button class="primary" @click=${() => void this.execute(true)} ?disabled=${busy} title="Run your code, then the exercise's checks">Check</button>
        ${hintsLeft > 0
          ? html`<button @click=${this.revealHint}>${this.hintsShown === 0 ? 'Hint' : `Next hint (${this.hintsShown + 1} of ${exercise.hints.length})`}</button>`
          : nothing}
        ${this.stashedCode === undefined
          ? html`<button @click=${this.showSolution}>Show solution</button>`
          : html`<button @click=${this.restoreMine}>Restore my code</button>`}
      </div>
      ${this.hintsShown > 0
        ? html`<div class="hints" aria-live="polite">
            ${exercise.hints.slice(0, this.hintsShown).map(
              (hint, index) => html`<div class="hint">
                <div class="hint-title">Hint ${index + 1}</div>
                ${unsafeHTML(hint)}
              </div>`,
            )}
          </div>`
        : nothing}`;
  }

  private renderOutput() {
    const showChecks = this.lastRunWasCheck && this.checks !== undefined && this.checks.length > 0;
    // The log is always there (even empty) so screen readers announce what a run adds to it.
    return html`${showChecks ? html`<tp-check-list .checks=${this.checks ?? []}></tp-check-list>` : nothing}
      <tp-cell-output .entries=${this.entries} label=${`Output of cell ${this.number}`} @run-above-requested=${this.runAbove}></tp-cell-output>
      <tp-network-log .exchanges=${this.exchanges}></tp-network-log>`;
  }

  private hasOutput(): boolean {
    return this.entries.length > 0 || this.exchanges.length > 0 || (this.lastRunWasCheck && (this.checks?.length ?? 0) > 0);
  }

  private counterLabel(): string {
    if (this.phase === 'running') return 'Running';
    return this.executionCount === undefined ? 'Not run yet' : `Execution ${this.executionCount}`;
  }

  private statusClass(): string {
    if (this.phase !== 'idle' || !this.result) return '';
    if (this.result.status === 'error' && this.result.error && this.isExpectedError(this.result.error)) return 'expected';
    return this.result.status;
  }

  private statusText(): string {
    if (this.phase === 'queued') {
      const running = this.session?.runningCellId;
      return running ? `Waiting for cell ${this.session!.cellNumber(running)} to finish…` : 'Starting the runtime…';
    }
    if (this.phase === 'running') return 'Running…';
    const result = this.result;
    if (!result) return '';
    const time = result.durationMs < 1000 ? `${Math.round(result.durationMs)} ms` : `${(result.durationMs / 1000).toFixed(1)} s`;
    switch (result.status) {
      case 'ok':
        return this.cell.expectError ? `Finished in ${time}, but this cell was meant to fail` : `Done in ${time}`;
      case 'error':
        return result.error && this.isExpectedError(result.error) ? `Failed as expected (${time})` : `Error after ${time}`;
      case 'timeout':
        return 'Timed out — runtime restarted';
      case 'stopped':
        return 'Stopped — runtime restarted';
    }
  }
}

customElements.define('tp-cell', TpCell);

declare global {
  interface HTMLElementTagNameMap {
    'tp-cell': TpCell;
  }
}
