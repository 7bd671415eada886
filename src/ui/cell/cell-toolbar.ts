import { html, nothing } from 'lit';
import type { RunResult } from '../../runner/protocol';
import type { RunPhase } from './cell-run-controller';

/** The modifier of the run shortcut as the learner's keyboard labels it. */
export const MOD_KEY = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

export interface ToolbarView {
  phase: RunPhase;
  result: RunResult | undefined;
  executionCount: number | undefined;
  /** The last result's error was the one the cell expects (`expect-error`). */
  failedAsExpected: boolean;
  /** The cell expects an error but ran cleanly. */
  expectsError: boolean;
  /** "Waiting for cell N to finish…" while queued behind another cell; undefined while the kernel starts. */
  waitingFor: number | undefined;
  canReset: boolean;
  canUndo: boolean;
}

export interface ToolbarActions {
  run(): void;
  stop(): void;
  reset(): void;
  undoReset(): void;
}

/** The row above a cell's code: execution counter, Run / Stop / Reset cell / Undo reset, shortcut hint, run status. */
export function renderToolbar(view: ToolbarView, actions: ToolbarActions) {
  const busy = view.phase !== 'idle';
  return html`<div class="toolbar" part="toolbar">
    <span class="counter" title="Execution count" aria-label=${counterLabel(view)}
      >[${view.phase === 'running' ? '*' : view.executionCount ?? ' '}]</span
    >
    <button class="primary" aria-label="Run cell" title=${`Run cell (${MOD_KEY}+Enter)`} @click=${actions.run} ?disabled=${busy}>
      <span aria-hidden="true">▶</span> Run
    </button>
    ${busy ? html`<button @click=${actions.stop} title="Stop this run (the runtime restarts)">■ Stop</button>` : nothing}
    ${view.canReset ? html`<button @click=${actions.reset} title="Put the lesson's code back">Reset cell</button>` : nothing}
    ${view.canUndo ? html`<button @click=${actions.undoReset}>Undo reset</button>` : nothing}
    <span class="kbd-hint" aria-hidden="true">${MOD_KEY}+Enter runs · Shift+Enter runs and moves on</span>
    <span class="run-status ${statusClass(view)}" role="status">${statusText(view)}</span>
  </div>`;
}

function counterLabel(view: ToolbarView): string {
  if (view.phase === 'running') return 'Running';
  return view.executionCount === undefined ? 'Not run yet' : `Execution ${view.executionCount}`;
}

function statusClass(view: ToolbarView): string {
  if (view.phase !== 'idle' || !view.result) return '';
  if (view.result.status === 'error' && view.failedAsExpected) return 'expected';
  return view.result.status;
}

export function statusText(view: ToolbarView): string {
  if (view.phase === 'queued') {
    return view.waitingFor !== undefined ? `Waiting for cell ${view.waitingFor} to finish…` : 'Starting the runtime…';
  }
  if (view.phase === 'running') return 'Running…';
  const result = view.result;
  if (!result) return '';
  const time = result.durationMs < 1000 ? `${Math.round(result.durationMs)} ms` : `${(result.durationMs / 1000).toFixed(1)} s`;
  switch (result.status) {
    case 'ok':
      return view.expectsError ? `Finished in ${time}, but this cell was meant to fail` : `Done in ${time}`;
    case 'error':
      return view.failedAsExpected ? `Failed as expected (${time})` : `Error after ${time}`;
    case 'timeout':
      return 'Timed out — runtime restarted';
    case 'stopped':
      return 'Stopped — runtime restarted';
  }
}
