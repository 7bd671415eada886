import { LitElement, css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { FaultScenario, PacingChoice } from '../backend';
import { ServicesController } from './services-context';
import { sharedStyles } from './shared-styles';
import { describeFaults } from './tp-pending-faults';

interface FaultButton {
  label: string;
  description: string;
  scenario: (count: number) => FaultScenario;
}

const FAULTS: FaultButton[] = [
  {
    label: 'Rate limit (429)',
    description: 'rate_limit_error with a retry-after header',
    scenario: (count) => ({ kind: 'rate_limit', count, retryAfterSeconds: 2 }),
  },
  { label: 'Overloaded (529)', description: 'overloaded_error', scenario: (count) => ({ kind: 'overloaded', count }) },
  { label: 'Server error (500)', description: 'api_error', scenario: (count) => ({ kind: 'api_error', count }) },
  { label: 'Forbidden (403)', description: 'permission_error', scenario: (count) => ({ kind: 'permission', count }) },
  {
    label: 'Error mid-stream',
    description: 'a stream that fails with an error event after a few events',
    scenario: (count) => ({ kind: 'stream_error', count, afterEvents: 5 }),
  },
  { label: 'Latency +2 s', description: 'answers 2 seconds late', scenario: (count) => ({ kind: 'latency', count, ms: 2000 }) },
];

/**
 * Controls of the API emulator: make the next N requests fail like the real API can,
 * choose stream pacing, reset its state. Disabled in live mode.
 *
 */
export class TpEmulatorPanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      fieldset {
        border: 1px solid var(--tp-border);
        border-radius: 8px;
        padding: 0.75rem;
        margin: 0 0 0.75rem;
      }
      legend {
        font-weight: 600;
        padding: 0 0.25rem;
      }
      .faults {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        margin-top: 0.5rem;
      }
      label {
        font-size: 0.875rem;
      }
      input[type='number'] {
        width: 4.5rem;
        font: inherit;
        padding: 0.2rem 0.35rem;
        border: 1px solid var(--tp-border);
        border-radius: 4px;
        background: var(--tp-bg);
        color: var(--tp-fg);
      }
      .pending {
        margin: 0.5rem 0 0;
        font-size: 0.8125rem;
        color: var(--tp-muted);
      }
      .row {
        display: flex;
        gap: 1rem;
        flex-wrap: wrap;
      }
      .note {
        font-size: 0.875rem;
        color: var(--tp-muted);
        margin: 0 0 0.75rem;
      }
    `,
  ];

  @state() protected count = 1;
  /** The backend starts instant when the page URL says `?pacing=instant` (tests, demos). */
  @state() protected pacing: PacingChoice = new URLSearchParams(location.search).get('pacing') === 'instant' ? 'instant' : 'realistic';
  @state() protected status = '';
  private readonly servicesController = new ServicesController(this);

  override render() {
    const live = this.servicesController.services?.backend === 'live';
    // Kept current by the emulator itself (PlaygroundServices watches it): cells queue faults too.
    const pending = this.servicesController.services?.pendingFaults ?? [];
    return html`${live
        ? html`<p class="note">Cells talk to the live API now; these controls apply to the emulator only.</p>`
        : nothing}
      <fieldset ?disabled=${live}>
        <legend>Inject faults</legend>
        <label>Affect the next <input type="number" min="1" max="20" .value=${String(this.count)} @change=${this.onCount} /> request(s)</label>
        <div class="faults">
          ${FAULTS.map(
            (fault) => html`<button title=${fault.description} @click=${() => void this.inject(fault)}>${fault.label}</button>`,
          )}
        </div>
        <p class="pending" role="status">
          ${pending.length === 0 ? 'No faults pending.' : `Pending: ${describeFaults(pending)}. Opening another lesson clears them.`}
        </p>
        ${pending.length > 0 ? html`<button @click=${this.clearFaults}>Clear pending faults</button>` : nothing}
      </fieldset>
      <fieldset ?disabled=${live}>
        <legend>Stream pacing</legend>
        <div class="row">
          <label><input type="radio" name="pacing" value="realistic" .checked=${this.pacing === 'realistic'} @change=${() => void this.setPacing('realistic')} /> Realistic</label>
          <label><input type="radio" name="pacing" value="instant" .checked=${this.pacing === 'instant'} @change=${() => void this.setPacing('instant')} /> Instant</label>
        </div>
      </fieldset>
      <button ?disabled=${live} @click=${this.reset}>Reset emulator</button>
      <span class="pending" role="status">${this.status}</span>`;
  }

  private onCount(event: Event) {
    const value = Number((event.target as HTMLInputElement).value);
    this.count = Number.isInteger(value) && value >= 1 ? Math.min(value, 20) : 1;
  }

  private async emulator() {
    const services = this.servicesController.services;
    if (!services) throw new Error('The playground is not ready yet.');
    return (await services.apiBackend()).emulator();
  }

  private async act(action: () => Promise<string>) {
    try {
      this.status = await action();
    } catch (error) {
      this.status = `Could not change the emulator: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private inject(fault: FaultButton) {
    return this.act(async () => {
      (await this.emulator()).inject(fault.scenario(this.count));
      return `${fault.label} injected for the next ${this.count} request(s).`;
    });
  }

  private clearFaults() {
    return this.act(async () => {
      (await this.emulator()).clearFaults();
      return 'Pending faults cleared.';
    });
  }

  private setPacing(pacing: PacingChoice) {
    this.pacing = pacing;
    return this.act(async () => {
      (await this.emulator()).setPacing(pacing);
      return pacing === 'instant' ? 'Streams now arrive at once.' : 'Streams now arrive at a realistic pace.';
    });
  }

  private reset() {
    return this.act(async () => {
      (await this.emulator()).reset();
      this.pacing = 'realistic';
      return 'Emulator reset: caches, rate-limit windows, faults and clock are back to the start.';
    });
  }
}

customElements.define('tp-emulator-panel', TpEmulatorPanel);

declare global {
  interface HTMLElementTagNameMap {
    'tp-emulator-panel': TpEmulatorPanel;
  }
}
