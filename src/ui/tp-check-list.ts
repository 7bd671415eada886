import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { CheckResult } from '../runner/protocol';
import { lineDiff } from './line-diff';
import { sharedStyles } from './shared-styles';

/**
 * Results of an exercise's checks: ✓/✗ per check, its message, and for a failed
 * comparison a line diff of expected vs actual.
 *
 * @csspart summary - the "n of m checks passed" line
 */
export class TpCheckList extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        font-size: 0.875rem;
      }
      .summary {
        font-weight: 600;
        margin: 0 0 0.35rem;
      }
      .summary.passed {
        color: var(--tp-success);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        padding: 0.3rem 0;
      }
      .mark {
        display: inline-block;
        width: 1.25em;
        font-weight: 700;
      }
      .passed .mark {
        color: var(--tp-success);
      }
      .failed .mark {
        color: var(--tp-danger);
      }
      .message {
        margin: 0.15rem 0 0 1.25em;
        white-space: pre-wrap;
        color: var(--tp-muted);
      }
      .diff {
        margin: 0.35rem 0 0 1.25em;
        padding: 0.4rem 0.5rem;
        background: var(--tp-code-bg);
        border-radius: 4px;
        font-family: var(--tp-font-mono);
        font-size: 0.75rem;
        overflow-x: auto;
      }
      .diff-legend {
        margin: 0 0 0.25rem;
        font-family: inherit;
        color: var(--tp-muted);
      }
      .line {
        white-space: pre;
        display: block;
      }
      .line.expected {
        background: var(--tp-diff-expected-bg);
      }
      .line.actual {
        background: var(--tp-diff-actual-bg);
      }
    `,
  ];

  @property({ attribute: false }) checks: CheckResult[] = [];

  override render() {
    if (this.checks.length === 0) return nothing;
    const passed = this.checks.filter((check) => check.passed).length;
    const allPassed = passed === this.checks.length;
    return html`<p part="summary" class="summary ${allPassed ? 'passed' : ''}">
        ${allPassed ? 'All checks passed.' : `${passed} of ${this.checks.length} checks passed.`}
      </p>
      <ul>
        ${this.checks.map(
          (check) => html`<li class=${check.passed ? 'passed' : 'failed'}>
            <span class="mark" aria-hidden="true">${check.passed ? '✓' : '✗'}</span>
            <span class="visually-hidden">${check.passed ? 'Passed:' : 'Failed:'}</span>
            <span class="name">${check.name}</span>
            ${check.message && !check.passed ? html`<div class="message">${check.message}</div>` : nothing}
            ${check.diff && !check.passed ? this.renderDiff(check.diff) : nothing}
          </li>`,
        )}
      </ul>`;
  }

  private renderDiff(diff: NonNullable<CheckResult['diff']>) {
    const lines = lineDiff(diff.expected, diff.actual);
    return html`<div class="diff" role="group" aria-label="Expected versus actual">
      <p class="diff-legend">− expected &nbsp; + actual</p>
      ${lines.map((line) => {
        const sign = line.kind === 'same' ? ' ' : line.kind === 'expected' ? '−' : '+';
        const label = line.kind === 'same' ? '' : line.kind === 'expected' ? 'expected' : 'actual';
        return html`<span class="line ${line.kind}" aria-label=${label ? `${label}: ${line.text}` : line.text}
          >${sign} ${line.text}</span
        >`;
      })}
    </div>`;
  }
}

customElements.define('tp-check-list', TpCheckList);

declare global {
  interface HTMLElementTagNameMap {
    'tp-check-list': TpCheckList;
  }
}
