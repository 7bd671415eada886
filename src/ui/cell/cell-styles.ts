import { css, unsafeCSS } from 'lit';
import { codeThemeCss } from '../../lessons/code-theme';
import { sharedStyles } from '../shared-styles';

/** The styles of `<tp-cell>` and of the parts it renders in its shadow root (toolbar, editor, exercise tools). */
export const cellStyles = [
  sharedStyles,
  unsafeCSS(codeThemeCss),
  css`
    :host {
      display: block;
      margin: 1.25rem 0;
    }
    .cell {
      border: 1px solid var(--tp-border);
      border-radius: 8px;
      background: var(--tp-surface);
      overflow: clip;
    }
    .output.stale {
      opacity: 0.55;
    }
    .cell.running {
      border-color: var(--tp-accent);
    }
    .exercise-head {
      display: flex;
      align-items: center;
      gap: 0.6rem;
      padding: 0.6rem 0.75rem 0;
    }
    .exercise-head h3 {
      margin: 0;
      font-size: 1rem;
    }
    .badge {
      font-size: 0.75rem;
      font-weight: 600;
      border-radius: 999px;
      padding: 0.1rem 0.55rem;
      background: var(--tp-surface-2);
      color: var(--tp-muted);
    }
    .badge.passed {
      background: var(--tp-success-bg);
      color: var(--tp-success);
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.4rem;
      padding: 0.5rem 0.75rem;
      border-bottom: 1px solid var(--tp-border);
    }
    .counter {
      font-family: var(--tp-font-mono);
      font-size: 0.8125rem;
      color: var(--tp-muted);
      min-width: 2.5em;
    }
    .run-status {
      margin-left: auto;
      font-size: 0.8125rem;
      color: var(--tp-muted);
    }
    .run-status.error,
    .run-status.timeout {
      color: var(--tp-danger);
    }
    .run-status.ok,
    .run-status.expected {
      color: var(--tp-success);
    }
    .code {
      position: relative;
      background: var(--tp-code-bg);
    }
    .preview {
      cursor: text;
      min-height: 4.5rem;
    }
    .preview .tp-code {
      border-radius: 0;
      background: transparent;
    }
    .preview:focus-visible {
      outline-offset: -3px;
    }
    tp-code-editor[hidden] {
      display: none;
    }
    .banner {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      padding: 0.5rem 0.75rem;
      background: var(--tp-warning-bg);
      font-size: 0.875rem;
      border-bottom: 1px solid var(--tp-border);
    }
    .banner p {
      margin: 0;
      flex: 1 1 16rem;
    }
    .output.has-content {
      border-top: 1px solid var(--tp-border);
    }
    tp-network-log,
    tp-check-list {
      padding: 0.35rem 0.75rem;
    }
    .exercise-tools {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      padding: 0.5rem 0.75rem;
      border-top: 1px solid var(--tp-border);
    }
    .hints {
      padding: 0 0.75rem 0.5rem;
      font-size: 0.9rem;
      line-height: 1.5;
    }
    .hint {
      border-left: 3px solid var(--tp-accent);
      padding: 0.1rem 0.75rem;
      margin: 0.5rem 0;
    }
    .hint-title {
      font-weight: 600;
      font-size: 0.8125rem;
      color: var(--tp-muted);
    }
    .kbd-hint {
      font-size: 0.75rem;
      color: var(--tp-muted);
    }
    @media (max-width: 720px) {
      .kbd-hint {
        display: none;
      }
    }
  `,
];
