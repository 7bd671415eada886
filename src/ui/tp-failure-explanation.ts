import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { ExchangeRecord } from '../runner/protocol';
import { explainFailure } from '../inspector/explain-error';
import { sharedStyles } from './shared-styles';

/**
 * The plain-words explanation of one failed exchange (an API error status or a network failure), shown
 * beside its raw body in the network inspector: title, meaning, the field the message names, the likely
 * cause, the fix, whether a retry helps, and the lesson that teaches it. Renders nothing for a success.
 * The words come from src/inspector/explain-error.ts; all content is text.
 */
export class TpFailureExplanation extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      section {
        margin: 0.5rem 0;
        padding: 0.5rem 0.75rem;
        border-left: 3px solid var(--tp-danger);
        background: var(--tp-surface-2);
        border-radius: 4px;
      }
      h4 {
        margin: 0 0 0.25rem;
        font-size: 0.8125rem;
        color: var(--tp-danger);
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.15rem 0.75rem;
        margin: 0;
      }
      dt {
        color: var(--tp-muted);
      }
      dd {
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) exchange?: ExchangeRecord;

  override render() {
    const exchange = this.exchange;
    if (!exchange) return nothing;
    const explanation = explainFailure({
      route: exchange.route,
      ...(exchange.error !== undefined ? { networkError: exchange.error, online: navigator.onLine } : {}),
      ...(exchange.response
        ? { status: exchange.response.status, body: exchange.response.body, headers: exchange.response.headers }
        : {}),
    });
    if (!explanation) return nothing;
    return html`<section aria-label="What this error means">
      <h4>${explanation.title}</h4>
      <dl>
        <dt>Meaning</dt>
        <dd>${explanation.meaning}</dd>
        ${explanation.field ? html`<dt>Field</dt><dd><code>${explanation.field}</code></dd>` : nothing}
        <dt>Likely cause</dt>
        <dd>${explanation.cause}</dd>
        <dt>Fix</dt>
        <dd>${explanation.fix}</dd>
        <dt>Retry</dt>
        <dd>${explanation.retry.advice}</dd>
        ${explanation.lesson
          ? html`<dt>Learn more</dt><dd><a href="#/${explanation.lesson.slug}">${explanation.lesson.label}</a></dd>`
          : nothing}
      </dl>
    </section>`;
  }
}

customElements.define('tp-failure-explanation', TpFailureExplanation);

declare global {
  interface HTMLElementTagNameMap {
    'tp-failure-explanation': TpFailureExplanation;
  }
}
