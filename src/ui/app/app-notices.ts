import { html, nothing } from 'lit';
import type { Notice } from '../playground-services';

/** Page-wide notices (storage problems, live mode not restored), each with a Dismiss button. */
export function renderNotices(notices: readonly Notice[], dismiss: (id: string) => void) {
  if (notices.length === 0) return nothing;
  return html`<div class="notices">
    ${notices.map(
      (notice) => html`<div class="notice ${notice.tone}" role=${notice.tone === 'error' ? 'alert' : 'status'}>
        <p>${notice.text}</p>
        <button @click=${() => dismiss(notice.id)} aria-label="Dismiss notice">✕</button>
      </div>`,
    )}
  </div>`;
}
