import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { sharedStyles } from './shared-styles';

/**
 * A modal confirmation (native `<dialog>`: focus is trapped, Escape cancels, focus returns
 * to where it was). Use `confirmAction()` rather than the element directly.
 *
 * @fires confirm-closed - detail `{ confirmed: boolean }`
 * @csspart dialog - the dialog box
 */
export class TpConfirmDialog extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      dialog {
        max-width: min(28rem, calc(100vw - 2rem));
        border: 1px solid var(--tp-border);
        border-radius: 10px;
        background: var(--tp-bg);
        color: var(--tp-fg);
        padding: 1.25rem;
        box-shadow: 0 12px 40px rgb(0 0 0 / 0.3);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.45);
      }
      h2 {
        margin: 0 0 0.5rem;
        font-size: 1.1rem;
      }
      p {
        margin: 0 0 1rem;
        line-height: 1.5;
      }
      .actions {
        display: flex;
        justify-content: flex-end;
        gap: 0.5rem;
      }
    `,
  ];

  @property({ type: String }) heading: string = 'Are you sure?';
  @property({ type: String }) message: string = '';
  @property({ type: String, attribute: 'confirm-label' }) confirmLabel: string = 'Confirm';
  @property({ type: Boolean }) danger: boolean = false;

  override firstUpdated() {
    this.renderRoot.querySelector('dialog')?.showModal();
  }

  override render() {
    return html`<dialog part="dialog" aria-labelledby="heading" aria-describedby="message" @close=${this.onClose}>
      <h2 id="heading">${this.heading}</h2>
      <p id="message">${this.message}</p>
      <form method="dialog" class="actions">
        <button value="cancel" autofocus>Cancel</button>
        <button value="confirm" class=${this.danger ? 'primary danger-fill' : 'primary'}>${this.confirmLabel}</button>
      </form>
    </dialog>`;
  }

  private onClose(event: Event) {
    const dialog = event.target as HTMLDialogElement;
    this.dispatchEvent(
      new CustomEvent('confirm-closed', { detail: { confirmed: dialog.returnValue === 'confirm' }, bubbles: true, composed: true }),
    );
  }
}

/** Asks the learner to confirm; resolves `true` only on the confirm button. */
export function confirmAction(options: {
  heading: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
}): Promise<boolean> {
  const dialog = document.createElement('tp-confirm-dialog');
  dialog.heading = options.heading;
  dialog.message = options.message;
  dialog.confirmLabel = options.confirmLabel;
  dialog.danger = options.danger ?? false;
  return new Promise((resolve) => {
    dialog.addEventListener('confirm-closed', (event) => {
      resolve((event as CustomEvent<{ confirmed: boolean }>).detail.confirmed);
      dialog.remove();
    });
    document.body.append(dialog);
  });
}

customElements.define('tp-confirm-dialog', TpConfirmDialog);

declare global {
  interface HTMLElementTagNameMap {
    'tp-confirm-dialog': TpConfirmDialog;
  }
}
