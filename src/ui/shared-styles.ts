/**
 * Styles every element shares: buttons, focus ring, visually hidden text. Colours come from
 * the custom properties set on `:root` in index.html (they inherit into shadow roots).
 */
import { css } from 'lit';

export const sharedStyles = css`
  :host {
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--tp-focus);
    outline-offset: 2px;
  }
  button,
  .button {
    font: inherit;
    font-size: 0.875rem;
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    min-height: 2rem;
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--tp-border);
    border-radius: 6px;
    background: var(--tp-surface);
    color: var(--tp-fg);
    cursor: pointer;
    text-decoration: none;
    white-space: nowrap;
  }
  button:hover:not(:disabled),
  .button:hover {
    background: var(--tp-surface-2);
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button.primary {
    background: var(--tp-accent);
    border-color: var(--tp-accent);
    color: var(--tp-accent-fg);
  }
  button.primary:hover:not(:disabled) {
    background: var(--tp-accent-strong);
  }
  button.danger {
    color: var(--tp-danger);
  }
  button.link {
    border: none;
    background: none;
    padding: 0;
    min-height: auto;
    color: var(--tp-link);
    text-decoration: underline;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .mono {
    font-family: var(--tp-font-mono);
  }
  a {
    color: var(--tp-link);
  }
`;
