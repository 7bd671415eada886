import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ExchangeRecord } from '../runner/protocol';
import { PRICE_TABLE_DATE, PRICE_TABLE_SOURCE } from '../inspector/pricing';
import { totalUsage } from '../inspector/usage';
import { formatDuration } from './format-exchange';
import { sharedStyles } from './shared-styles';
import { usageLine } from './usage-line';
import './tp-exchange-detail';

/**
 * The network inspector of a cell: every HTTP exchange the run made (method, URL, status, duration), and the
 * cell's token use and estimated cost. An exchange's details (tp-exchange-detail: headers, bodies, timings,
 * copies) are rendered only while it is open, so a closed log costs a row per exchange however long the
 * streams were. Collapsed by default, except that an API error or a failed request opens the log and its
 * exchange at once, with its plain-words explanation. All content is text.
 *
 * @csspart summary - the "Network" toggle
 */
export class TpNetworkLog extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        font-size: 0.8125rem;
      }
      details.log > summary {
        cursor: pointer;
        color: var(--tp-muted);
        padding: 0.25rem 0;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li + li {
        border-top: 1px solid var(--tp-border);
      }
      .exchange > summary {
        cursor: pointer;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: baseline;
        padding: 0.35rem 0.25rem;
        font-family: var(--tp-font-mono);
      }
      .method {
        font-weight: 600;
      }
      .url {
        word-break: break-all;
        flex: 1 1 12rem;
      }
      .http-status {
        font-weight: 600;
        padding: 0 0.35rem;
        border-radius: 4px;
        background: var(--tp-surface-2);
      }
      .http-status.ok {
        color: var(--tp-success);
      }
      .http-status.bad {
        color: var(--tp-danger);
      }
      .duration {
        color: var(--tp-muted);
      }
      .cell-usage {
        margin: 0.25rem 0;
        font-family: var(--tp-font-mono);
        font-size: 0.75rem;
      }
      .cell-usage a {
        color: var(--tp-muted);
      }
    `,
  ];

  /** Exchanges of the last run, in the order they started. */
  @property({ attribute: false }) exchanges: ExchangeRecord[] = [];
  /** Exchanges the learner opened or closed (by id); the rest follow the default (open when failed). */
  @state() private openChoice = new Map<string, boolean>();
  /** The learner opened or closed the log itself (undefined: the default, open when something failed). */
  @state() private logOpenChoice?: boolean;

  /** A new run (its first exchange differs) starts from the defaults again. */
  override willUpdate(changed: Map<PropertyKey, unknown>) {
    const before = changed.get('exchanges') as ExchangeRecord[] | undefined;
    if (before && before[0]?.id !== this.exchanges[0]?.id) {
      this.openChoice = new Map();
      this.logOpenChoice = undefined;
    }
  }

  override render() {
    if (this.exchanges.length === 0) return nothing;
    const count = this.exchanges.length;
    const open = this.logOpenChoice ?? this.exchanges.some(failed);
    // Summed only while the log is open: a closed log does no work per update of a streaming exchange.
    const total = open ? totalUsage(this.exchanges) : undefined;
    return html`<details class="log" ?open=${open} @toggle=${this.onLogToggle}>
      <summary part="summary">Network · ${count} ${count === 1 ? 'request' : 'requests'}</summary>
      ${total
        ? html`<p class="cell-usage" aria-label="Token use of this cell">
            This cell: ${usageLine(total.usage, total.cost, total.cacheSavings)}
            <a href=${PRICE_TABLE_SOURCE} target="_blank" rel="noopener noreferrer">prices of ${PRICE_TABLE_DATE}</a>
          </p>`
        : nothing}
      <ol>
        ${this.exchanges.map((exchange) => html`<li>${this.renderExchange(exchange)}</li>`)}
      </ol>
    </details>`;
  }

  private onLogToggle(event: Event) {
    if (event.target !== event.currentTarget) return; // an exchange's own toggle
    const open = (event.target as HTMLDetailsElement).open;
    if (open !== (this.logOpenChoice ?? this.exchanges.some(failed))) this.logOpenChoice = open;
  }

  private isOpen(exchange: ExchangeRecord): boolean {
    return this.openChoice.get(exchange.id) ?? failed(exchange);
  }

  private onToggle(exchange: ExchangeRecord, event: Event) {
    const open = (event.target as HTMLDetailsElement).open;
    if (open !== this.isOpen(exchange)) this.openChoice = new Map(this.openChoice).set(exchange.id, open);
  }

  private renderExchange(exchange: ExchangeRecord) {
    const { request, response } = exchange;
    const status = response?.status;
    const open = this.isOpen(exchange);
    return html`<details class="exchange" ?open=${open} @toggle=${(event: Event) => this.onToggle(exchange, event)}>
      <summary>
        <span class="method">${request.method}</span>
        <span class="url">${request.url}</span>
        ${status === undefined
          ? exchange.error
            ? html`<span class="http-status bad">failed</span>`
            : html`<span class="http-status">pending</span>`
          : html`<span class="http-status ${status < 400 ? 'ok' : 'bad'}">${status}</span>`}
        ${exchange.durationMs === undefined ? nothing : html`<span class="duration">${formatDuration(exchange.durationMs)}</span>`}
        ${exchange.route === 'live' ? html`<span class="duration">live</span>` : nothing}
      </summary>
      ${open ? html`<tp-exchange-detail .exchange=${exchange}></tp-exchange-detail>` : nothing}
    </details>`;
  }
}

/** An API error status or a network failure: shown opened, with its explanation. */
function failed(exchange: ExchangeRecord): boolean {
  return exchange.error !== undefined || (exchange.response?.status ?? 0) >= 400;
}

customElements.define('tp-network-log', TpNetworkLog);

declare global {
  interface HTMLElementTagNameMap {
    'tp-network-log': TpNetworkLog;
  }
}
