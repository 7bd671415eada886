import { LitElement, css, html } from 'lit';
import type { ThemeChoice } from '../store/theme-choice';
import { ServicesController } from './services-context';
import { sharedStyles } from './shared-styles';
import { confirmAction } from './tp-confirm-dialog';
import './tp-emulator-panel';
import './tp-live-mode-form';

/**
 * The settings drawer: backend (emulator or live API), emulator controls, and the
 * learner's data. A modal `<dialog>` (Escape closes it, focus returns to the opener).
 *
 * @csspart panel - the drawer
 */
export class TpSettingsPanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      dialog {
        margin: 0 0 0 auto;
        height: 100dvh;
        max-height: 100dvh;
        width: min(30rem, 100vw);
        max-width: 100vw;
        border: none;
        border-left: 1px solid var(--tp-border);
        padding: 0;
        background: var(--tp-bg);
        color: var(--tp-fg);
        box-shadow: -8px 0 32px rgb(0 0 0 / 0.25);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.35);
      }
      .content {
        min-height: 100%;
      }
      .head {
        position: sticky;
        top: 0;
        display: flex;
        align-items: center;
        justify-content: space-between;
        padding: 0.75rem 1rem;
        background: var(--tp-bg);
        border-bottom: 1px solid var(--tp-border);
        z-index: 1;
      }
      h2 {
        margin: 0;
        font-size: 1.15rem;
      }
      h3 {
        margin: 0 0 0.75rem;
        font-size: 1rem;
      }
      section {
        padding: 1rem;
        border-bottom: 1px solid var(--tp-border);
      }
      p {
        font-size: 0.9rem;
        margin: 0 0 0.75rem;
        line-height: 1.5;
      }
      fieldset {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 1.25rem;
        margin: 0;
        padding: 0;
        border: none;
      }
      fieldset label {
        display: inline-flex;
        align-items: center;
        gap: 0.35rem;
      }
    `,
  ];

  private readonly servicesController = new ServicesController(this);

  /** Opens the drawer. */
  open() {
    this.renderRoot.querySelector('dialog')?.showModal();
  }

  close() {
    this.renderRoot.querySelector('dialog')?.close();
  }

  override render() {
    return html`<dialog part="panel" aria-labelledby="settings-title" @click=${this.onBackdropClick}>
      <div class="content">
      <div class="head">
        <h2 id="settings-title">Settings</h2>
        <button @click=${this.close} aria-label="Close settings">✕</button>
      </div>
      <section aria-labelledby="backend-title">
        <h3 id="backend-title">Backend</h3>
        <tp-live-mode-form></tp-live-mode-form>
      </section>
      <section aria-labelledby="emulator-title">
        <h3 id="emulator-title">Emulator</h3>
        <tp-emulator-panel></tp-emulator-panel>
      </section>
      <section aria-labelledby="theme-title">
        <h3 id="theme-title">Theme</h3>
        <p>System follows your device’s light or dark setting, also when it changes.</p>
        ${this.renderThemeChoices()}
      </section>
      <section aria-labelledby="data-title">
        <h3 id="data-title">Your data</h3>
        <p>Edits, exercise progress and your theme are saved in this browser only.</p>
        <button class="danger" @click=${this.clearAll}>Clear all my data</button>
      </section>
      </div>
    </dialog>`;
  }

  private renderThemeChoices() {
    const services = this.servicesController.services;
    const current = services?.themeChoice ?? 'system';
    const choices: { value: ThemeChoice; label: string }[] = [
      { value: 'system', label: 'System' },
      { value: 'light', label: 'Light' },
      { value: 'dark', label: 'Dark' },
    ];
    return html`<fieldset aria-labelledby="theme-title">
      ${choices.map(
        ({ value, label }) => html`<label
          ><input
            type="radio"
            name="theme"
            .value=${value}
            .checked=${current === value}
            @change=${() => services?.setThemeChoice(value)}
          />${label}</label
        >`,
      )}
    </fieldset>`;
  }

  private onBackdropClick(event: MouseEvent) {
    // A click on the dialog element itself (not its content) is a click on the backdrop.
    if (event.target === event.currentTarget) this.close();
  }

  private async clearAll() {
    const confirmed = await confirmAction({
      heading: 'Clear all your data?',
      message: 'Every edit, all exercise progress, your theme choice and any remembered API key will be deleted from this browser. This cannot be undone.',
      confirmLabel: 'Clear everything',
      danger: true,
    });
    if (!confirmed) return;
    this.servicesController.services?.clearAll();
  }
}

customElements.define('tp-settings-panel', TpSettingsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'tp-settings-panel': TpSettingsPanel;
  }
}
