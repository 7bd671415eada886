import { html, nothing, type ReactiveControllerHost } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { CellSpec } from '../../lessons/types';
import type { PlaygroundServices } from '../playground-services';
import { confirmAction } from '../tp-confirm-dialog';

export interface ExerciseActions {
  check(): void;
  /** The learner confirmed "Show solution": put `solution` in the editor, keeping their code. */
  showSolution(solution: string): void;
  restoreMine(): void;
}

/**
 * The exercise part of a cell: the title with its passed badge, Check, hints revealed one at a time,
 * and Show solution / Restore my code. Progress (passed) is kept in the store through the services.
 * It has no lifecycle of its own (the cell loads it with the draft), so it is not registered with the host.
 */
export class CellExerciseController {
  passed = false;
  hintsShown = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly services: () => PlaygroundServices | undefined,
  ) {}

  /** Reads the passed mark from the store; a reload (stored data cleared) also hides the hints again. */
  load(lessonSlug: string, cell: CellSpec, reload: boolean): void {
    this.passed = this.services()?.store.passedExercises(lessonSlug).has(cell.id) ?? false;
    if (reload) this.hintsShown = 0;
    this.host.requestUpdate();
  }

  /** Every check passed: remember it (once). */
  markPassed(lessonSlug: string, cell: CellSpec): void {
    if (this.passed) return;
    this.passed = true;
    this.services()?.markPassed(lessonSlug, cell.id);
    this.host.requestUpdate();
  }

  private revealHint(cell: CellSpec): void {
    this.hintsShown = Math.min(this.hintsShown + 1, cell.exercise?.hints.length ?? 0);
    this.host.requestUpdate();
  }

  private async confirmSolution(solution: string, actions: ExerciseActions): Promise<void> {
    const confirmed = await confirmAction({
      heading: 'Show the solution?',
      message: 'The reference solution replaces the code in the editor. Your code is kept: “Restore my code” brings it back.',
      confirmLabel: 'Show solution',
    });
    if (confirmed) actions.showSolution(solution);
  }

  renderHead(cell: CellSpec) {
    const exercise = cell.exercise;
    if (!exercise) return nothing;
    return html`<div class="exercise-head">
      <h3>Exercise: ${exercise.title}</h3>
      <span class="badge ${this.passed ? 'passed' : ''}">${this.passed ? '✓ Passed' : 'Not passed yet'}</span>
    </div>`;
  }

  renderTools(cell: CellSpec, busy: boolean, solutionShown: boolean, actions: ExerciseActions) {
    const exercise = cell.exercise;
    if (!exercise) return nothing;
    const hintsLeft = exercise.hints.length - this.hintsShown;
    return html`<div class="exercise-tools">
        <button class="primary" @click=${actions.check} ?disabled=${busy} title="Run your code, then the exercise's checks">Check</button>
        ${hintsLeft > 0
          ? html`<button @click=${() => this.revealHint(cell)}>${this.hintsShown === 0 ? 'Hint' : `Next hint (${this.hintsShown + 1} of ${exercise.hints.length})`}</button>`
          : nothing}
        ${solutionShown
          ? html`<button @click=${actions.restoreMine}>Restore my code</button>`
          : html`<button @click=${() => void this.confirmSolution(exercise.solution, actions)}>Show solution</button>`}
      </div>
      ${this.hintsShown > 0
        ? html`<div class="hints" aria-live="polite">
            ${exercise.hints.slice(0, this.hintsShown).map(
              // Build-time HTML: the lesson compiler sanitizes hints like the prose.
              (hint, index) => html`<div class="hint">
                <div class="hint-title">Hint ${index + 1}</div>
                ${unsafeHTML(hint)}
              </div>`,
            )}
          </div>`
        : nothing}`;
  }
}
