import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { ExchangeRecord } from '../runner/protocol';
import { formatDuration, parseSse, prettyBody } from './format-exchange';
import { sharedStyles } from './shared-styles';
import './tp-failure-explanation';

/**
 * The network inspector of a cell: every HTTP exchange the run made (method, URL, status,
 * duration; request and response headers and bodies; streamed responses as SSE events).
 * Collapsed by default, except that an API error or a failed request opens the log and its exchange at once,
 * with its plain-words explanation (tp-failure-explanation) above the raw bodies. All content is text.
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
      .body {
        padding: 0 0.25rem 0.5rem 1.25rem;
      }
      h4 {
        margin: 0.5rem 0 0.25rem;
        font-size: 0.75rem;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        color: var(--tp-muted);
      }
      pre {
        margin: 0;
        padding: 0.5rem;
        max-height: 24rem;
        overflow: auto;
        background: var(--tp-code-bg);
        border-radius: 4px;
        font-family: var(--tp-font-mono);
        font-size: 0.75rem;
        white-space: pre-wrap;
        word-break: break-word;
      }
      table {
        border-collapse: collapse;
        font-family: var(--tp-font-mono);
        font-size: 0.75rem;
      }
      th {
        text-align: left;
        font-weight: 500;
        color: var(--tp-syntax-key);
        padding-right: 1rem;
        vertical-align: top;
      }
      td {
        word-break: break-all;
      }
      .sse-event {
        margin: 0.25rem 0;
      }
      .sse-name {
        font-family: var(--tp-font-mono);
        font-weight: 600;
      }
      .error {
        color: var(--tp-danger);
      }
    `,
  ];

  /** Exchanges of the last run, in the order they started. */
  @property({ attribute: false }) exchanges: ExchangeRecord[] = [];

  override render() {
    if (this.exchanges.length === 0) return nothing;
    const count = this.exchanges.length;
    return html`<details class="log" ?open=${this.exchanges.some(failed)}>
      <summary part="summary">Network · ${count} ${count === 1 ? 'request' : 'requests'}</summary>
      <ol>
        ${this.exchanges.map((exchange) => html`<li>${this.renderExchange(exchange)}</li>`)}
      </ol>
    </details>`;
  }

  private renderExchange(exchange: ExchangeRecord) {
    const { request, response } = exchange;
    const status = response?.status;
    return html`<details class="exchange" ?open=${failed(exchange)}>
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
      <div class="body">
        ${exchange.error ? html`<p class="error">${exchange.error}</p>` : nothing}
        <tp-failure-explanation .exchange=${exchange}></tp-failure-explanation>
        <h4>Request headers</h4>
        ${headerTable(request.headers)}
        ${request.body ? html`<h4>Request body</h4><pre>${prettyBody(request.body)}</pre>` : nothing}
        ${response
          ? html`<h4>Response headers</h4>
              ${headerTable(response.headers)}
              <h4>Response body${response.streamed ? ' (server-sent events)' : ''}</h4>
              ${response.streamed ? sseEvents(response.body) : html`<pre>${prettyBody(response.body)}</pre>`}`
          : nothing}
      </div>
    </details>`;
  }
}

/** An API error status or a network failure: shown opened, with its explanation. */
function failed(exchange: ExchangeRecord): boolean {
  return exchange.error !== undefined || (exchange.response?.status ?? 0) >= 400;
}

function headerTable(headers: Record<string, string>) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return html`<p>(none)</p>`;
  return html`<table>
    <tbody>
      ${entries.map(([name, value]) => html`<tr><th scope="row">${name}</th><td>${value}</td></tr>`)}
    </tbody>
  </table>`;
}

function sseEvents(body: string) {
  const events = parseSse(body);
  if (events.length === 0) return html`<pre>${body}</pre>`;
  return html`<ol>
    ${events.map(
      (event, index) => html`<li class="sse-event">
        <details ?open=${events.length <= 3}>
          <summary><span class="sse-name">${index + 1}. ${event.event}</span></summary>
          <pre>${event.data}</pre>
        </details>
      </li>`,
    )}
  </ol>`;
}

customElements.define('tp-network-log', TpNetworkLog);

declare global {
  interface HTMLElementTagNameMap {
    'tp-network-log': TpNetworkLog;
  }
}
