import { LitElement, css, html, nothing } from 'lit';
import type { FaultScenario } from '../backend';
import { ServicesController } from './services-context';
import { sharedStyles } from './shared-styles';

/** "rate_limit ×2, latency 2000 ms": what is queued, in the words of the scenarios a cell passes. */
export function describeFaults(pending: readonly FaultScenario[]): string {
  return pending
    .map((fault) => `${fault.kind}${fault.kind === 'latency' ? ` ${fault.ms} ms` : ''}${fault.count && fault.count > 1 ? ` ×${fault.count}` : ''}`)
    .join(', ');
}

/**
 * A bar above the lesson while the emulator has faults queued (a cell's `playground.emulator.inject` or the
 * emulator panel), so a failing request never looks unexplained; Clear drops them. Hidden when none are queued.
 * Faults also end with their lesson (PlaygroundServices.showingLesson; issue 14).
 */
export class TpPendingFaults extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .bar {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        flex-wrap: wrap;
        margin: 0 0 1rem;
        padding: 0.5rem 0.75rem;
        border: 1px solid var(--tp-border);
        border-left: 4px solid var(--tp-warning);
        background: var(--tp-warning-bg);
        border-radius: 6px;
        font-size: 0.875rem;
      }
      .bar p {
        margin: 0;
        flex: 1;
      }
    `,
  ];

  private readonly servicesController = new ServicesController(this);

  override render() {
    const services = this.servicesController.services;
    const pending = services?.backend === 'emulator' ? services.pendingFaults : [];
    return html`<div role="status">
      ${pending.length === 0
        ? nothing
        : html`<div class="bar">
            <p><strong>Emulator faults queued</strong> for the next requests: ${describeFaults(pending)}.</p>
            <button @click=${() => services?.clearPendingFaults()}>Clear faults</button>
          </div>`}
    </div>`;
  }
}

customElements.define('tp-pending-faults', TpPendingFaults);

declare global {
  interface HTMLElementTagNameMap {
    'tp-pending-faults': TpPendingFaults;
  }
}
