import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ResponseTiming } from '../runner/protocol';
import { formatOffset, parseSse, prettyBody, streamMilestones, type SseEvent } from './format-exchange';
import { sharedStyles } from './shared-styles';

/** Rows rendered at first, and added per "Show more": a 2,000-event stream opens without rendering all of it. */
const PAGE = 200;

/**
 * The events of one streamed response, each with its time from the request's start, under a line with the
 * stream's time to first byte, first token and last event. Rendered only when its exchange is opened (see
 * tp-network-log); one compact row per event (the data pretty-printed only when the row is opened), and the
 * rows in pages of 200, so a long stream stays fast. All content is text.
 */
export class TpSseEvents extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .milestones {
        margin: 0 0 0.35rem;
        font-family: var(--tp-font-mono);
        font-size: 0.75rem;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      summary {
        cursor: pointer;
        font-family: var(--tp-font-mono);
        font-size: 0.75rem;
      }
      .offset {
        display: inline-block;
        min-width: 6.5rem;
        color: var(--tp-muted);
      }
      .name {
        font-weight: 600;
      }
      pre {
        margin: 0.15rem 0 0.35rem;
        padding: 0.5rem;
        max-height: 16rem;
        overflow: auto;
        background: var(--tp-code-bg);
        border-radius: 4px;
        font-family: var(--tp-font-mono);
        font-size: 0.75rem;
        white-space: pre-wrap;
        word-break: break-word;
      }
    `,
  ];

  /** The raw `text/event-stream` body recorded so far. */
  @property({ attribute: false }) body = '';
  @property({ attribute: false }) timing?: ResponseTiming;
  @state() private shown = PAGE;
  private parsedFrom?: string;
  private events: SseEvent[] = [];

  override render() {
    if (this.parsedFrom !== this.body) {
      this.events = parseSse(this.body, false);
      this.parsedFrom = this.body;
    }
    const events = this.events;
    if (events.length === 0) return html`<pre>${this.body}</pre>`;
    const offsets = this.timing?.eventOffsetsMs ?? [];
    const milestones = streamMilestones(events, this.timing);
    const part = (label: string, ms: number | undefined) => (ms === undefined ? nothing : html`<span>${label} ${formatOffset(ms)}</span> · `);
    const rest = events.length - this.shown;
    return html`<p class="milestones" aria-label="Stream timing">
        ${part('first byte', milestones.firstByteMs)}${part('first token', milestones.firstTokenMs)}${part('last event', milestones.lastEventMs)}<span
          >${milestones.eventCount} events</span
        >${this.timing?.untimedEvents ? html` (only the first ${offsets.length} timed)` : nothing}
      </p>
      <ol>
        ${events.slice(0, this.shown).map(
          (event, index) => html`<li class="sse-event">
            <details ?open=${events.length <= 3}>
              <summary
                ><span class="offset">${offsets[index] === undefined ? '' : formatOffset(offsets[index])}</span
                ><span class="name">${index + 1}. ${event.event}</span></summary
              >
              <pre>${prettyBody(event.data)}</pre>
            </details>
          </li>`,
        )}
      </ol>
      ${rest > 0 ? html`<button @click=${() => (this.shown += PAGE)}>Show ${Math.min(rest, PAGE)} more of ${rest}</button>` : nothing}`;
  }
}

customElements.define('tp-sse-events', TpSseEvents);

declare global {
  interface HTMLElementTagNameMap {
    'tp-sse-events': TpSseEvents;
  }
}
