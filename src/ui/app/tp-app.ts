import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CompiledLesson, LessonMeta } from '../../lessons/types';
import { LessonLoaderController } from '../lesson-loader';
import { PlaygroundServices } from '../playground-services';
import { provideServices } from '../services-context';
import type { TpLesson } from '../tp-lesson';
import type { TpSettingsPanel } from '../tp-settings-panel';
import '../tp-lesson';
import '../tp-pending-faults';
import { renderNotices } from './app-notices';
import { renderHome, renderLessonList, renderLoadFailed, renderMissing } from './app-pages';
import { appStyles } from './app-styles';
import { RouteController } from './route-controller';
import { ThemeController } from './theme-button';

export const PRODUCT_NAME = 'Claude API Playground';

/**
 * The application shell: header (product, backend badge, theme button, settings), the contents
 * sidebar with progress marks, hash routing to lessons, and page-wide notices. Provides the page
 * services to every element below it (`services-context.ts`).
 *
 * @csspart header - the top bar
 * @csspart sidebar - the lesson list
 */
export class TpApp extends LitElement {
  static override styles = appStyles;

  /** Every lesson's front matter, in course order. */
  @property({ attribute: false }) lessons: readonly LessonMeta[] = [];
  /** Loads one compiled lesson (from `virtual:lessons`). */
  @property({ attribute: false }) loadLesson: (slug: string) => Promise<CompiledLesson> = (slug) =>
    Promise.reject(new Error(`No lesson loader (asked for ${slug}).`));
  @state() protected navOpen = false;
  readonly services: PlaygroundServices;
  private readonly theme: ThemeController;
  private readonly loader = new LessonLoaderController(this, () => ({ lessons: this.lessons, loadLesson: this.loadLesson }), {
    // Dev server only: a lesson file changed. Pending edits are saved first, since the open cells
    // reload their code from the store when the new lesson arrives.
    onLessonsChanged: (lessons) => {
      this.services.saver.flush();
      this.lessons = lessons;
    },
  });
  private readonly router = new RouteController(this, (slug) => {
    this.navOpen = false;
    this.services.showingLesson(slug);
    this.loader.show(slug);
  });
  private unsubscribe: (() => void) | undefined;
  private readonly flushSaves = () => this.services.saver.flush();

