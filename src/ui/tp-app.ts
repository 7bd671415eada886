import { LitElement, css, html, nothing } from 'lit';
import type { CompiledLesson, LessonMeta } from '../lessons/types';
import { nextThemeChoice, type ThemeChoice } from '../store/theme-choice';
import { lessonHash, slugFromHash } from './hash-route';
import { LessonLoaderController } from './lesson-loader';
import { PlaygroundServices } from './playground-services';
import { provideServices } from './services-context';
import { sharedStyles } from './shared-styles';
import type { TpLesson } from './tp-lesson';
import type { TpSettingsPanel } from './tp-settings-panel';
import './tp-lesson';
import './tp-settings-panel';

export const PRODUCT_NAME = 'Claude API Playground';

const THEME_ICONS: Record<ThemeChoice, string> = { system: '◐', light: '☀', dark: '☾' };
const THEME_NAMES: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/**
 * The application shell: header (product, backend badge, theme button, settings), the
 * contents sidebar with progress marks, hash routing to lessons, and page-wide notices.
 * Provides the page services to every element below it.
 *
 * @csspart header - the top bar
 * @csspart sidebar - the lesson list
 */
export class TpApp extends LitElement {
  static override styles = [
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

  static override properties = {
    lessons: { attribute: false },
    loadLesson: { attribute: false },
    slug: { state: true },
    navOpen: { state: true },
  };

  /** Every lesson's front matter, in course order. */
  declare lessons: readonly LessonMeta[];
  /** Loads one compiled lesson (from `virtual:lessons`). */
  declare loadLesson: (slug: string) => Promise<CompiledLesson>;
  declare protected slug: string | undefined;
  declare protected navOpen: boolean;
  readonly services: PlaygroundServices;
  private readonly loader = new LessonLoaderController(this, () => ({ lessons: this.lessons, loadLesson: this.loadLesson }), {
    // Dev server only: a lesson file changed. Pending edits are saved first, since the open cells
    // reload their code from the store when the new lesson arrives.
    onLessonsChanged: (lessons) => {
      this.services.saver.flush();
      this.lessons = lessons;
    },
  });
  private unsubscribe: (() => void) | undefined;
  private unwatchSystemTheme: (() => void) | undefined;
  private routeChanges = 0;
  private readonly onHashChange = () => this.route();

  constructor(services: PlaygroundServices = PlaygroundServices.fromBrowser()) {
    super();
    this.lessons = [];
    this.loadLesson = (slug) => Promise.reject(new Error(`No lesson loader (asked for ${slug}).`));
    this.slug = undefined;
    this.navOpen = false;
    this.services = services;
    provideServices(this, services);
  }

  override connectedCallback() {
    super.connectedCallback();
    this.services.applyStoredTheme();
    this.unwatchSystemTheme = this.services.watchSystemTheme();
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener('pagehide', this.flushSaves);
    document.addEventListener('visibilitychange', this.flushSaves);
    this.unsubscribe = this.services.subscribe(() => this.requestUpdate());
    this.route();
    void this.services.restoreLiveMode().catch((error: unknown) => {
      this.services.notify('warning', `Live mode could not be restored: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener('pagehide', this.flushSaves);
    document.removeEventListener('visibilitychange', this.flushSaves);
    this.unsubscribe?.();
    this.unwatchSystemTheme?.();
  }

  private readonly flushSaves = () => this.services.saver.flush();

  private route() {
    this.slug = slugFromHash(location.hash);
    this.navOpen = false;
    this.loader.show(this.slug);
    this.routeChanges++;
  }

  protected override willUpdate() {
    // The lesson list may arrive after the first route: look the slug up again.
    this.loader.show(this.slug);
  }

  protected override updated() {
    const load = this.loader.value;
    const meta = load.state === 'ready' ? load.lesson.meta : undefined;
    document.title =
      load.state === 'missing' ? `Lesson not found · ${PRODUCT_NAME}` : meta ? `${meta.title} · ${PRODUCT_NAME}` : PRODUCT_NAME;
    // After a navigation (not the first load), move focus to the new page's heading.
    if (this.routeChanges > 1 && load.state !== 'loading') {
      this.routeChanges = 1;
      void this.updateComplete.then(async () => {
        const lesson = this.renderRoot.querySelector<TpLesson>('tp-lesson');
        if (lesson) {
          await lesson.updateComplete;
          lesson.focusHeading();
        } else this.renderRoot.querySelector<HTMLElement>('main h1')?.focus();
        window.scrollTo({ top: 0 });
      });
    }
  }

  override render() {
    const live = this.services.backend === 'live';
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
        ${this.renderThemeButton()}
        <button @click=${this.openSettings} aria-haspopup="dialog" aria-label="Settings">
          <span aria-hidden="true">⚙</span><span class="settings-label"> Settings</span>
        </button>
      </header>
      <div class="layout">
        <nav
          id="contents"
          class="sidebar ${this.navOpen ? 'open' : ''}"
          aria-label="Lessons"
          part="sidebar"
          @keydown=${this.onNavKeydown}
        >
          <h2>Lessons</h2>
          ${this.renderLessonList()}
        </nav>
        <main id="main-content" tabindex="-1">
          ${this.renderNotices()} ${this.renderPage()}
        </main>
      </div>
      <tp-settings-panel></tp-settings-panel>`;
  }

  /** One compact button cycling System → Light → Dark; its name says the current choice and the next. */
  private renderThemeButton() {
    const choice = this.services.themeChoice;
    const next = nextThemeChoice(choice);
    const describe = (value: ThemeChoice) => (value === 'system' ? `system (${this.services.theme})` : value);
    const label = `Theme: ${describe(choice)}. Switch to ${next} theme`;
    return html`<button class="theme-button" @click=${() => this.services.cycleThemeChoice()} aria-label=${label} title=${label}>
      <span aria-hidden="true">${THEME_ICONS[choice]}</span><span class="theme-label" aria-hidden="true">${THEME_NAMES[choice]}</span>
    </button>`;
  }

  private renderLessonList() {
    void this.services.progressRevision; // re-render when progress changes
    return html`<ol>
      ${this.lessons.map((lesson) => {
        const complete = this.services.store.isLessonComplete(lesson.slug);
        return html`<li>
          <a href=${lessonHash(lesson.slug)} aria-current=${lesson.slug === this.slug ? 'page' : 'false'}>
            <span class="order">${lesson.order}.</span>
            <span class="title">${lesson.title}</span>
            ${complete ? html`<span class="done" title="All exercises passed"><span aria-hidden="true">✓</span><span class="visually-hidden">(completed)</span></span>` : nothing}
          </a>
        </li>`;
      })}
    </ol>`;
  }

  private renderNotices() {
    const notices = this.services.notices;
    if (notices.length === 0) return nothing;
    return html`<div class="notices">
      ${notices.map(
        (notice) => html`<div class="notice ${notice.tone}" role=${notice.tone === 'error' ? 'alert' : 'status'}>
          <p>${notice.text}</p>
          <button @click=${() => this.services.dismissNotice(notice.id)} aria-label="Dismiss notice">✕</button>
        </div>`,
      )}
    </div>`;
  }

  private renderPage() {
    const load = this.loader.value;
    switch (load.state) {
      case 'none':
        return this.renderHome();
      case 'loading':
        return html`<p class="loading" role="status">Loading the lesson…</p>`;
      case 'missing':
        return html`<section class="missing">
          <h1 tabindex="-1">Lesson not found</h1>
          <p>There is no lesson called “${load.slug}”. It may have been renamed.</p>
          <p><a href="#/">See all lessons in the contents</a></p>
        </section>`;
      case 'failed':
        return html`<section class="missing">
          <h1 tabindex="-1">This lesson could not load</h1>
          <p>${load.message}</p>
          <p><button @click=${() => this.loader.show(load.slug, { retry: true })}>Try again</button> or <a href="#/">go to the contents</a>.</p>
        </section>`;
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

  private renderHome() {
    const first = this.lessons[0];
    return html`<section class="home">
      <h1 tabindex="-1">Learn the Claude Messages API</h1>
      <p class="lead">
        Short lessons with code you can edit and run right here. Requests go to a faithful emulator of the API, so
        everything works without a key; switch to the live API in Settings when you want real answers.
      </p>
      ${first ? html`<p><a class="button" href=${lessonHash(first.slug)}>Start with “${first.title}” →</a></p>` : nothing}
      <h2>Contents</h2>
      <ol class="cards">
        ${this.lessons.map(
          (lesson) => html`<li>
            <a href=${lessonHash(lesson.slug)}
              ><span class="card-title">${lesson.order}. ${lesson.title}</span
              ><span class="card-summary">${lesson.summary}</span></a
            >
          </li>`,
        )}
      </ol>
    </section>`;
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

  private openSettings() {
    this.renderRoot.querySelector<TpSettingsPanel>('tp-settings-panel')?.open();
  }
}

customElements.define('tp-app', TpApp);

declare global {
  interface HTMLElementTagNameMap {
    'tp-app': TpApp;
  }
}
