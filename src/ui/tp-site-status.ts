import { LitElement, css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { sharedStyles } from './shared-styles';

/** What the bar says, most urgent first. */
type SiteStatus =
  | { kind: 'chunk-failed' }
  | { kind: 'update-ready'; reload: () => Promise<void> }
  | { kind: 'offline' }
  | { kind: 'offline-ready' };

/**
 * The site's own state, in one small bar at the bottom of the page: a new deployment waiting
 * ("Updated — reload when ready"), a part of the page that failed to load, no network (everything but
 * live mode still works), and, once, that the playground is ready to work offline.
 *
 * Registers the service worker (src/site/register-service-worker.ts) at idle time, so neither it nor Workbox is on
 * the page's critical path. Lives beside `<tp-app>` in index.html: it must keep working whatever the app
 * is doing, including when one of the app's own chunks failed to load.
 */
export class TpSiteStatus extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        position: fixed;
        inset: auto 0 0 0;
        z-index: 50;
        display: flex;
        justify-content: center;
        pointer-events: none;
        padding: 0.75rem;
      }
      .bar {
        pointer-events: auto;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 0.75rem;
        max-width: 44rem;
        padding: 0.6rem 0.9rem;
        border: 1px solid var(--tp-border);
        border-radius: 8px;
        background: var(--tp-surface);
        color: var(--tp-fg);
        box-shadow: 0 6px 24px rgb(0 0 0 / 0.2);
        line-height: 1.45;
      }
      .bar.warning {
        background: var(--tp-warning-bg);
      }
      p {
        margin: 0;
        flex: 1 1 16rem;
      }
    `,
  ];

  @state() status: SiteStatus | undefined;
  private dismissedOfflineReady = false;

  private readonly onOffline = () => this.show({ kind: 'offline' });
  private readonly onOnline = () => {
    if (this.status?.kind === 'offline') this.status = undefined;
  };
  /** Vite fires this when a dynamic import (a lesson, the editor, the runner) fails to load. */
  private readonly onPreloadError = (event: Event) => {
    event.preventDefault(); // Handled here: the app shows its own message where the part was needed.
    this.show({ kind: 'chunk-failed' });
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
    window.addEventListener('vite:preloadError', this.onPreloadError);
    if (!navigator.onLine) this.show({ kind: 'offline' });
    if (import.meta.env.PROD && 'serviceWorker' in navigator) {
      const start = () => void this.registerServiceWorker();
      if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 5000 });
      else setTimeout(start, 2000);
    }
  }

  override disconnectedCallback(): void {
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('vite:preloadError', this.onPreloadError);
    super.disconnectedCallback();
  }

  private async registerServiceWorker(): Promise<void> {
    try {
      const { registerServiceWorker } = await import('../site/register-service-worker');
      registerServiceWorker({
        onUpdateReady: (reload) => this.show({ kind: 'update-ready', reload }),
        onOfflineReady: () => this.show({ kind: 'offline-ready' }),
      });
    } catch {
      // No service worker (a private window, a browser that refuses it): the playground works online as before.
    }
  }

  /** Keeps the more urgent of the current and the new status. */
  private show(next: SiteStatus): void {
    const rank: Record<SiteStatus['kind'], number> = { 'chunk-failed': 0, 'update-ready': 1, offline: 2, 'offline-ready': 3 };
    if (next.kind === 'offline-ready' && this.dismissedOfflineReady) return;
    if (!this.status || rank[next.kind] <= rank[this.status.kind]) this.status = next;
  }

  private dismiss(): void {
    if (this.status?.kind === 'offline-ready') this.dismissedOfflineReady = true;
    this.status = undefined;
  }

  override render() {
    const status = this.status;
    if (!status) return nothing;
    switch (status.kind) {
      case 'chunk-failed':
        return html`<div class="bar warning" role="alert">
          <p>
            Part of the page could not be loaded. Either the network is gone and this part was never saved for offline
            use, or a new version of the playground was published since this page opened. Your edits are saved.
          </p>
          <button @click=${() => location.reload()}>Reload</button>
        </div>`;
      case 'update-ready':
        return html`<div class="bar" role="status">
          <p>Updated — a new version of the playground is ready. Reload when you are ready; your edits are saved.</p>
          <button @click=${() => void status.reload()}>Reload</button>
          <button @click=${() => this.dismiss()}>Later</button>
        </div>`;
      case 'offline':
        return html`<div class="bar warning" role="status">
          <p>You are offline. Lessons, the editor and the emulator keep working; live mode needs the network.</p>
        </div>`;
      case 'offline-ready':
        return html`<div class="bar" role="status">
          <p>The playground is saved in this browser: it now works offline too.</p>
          <button @click=${() => this.dismiss()} aria-label="Dismiss">OK</button>
        </div>`;
    }
  }
}

customElements.define('tp-site-status', TpSiteStatus);

declare global {
  interface HTMLElementTagNameMap {
    'tp-site-status': TpSiteStatus;
  }
}