  constructor(services: PlaygroundServices = PlaygroundServices.fromBrowser()) {
    super();
    this.services = services;
    this.theme = new ThemeController(this, services);
    provideServices(this, services);
  }

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('pagehide', this.flushSaves);
    document.addEventListener('visibilitychange', this.flushSaves);
    this.unsubscribe = this.services.subscribe(() => this.requestUpdate());
    void this.services.restoreLiveMode().catch((error: unknown) => {
      this.services.notify('warning', `Live mode could not be restored: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.flushSaves);
    document.removeEventListener('visibilitychange', this.flushSaves);
    this.unsubscribe?.();
  }

  protected override willUpdate() {
    // The lesson list may arrive after the first route: look the slug up again.
    this.loader.show(this.router.slug);
  }

  protected override updated() {
    const load = this.loader.value;
    const meta = load.state === 'ready' ? load.lesson.meta : undefined;
    document.title =
      load.state === 'missing' ? `Lesson not found · ${PRODUCT_NAME}` : meta ? `${meta.title} · ${PRODUCT_NAME}` : PRODUCT_NAME;
    if (load.state === 'loading') return;
    // After a navigation (not the first load), move focus to the new page's heading, or to the section
    // the URL names (`#/<slug>#<heading>`, on the first load too).
    const navigated = this.router.takeNavigation();
    const section = load.state === 'ready' ? this.router.takeSection() : undefined;
    if (!navigated && section === undefined) return;
    void this.updateComplete.then(async () => {
      const lesson = this.renderRoot.querySelector<TpLesson>('tp-lesson');
      if (lesson) {
        await lesson.updateComplete;
        if (section !== undefined && (await lesson.focusSection(section))) return;
        if (!navigated) return;
        lesson.focusHeading();
      } else this.renderRoot.querySelector<HTMLElement>('main h1')?.focus();
      window.scrollTo({ top: 0 });
    });
  }

  override render() {
    const live = this.services.backend === 'live';
    void this.services.progressRevision; // re-render when progress changes
    return html`<a class="skip-link" href="#main-content" @click=${this.skipToContent}>Skip to content</a>
      <header part="header">
        <button
          class="menu-button"
          aria-controls="contents"
          aria-label="Lessons"
          aria-expanded=${this.navOpen ? 'true' : 'false'}
          @click=${() => (this.navOpen = !this.navOpen)}
        >
          <span aria-hidden="true">☰</span><span class="menu-label"> Lessons</span>
        </button>
        <a class="brand" href="#/" aria-label="${PRODUCT_NAME}: contents">
          <svg width="22" height="22" viewBox="0 0 32 32" aria-hidden="true">
            <rect width="32" height="32" rx="7" fill="#d97757" />
            <path d="M9 22 15 10h2l6 12h-2.6l-1.4-3h-6l-1.4 3Zm5-5h4l-2-4.4Z" fill="#fff" />
          </svg>
          <span class="brand-text" aria-hidden="true"><span class="name-long">Claude API </span>Playground</span>
        </a>
        <span class="spacer"></span>
        <span
          class="badge ${live ? 'live' : ''}"
          role="status"
          title=${live ? 'Cells send requests to the real Claude API with your key' : 'Cells talk to the built-in API emulator'}
          ><span class="visually-hidden">Backend: </span>${live ? 'Live API' : 'Emulator'}</span
        >
        ${this.theme.renderButton()}
        <button @click=${this.openSettings} aria-haspopup="dialog" aria-label="Settings">
          <span aria-hidden="true">⚙</span><span class="settings-label"> Settings</span>
        </button>
      </header>
      <div class="layout">
        <nav id="contents" class="sidebar ${this.navOpen ? 'open' : ''}" aria-label="Lessons" part="sidebar" @keydown=${this.onNavKeydown}>
          <h2>Lessons</h2>
          ${renderLessonList(this.lessons, this.router.slug, (slug) => this.services.store.isLessonComplete(slug))}
        </nav>
        <main id="main-content" tabindex="-1">
          <tp-pending-faults></tp-pending-faults>
          ${renderNotices(this.services.notices, (id) => this.services.dismissNotice(id))} ${this.renderPage()}
        </main>
      </div>
      <tp-settings-panel></tp-settings-panel>`;
  }

  private renderPage() {
    const load = this.loader.value;
    switch (load.state) {
      case 'none':
        return renderHome(this.lessons);
      case 'loading':
        return html`<p class="loading" role="status">Loading the lesson…</p>`;
      case 'missing':
        return renderMissing(load.slug);
      case 'failed':
        return renderLoadFailed(load.message, () => this.loader.show(load.slug, { retry: true }));
      case 'ready': {
        const index = this.lessons.findIndex((lesson) => lesson.slug === load.slug);
        return html`<tp-lesson
          .lesson=${load.lesson}
          .previous=${index > 0 ? this.lessons[index - 1] : undefined}
          .next=${index >= 0 ? this.lessons[index + 1] : undefined}
        ></tp-lesson>`;
      }
    }
  }

  private onNavKeydown(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !this.navOpen) return;
    this.navOpen = false;
    this.renderRoot.querySelector<HTMLElement>('.menu-button')?.focus();
  }

  private skipToContent(event: Event) {
    // The hash is the router's: focus the content instead of navigating.
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }

  /**
   * The settings panel (live-mode form, emulator controls) is its own chunk, loaded on the first click:
   * the page needs none of it to show a lesson.
   */
  private async openSettings() {
    try {
      await import('../tp-settings-panel');
    } catch (error) {
      this.services.notify('error', `The settings could not load (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`);
      return;
    }
    this.renderRoot.querySelector<TpSettingsPanel>('tp-settings-panel')?.open();
  }
}

customElements.define('tp-app', TpApp);

declare global {
  interface HTMLElementTagNameMap {
    'tp-app': TpApp;
  }
}
