import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { routeFromHash } from '../hash-route';

/**
 * Hash routing (`#/<slug>`, `#/<slug>#<heading>`): the page to show, updated on `hashchange`. After a
 * navigation (not the first load) `takeNavigation()` says once that focus should move to the new page's
 * heading; `takeSection()` hands out, once, a heading the URL asks for (on the first load too).
 */
export class RouteController implements ReactiveController {
  /** The lesson slug in the URL; undefined for the home page. */
  slug: string | undefined;
  /** The heading id in the URL, if any. */
  heading: string | undefined;
  private navigations = 0;
  private pendingSection: string | undefined;
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

  /** The heading to scroll to and focus, once per navigation that named one. */
  takeSection(): string | undefined {
    const section = this.pendingSection;
    this.pendingSection = undefined;
    return section;
  }

  private read(): void {
    const route = routeFromHash(location.hash);
    const sameLesson = this.navigations > 0 && route.slug === this.slug;
    this.slug = route.slug;
    this.heading = route.heading;
    this.pendingSection = route.heading;
    // A jump within the open lesson is not a page change: focus goes to the heading, not the title.
    if (!sameLesson || route.heading === undefined) this.navigations++;
    this.onRoute(this.slug);
    this.host.requestUpdate();
  }
}
