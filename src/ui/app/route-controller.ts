import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { slugFromHash } from '../hash-route';

/**
 * Hash routing (`#/<slug>`): the slug of the page to show, updated on `hashchange`. After a navigation
 * (not the first load) `takeNavigation()` says once that focus should move to the new page's heading.
 */
export class RouteController implements ReactiveController {
  /** The lesson slug in the URL; undefined for the home page. */
  slug: string | undefined;
  private navigations = 0;
  private readonly onHashChange = () => this.read();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onRoute: (slug: string | undefined) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.onHashChange);
    this.read();
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.onHashChange);
  }

  /** True once after each navigation that followed the first route. */
  takeNavigation(): boolean {
    if (this.navigations <= 1) return false;
    this.navigations = 1;
    return true;
  }

  private read(): void {
    this.slug = slugFromHash(location.hash);
    this.navigations++;
    this.onRoute(this.slug);
    this.host.requestUpdate();
  }
}
