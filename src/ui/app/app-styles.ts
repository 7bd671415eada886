import { css } from 'lit';
import { sharedStyles } from '../shared-styles';

/** The styles of `<tp-app>`: header, sidebar, layout, notices and the home page. */
export const appStyles = [
  sharedStyles,
  css`
    :host {
      display: block;
      min-height: 100vh;
      --header-height: 3.5rem;
    }
    .skip-link {
      position: absolute;
      left: 0.5rem;
      top: -4rem;
      z-index: 100;
      padding: 0.5rem 0.75rem;
      background: var(--tp-accent);
      color: var(--tp-accent-fg);
      border-radius: 6px;
    }
    .skip-link:focus {
      top: 0.5rem;
    }
    header {
      position: sticky;
      top: 0;
      z-index: 10;
      display: flex;
      align-items: center;
      gap: 0.6rem;
      height: var(--header-height);
      padding: 0 1rem;
      background: var(--tp-bg);
      border-bottom: 1px solid var(--tp-border);
    }
    .brand {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      font-weight: 700;
      font-size: 1.05rem;
      color: var(--tp-fg);
      text-decoration: none;
      white-space: nowrap;
    }
    .brand svg {
      flex: none;
    }
    .spacer {
      flex: 1;
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
      font-size: 0.8125rem;
      font-weight: 600;
      padding: 0.2rem 0.6rem;
      border-radius: 999px;
      border: 1px solid var(--tp-border);
      background: var(--tp-surface);
      white-space: nowrap;
    }
    .badge::before {
      content: '';
      width: 0.5rem;
      height: 0.5rem;
      border-radius: 50%;
      background: var(--tp-success);
    }
    .badge.live {
      border-color: var(--tp-warning);
      background: var(--tp-warning-bg);
    }
    .badge.live::before {
      background: var(--tp-warning);
    }
    .menu-button {
      display: none;
    }
    .layout {
      display: grid;
      grid-template-columns: 17rem minmax(0, 1fr);
      min-height: calc(100vh - var(--header-height));
    }
    nav.sidebar {
      position: sticky;
      top: var(--header-height);
      align-self: start;
      height: calc(100vh - var(--header-height));
      overflow-y: auto;
      padding: 1rem 0.75rem;
      border-right: 1px solid var(--tp-border);
      background: var(--tp-surface);
    }
    nav.sidebar h2 {
      font-size: 0.75rem;
      text-transform: uppercase;
      letter-spacing: 0.06em;
      color: var(--tp-muted);
      margin: 0 0.5rem 0.5rem;
    }
    nav.sidebar ol {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    nav.sidebar a {
      display: flex;
      gap: 0.5rem;
      align-items: baseline;
      padding: 0.45rem 0.5rem;
      border-radius: 6px;
      color: var(--tp-fg);
      text-decoration: none;
      font-size: 0.9375rem;
      line-height: 1.35;
    }
    nav.sidebar a:hover {
      background: var(--tp-surface-2);
    }
    nav.sidebar a[aria-current='page'] {
      background: var(--tp-accent-soft);
      font-weight: 600;
    }
    .order {
      flex: none;
      width: 1.5rem;
      color: var(--tp-muted);
      font-variant-numeric: tabular-nums;
    }
    .title {
      flex: 1;
    }
    .done {
      color: var(--tp-success);
      font-weight: 700;
    }
    main {
      padding: 2rem clamp(1rem, 4vw, 3rem) 4rem;
      max-width: 56rem;
      width: 100%;
    }
    main:focus {
      outline: none;
    }
    .notices {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      margin-bottom: 1rem;
    }
    .notice {
      display: flex;
      gap: 0.75rem;
      align-items: flex-start;
      padding: 0.6rem 0.75rem;
      border-radius: 8px;
      border: 1px solid var(--tp-border);
      background: var(--tp-warning-bg);
      font-size: 0.9rem;
    }
    .notice.error {
      background: var(--tp-danger-bg);
    }
    .notice.info {
      background: var(--tp-surface);
    }
    .notice p {
      margin: 0;
      flex: 1;
    }
    .home h1,
    .missing h1 {
      font-size: clamp(1.6rem, 4vw, 2.2rem);
      margin: 0 0 0.5rem;
    }
    .home .lead {
      font-size: 1.1rem;
      color: var(--tp-muted);
      line-height: 1.6;
    }
    .cards {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    .cards a {
      display: block;
      padding: 0.9rem 1rem;
      border: 1px solid var(--tp-border);
      border-radius: 8px;
      color: var(--tp-fg);
      text-decoration: none;
    }
    .cards a:hover {
      border-color: var(--tp-accent);
    }
    .cards .card-title {
      font-weight: 600;
    }
    .cards .card-summary {
      display: block;
      margin-top: 0.25rem;
      color: var(--tp-muted);
      font-size: 0.9375rem;
    }
    .loading {
      color: var(--tp-muted);
    }
    @media (max-width: 720px) {
      .menu-button {
        display: inline-flex;
      }
      .brand .name-long {
        display: none;
      }
      .layout {
        grid-template-columns: minmax(0, 1fr);
      }
      nav.sidebar {
        display: none;
        position: fixed;
        top: var(--header-height);
        left: 0;
        right: 0;
        height: calc(100dvh - var(--header-height));
        z-index: 9;
        border-right: none;
      }
      nav.sidebar.open {
        display: block;
      }
      .theme-label,
      .settings-label {
        display: none;
      }
      header {
        gap: 0.4rem;
        padding: 0 0.5rem;
      }
    }
    @media (max-width: 480px) {
      .brand-text,
      .menu-label {
        display: none;
      }
    }
  `,
];
