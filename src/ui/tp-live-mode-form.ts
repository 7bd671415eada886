import { LitElement, css, html, nothing } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { ServicesController } from './services-context';
import { sharedStyles } from './shared-styles';

/**
 * Switches cells between the emulator and the live API. The key is typed into a password
 * field, never shown again, never put in the URL; it is kept for this tab (sessionStorage)
 * or in memory only, and stays on the page (the sandbox sees a placeholder).
 */
export class TpLiveModeForm extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        font-size: 0.9rem;
      }
      p {
        margin: 0 0 0.75rem;
        line-height: 1.5;
      }
      label {
        display: block;
        font-weight: 600;
        margin-bottom: 0.25rem;
      }
      input[type='password'] {
        width: 100%;
        font: inherit;
        font-family: var(--tp-font-mono);
        padding: 0.4rem 0.5rem;
        border: 1px solid var(--tp-border);
        border-radius: 6px;
        background: var(--tp-bg);
        color: var(--tp-fg);
      }
      .check {
        display: flex;
        gap: 0.4rem;
        align-items: center;
        font-weight: normal;
        margin: 0.5rem 0 0.75rem;
      }
      .warning {
        margin: -0.4rem 0 0.75rem;
        font-size: 0.85rem;
        color: var(--tp-muted);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .error {
        color: var(--tp-danger);
      }
      .live {
        color: var(--tp-success);
        font-weight: 600;
      }
    `,
  ];

  private readonly servicesController = new ServicesController(this);
  /** Switching to live: the key check and the router's load are async; the form shows their state. */
  private readonly switchToLive = new Task(this, {
    autoRun: false,
    task: async ([key, remember]: readonly [string, boolean]) => {
      const services = this.servicesController.services;
      if (!services) throw new Error('The playground is not ready yet.');
      await services.useLiveApi(key, remember);
    },
  });

  override render() {
    const services = this.servicesController.services;
    if (services?.backend === 'live') {
      return html`<p class="live" role="status">Cells are talking to the live API with your key.</p>
        <p>Requests are billed to your account. Your key stays on this page and is sent only to api.anthropic.com.</p>
        <div class="actions">
          <button @click=${() => void services.useEmulator()}>Back to the emulator</button>
          <button class="danger" @click=${() => void services.forgetLiveKey()}>Forget my key</button>
        </div>`;
    }
    const { status, error } = this.switchToLive;
    return html`<p>
        Cells use a built-in emulator of the API by default: free, offline and deterministic. To send the same
        requests to the real API, enter your own key. It stays on this page (the sandboxed cells never see it) and is
        sent only to api.anthropic.com. Requests are billed to your account.
      </p>
      <form @submit=${this.onSubmit}>
        <label for="key">Anthropic API key</label>
        <input id="key" name="key" type="password" autocomplete="off" spellcheck="false" placeholder="sk-ant-…" required />
        <label class="check"><input type="checkbox" name="remember" /> Remember for this tab (until it closes)</label>
        <p class="warning">
          Without this, the key is kept in this page's memory only and a reload forgets it. Remembered, it sits in this
          tab's session storage, which every page of this site's origin can read: on GitHub Pages that is every
          project site of the same account. Remember it only where the playground has an origin of its own.
        </p>
        ${status === TaskStatus.ERROR
          ? html`<p class="error" role="alert">${error instanceof Error ? error.message : String(error)}</p>`
          : nothing}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${status === TaskStatus.PENDING}>Use the live API</button>
        </div>
      </form>`;
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const input = form.elements.namedItem('key') as HTMLInputElement;
    const remember = (form.elements.namedItem('remember') as HTMLInputElement).checked;
    await this.switchToLive.run([input.value, remember]);
    if (this.switchToLive.status === TaskStatus.COMPLETE) input.value = '';
  }
}

customElements.define('tp-live-mode-form', TpLiveModeForm);

declare global {
  interface HTMLElementTagNameMap {
    'tp-live-mode-form': TpLiveModeForm;
  }
}
