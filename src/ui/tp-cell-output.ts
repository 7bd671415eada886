import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { RunEvent, SerializedError, SerializedValue } from '../runner/protocol';
import { sharedStyles } from './shared-styles';
import './tp-value-tree';

type ConsoleLevel = Extract<RunEvent, { type: 'console' }>['level'];

/** One line of a cell's output, in the order it happened. */
export type OutputEntry =
  | { kind: 'console'; level: ConsoleLevel; args: SerializedValue[] }
  | {
      kind: 'error';
      error: SerializedError;
      /** The cell is meant to fail this way (`expect-error`). */
      expected?: boolean;
      /** For a ReferenceError: the cell that declares the missing name. */
      declaredIn?: { name: string; cellNumber: number; above: boolean };
    }
  | { kind: 'truncated'; droppedLines: number }
  | { kind: 'notice'; tone: 'info' | 'warning'; text: string };

/**
 * The output of a cell run: console lines (objects as trees), errors with the learner's
 * line:column and hints, and notices (truncation, timeouts). An ARIA live log, text only.
 *
 * @fires run-above-requested - the learner asked to run every cell above this one
 * @csspart log - the log container
 */
export class TpCellOutput extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .log {
        font-family: var(--tp-font-mono);
        font-size: 0.8125rem;
        line-height: 1.45;
      }
      .line {
        display: flex;
        gap: 0.5rem;
        padding: 0.15rem 0.5rem;
        border-bottom: 1px solid var(--tp-border-faint);
        white-space: pre-wrap;
        word-break: break-word;
      }
      .line:last-child {
        border-bottom: none;
      }
      .args {
        display: flex;
        flex-wrap: wrap;
        gap: 0 0.6em;
        min-width: 0;
      }
      .level {
        flex: none;
        width: 1.1em;
        text-align: center;
      }
      .warn {
        background: var(--tp-warning-bg);
      }
      .error {
        background: var(--tp-danger-bg);
        color: var(--tp-danger);
      }
      .error.expected {
        background: var(--tp-surface-2);
        color: var(--tp-fg);
      }
      .error-body {
        display: flex;
        flex-direction: column;
        gap: 0.25rem;
        white-space: normal;
        min-width: 0;
      }
      .error-message {
        white-space: pre-wrap;
      }
      .error-title {
        font-weight: 600;
      }
      .where,
      .meta {
        color: var(--tp-muted);
        font-weight: normal;
      }
      .hint {
        color: var(--tp-fg);
        font-family: var(--tp-font-sans);
      }
      .notice {
        font-family: var(--tp-font-sans);
        color: var(--tp-muted);
      }
      .notice.warning {
        background: var(--tp-warning-bg);
        color: var(--tp-fg);
      }
      details summary {
        cursor: pointer;
        color: var(--tp-muted);
      }
      details pre {
        margin: 0.25rem 0 0;
        font-size: 0.75rem;
      }
    `,
  ];

  @property({ attribute: false }) entries: OutputEntry[] = [];
  /** Accessible name of the log, e.g. "Output of cell 2". */
  @property({ type: String }) label: string = 'Output';

  override render() {
    return html`<div part="log" class="log" role="log" aria-live="polite" aria-label=${this.label}>
      ${this.entries.map((entry) => this.renderEntry(entry))}
    </div>`;
  }

  private renderEntry(entry: OutputEntry) {
    switch (entry.kind) {
      case 'console':
        return html`<div class="line ${entry.level}">
          <span class="level" aria-hidden="true">${entry.level === 'warn' ? '⚠' : entry.level === 'error' ? '✖' : ''}</span>
          <span class="visually-hidden">${entry.level === 'warn' ? 'Warning:' : entry.level === 'error' ? 'Error:' : ''}</span>
          <span class="args"
            >${entry.args.map(
              // A lone object is opened one level: in a lesson, its fields are the point.
              (arg, index) => html`${index > 0 ? ' ' : ''}<tp-value-tree .value=${arg} .expanded=${entry.args.length === 1}></tp-value-tree>`,
            )}</span
          >
        </div>`;
      case 'error':
        return this.renderError(entry);
      case 'truncated':
        return html`<div class="line notice warning">
          Output truncated: ${entry.droppedLines} more ${entry.droppedLines === 1 ? 'line was' : 'lines were'} not shown.
        </div>`;
      case 'notice':
        return html`<div class="line notice ${entry.tone}">${entry.text}</div>`;
    }
  }

  private renderError(entry: Extract<OutputEntry, { kind: 'error' }>) {
    const { error } = entry;
    const where = error.line === undefined ? '' : `line ${error.line}${error.column === undefined ? '' : `:${error.column}`}`;
    const api = [error.status, error.apiErrorType].filter((part) => part !== undefined).join(' ');
    return html`<div class="line error ${entry.expected ? 'expected' : ''}">
      <span class="level" aria-hidden="true">${entry.expected ? '✓' : '✖'}</span>
      <div class="error-body">
        <span class="error-title"
          >${entry.expected ? html`<span class="meta">Failed as expected — </span>` : nothing}<span class="error-message"
            >${error.name}: ${error.message}</span
          >${where ? html` <span class="where">(${where})</span>` : nothing}</span
        >
        ${api ? html`<span class="meta">API error: ${api}</span>` : nothing}
        ${error.hint ? html`<span class="hint">${error.hint}</span>` : nothing}
        ${entry.declaredIn
          ? html`<span class="hint"
              ><code>${entry.declaredIn.name}</code> is defined in cell ${entry.declaredIn.cellNumber}${entry.declaredIn.above
                ? html` — <button class="link" @click=${this.requestRunAbove}>Run all above</button>`
                : ' (below this one): run it first.'}</span
            >`
          : nothing}
        ${error.stack
          ? html`<details>
              <summary>Stack trace</summary>
              <pre>${error.stack}</pre>
            </details>`
          : nothing}
      </div>
    </div>`;
  }

  private requestRunAbove() {
    this.dispatchEvent(new CustomEvent('run-above-requested', { bubbles: true, composed: true }));
  }
}

customElements.define('tp-cell-output', TpCellOutput);

declare global {
  interface HTMLElementTagNameMap {
    'tp-cell-output': TpCellOutput;
  }
}
