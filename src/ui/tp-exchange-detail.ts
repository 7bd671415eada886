import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ExchangeRecord } from '../runner/protocol';
import { copyAsCurl, copyAsPython, copyAsTypeScript } from '../inspector/copy-exchange';
import { headerNotes } from '../inspector/header-notes';
import { exchangeUsage } from '../inspector/usage';
import { formatOffset, prettyBody } from './format-exchange';
import { sharedStyles } from './shared-styles';
import { usageLine } from './usage-line';
import './tp-failure-explanation';
import './tp-sse-events';

type CopyFormat = 'curl' | 'Python' | 'TypeScript' | 'response';

/**
 * One opened exchange of the network inspector: the failure and its plain-words explanation, copy buttons
 * (curl, Python, TypeScript: runnable with the learner's own `$ANTHROPIC_API_KEY`, never the key; and the raw
 * response), headers with those the cell did not set marked, bodies, token use with estimated cost, and a
 * stream's events with their timings. Only rendered while its exchange is open. All content is text.
 */
export class TpExchangeDetail extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
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
      .note {
        display: block;
        font-family: var(--tp-font-sans, inherit);
        color: var(--tp-muted);
        font-style: italic;
      }
      .copy {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
        align-items: center;
        margin: 0.35rem 0;
      }
      .copy button {
        font-size: 0.75rem;
        padding: 0.15rem 0.5rem;
      }
      .error {
        color: var(--tp-danger);
      }
      .usage,
      .timing {
        font-family: var(--tp-font-mono);
        font-size: 0.75rem;
        margin: 0.25rem 0;
      }
    `,
  ];

  @property({ attribute: false }) exchange?: ExchangeRecord;
  /** What the last copy button did, announced to screen readers; the text itself when the clipboard refused it. */
  @state() private copied?: { format: CopyFormat; text?: string };

  override render() {
    const exchange = this.exchange;
    if (!exchange) return nothing;
    const { request, response } = exchange;
    const notes = headerNotes(exchange);
    const usage = exchangeUsage(exchange);
    const timing = response?.timing;
    return html`${exchange.error ? html`<p class="error">${exchange.error}</p>` : nothing}
      <tp-failure-explanation .exchange=${exchange}></tp-failure-explanation>
      <div class="copy" role="group" aria-label="Copy this exchange">
        <button @click=${() => this.copy('curl')}>Copy as curl</button>
        ${copyAsPython(request) === undefined ? nothing : html`<button @click=${() => this.copy('Python')}>Copy as Python</button>`}
        ${copyAsTypeScript(request) === undefined ? nothing : html`<button @click=${() => this.copy('TypeScript')}>Copy as TypeScript</button>`}
        ${response ? html`<button @click=${() => this.copy('response')}>Copy response</button>` : nothing}
        <span role="status">${this.copied && this.copied.text === undefined ? `Copied ${this.copied.format}.` : ''}</span>
      </div>
      ${this.copied?.text !== undefined
        ? html`<p>The clipboard is not available here; select and copy:</p><pre class="copied-text">${this.copied.text}</pre>`
        : nothing}
      ${usage ? html`<p class="usage">${usageLine(usage.usage, usage.cost.total, usage.cost.cacheSavings)} <span class="note">(${usage.cost.basis})</span></p>` : nothing}
      ${timing && !response?.streamed && timing.firstByteMs !== undefined
        ? html`<p class="timing">headers ${formatOffset(timing.headersMs)} · first byte ${formatOffset(timing.firstByteMs)}</p>`
        : nothing}
      <h4>Request headers</h4>
      ${headerTable(request.headers, notes)}
      ${request.body ? html`<h4>Request body</h4><pre>${prettyBody(request.body)}</pre>` : nothing}
      ${response
        ? html`<h4>Response headers</h4>
            ${headerTable(response.headers, {})}
            <h4>Response body${response.streamed ? ' (server-sent events)' : ''}</h4>
            ${response.streamed
              ? html`<tp-sse-events .body=${response.body} .timing=${response.timing}></tp-sse-events>`
              : html`<pre>${prettyBody(response.body)}</pre>`}`
        : nothing}`;
  }

  private async copy(format: CopyFormat) {
    const exchange = this.exchange;
    if (!exchange) return;
    const text =
      format === 'curl'
        ? copyAsCurl(exchange.request)
        : format === 'Python'
          ? copyAsPython(exchange.request)
          : format === 'TypeScript'
            ? copyAsTypeScript(exchange.request)
            : (exchange.response?.body ?? '');
    if (text === undefined) return;
    try {
      await navigator.clipboard.writeText(text);
      this.copied = { format };
    } catch {
      this.copied = { format, text };
    }
  }
}

function headerTable(headers: Record<string, string>, notes: Record<string, string>) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return html`<p>(none)</p>`;
  return html`<table>
    <tbody>
      ${entries.map(
        ([name, value]) =>
          html`<tr>
            <th scope="row">${name}</th>
            <td>${value}${notes[name] ? html`<span class="note">${notes[name]}</span>` : nothing}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

customElements.define('tp-exchange-detail', TpExchangeDetail);

declare global {
  interface HTMLElementTagNameMap {
    'tp-exchange-detail': TpExchangeDetail;
  }
}
