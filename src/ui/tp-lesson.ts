import { LitElement, css, html, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { codeThemeCss } from '../lessons/code-theme';
import type { CompiledLesson, LessonMeta } from '../lessons/types';
import { NotebookSession } from '../session/notebook-session';
import { lessonHash } from './hash-route';
import { lessonOutlineStyles, renderLessonOutline } from './lesson-outline';
import type { PlaygroundServices } from './playground-services';
import { proseStyles } from './prose-styles';
import { ServicesController } from './services-context';
import { sharedStyles } from './shared-styles';
import { confirmAction } from './tp-confirm-dialog';
import './cell/tp-cell';

/**
 * A compiled lesson: its prose (build-time sanitized HTML) and a `<tp-cell>` per code cell,
 * sharing one notebook runtime; lesson tools (Run all, Restart, Clear my data) and links to
 * the previous and next lessons.
 *
 * @csspart heading - the lesson title
 */
export class TpLesson extends LitElement {
  static override styles = [
    sharedStyles,
    unsafeCSS(codeThemeCss),
    proseStyles,
    lessonOutlineStyles,
    css`
      :host {
        display: block;
      }
      header {
        margin-bottom: 1.5rem;
      }
      .eyebrow {
        margin: 0;
        font-size: 0.8125rem;
        font-weight: 600;
        letter-spacing: 0.05em;
        text-transform: uppercase;
        color: var(--tp-accent);
      }
      h1 {
        font-size: clamp(1.6rem, 4vw, 2.2rem);
        line-height: 1.2;
        margin: 0.25rem 0 0.5rem;
      }
      h1:focus {
        outline: none;
      }
      .summary {
        margin: 0 0 1rem;
        font-size: 1.1rem;
        color: var(--tp-muted);
      }
      .tools {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      .tools .message {
        font-size: 0.875rem;
        color: var(--tp-muted);
      }
      .pager {
        display: flex;
        justify-content: space-between;
        gap: 1rem;
        margin-top: 3rem;
        padding-top: 1.25rem;
        border-top: 1px solid var(--tp-border);
      }
      .pager a {
        display: flex;
        flex-direction: column;
        gap: 0.15rem;
        padding: 0.75rem 1rem;
        border: 1px solid var(--tp-border);
        border-radius: 8px;
        text-decoration: none;
        color: var(--tp-fg);
        max-width: 48%;
      }
      .pager a:hover {
        border-color: var(--tp-accent);
      }
      .pager .label {
        font-size: 0.8125rem;
        color: var(--tp-muted);
      }
      .pager .next {
        margin-left: auto;
        text-align: right;
      }
    `,
  ];

  @property({ attribute: false }) lesson: CompiledLesson | undefined;
  @property({ attribute: false }) previous: LessonMeta | undefined;
  @property({ attribute: false }) next: LessonMeta | undefined;
  @state() protected busy: boolean = false;
  @state() protected message: string = '';
  private readonly servicesController = new ServicesController(this);
  private session: NotebookSession | undefined;
  private sessionFor: CompiledLesson | undefined;

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.session?.dispose();
    this.session = this.sessionFor = undefined;
  }

  override connectedCallback() {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate();
  }

  protected override willUpdate(_changed: PropertyValues<this>) {
    const services = this.servicesController.services;
    if (!services || !this.lesson || this.sessionFor === this.lesson) return;
    this.session?.dispose();
    const session = createPageSession(this.lesson, services);
    this.session = session;
    this.sessionFor = this.lesson;
    this.message = '';
    // The sandbox starts in idle time after this lesson paints: the first "Run cell" is then fast.
    afterPaintWhenIdle(() => session.start());
    const exerciseIds = session.cells.filter((cell) => cell.exercise).map((cell) => cell.id);
    services.recordLessonExercises(this.lesson.meta.slug, exerciseIds);
  }

  /** Moves focus to the lesson title (after navigation). */
  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  /**
   * Scrolls to the prose heading with this id and focuses it (a `#/<slug>#<id>` link); false when the
   * lesson has no such heading. Waits for the cells to render first, so the layout no longer moves.
   */
  async focusSection(id: string): Promise<boolean> {
    await this.updateComplete;
    await Promise.all([...this.renderRoot.querySelectorAll('tp-cell')].map((cell) => cell.updateComplete));
    const heading = [...this.renderRoot.querySelectorAll<HTMLElement>('.prose [id]')].find((element) => element.id === id);
    if (!heading) return false;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'start' });
    return true;
  }

  override render() {
    const lesson = this.lesson;
    if (!lesson) return nothing;
    const { meta } = lesson;
    return html`<article>
      <header>
        <p class="eyebrow">Lesson ${meta.order}</p>
        <h1 tabindex="-1" part="heading">${meta.title}</h1>
        <p class="summary">${meta.summary}</p>
        <div class="tools" role="group" aria-label="Lesson tools">
          <button @click=${this.runAll} ?disabled=${this.busy} title="Run every cell in order, stopping at the first error">
            Run all
          </button>
          <button @click=${this.restart} title="Start a fresh runtime: variables and counters reset">Restart</button>
          <button class="danger" @click=${this.clearData}>Clear my data</button>
          <span class="message" role="status">${this.message}</span>
        </div>
        ${renderLessonOutline(meta.slug, lesson.outline, (id) => void this.focusSection(id))}
      </header>
      ${lesson.sections.map((section) =>
        section.kind === 'prose'
          ? // Build-time HTML: the lesson compiler escapes raw HTML in markdown and sanitizes the rest.
            html`<div class="prose">${unsafeHTML(section.html)}</div>`
          : html`<tp-cell .cell=${section.cell} .session=${this.session} lesson-slug=${meta.slug}></tp-cell>`,
      )}
      <nav class="pager" aria-label="Previous and next lesson">
        ${this.previous
          ? html`<a class="previous" href=${lessonHash(this.previous.slug)} rel="prev"
              ><span class="label">← Previous</span><span>${this.previous.title}</span></a
            >`
          : nothing}
        ${this.next
          ? html`<a class="next" href=${lessonHash(this.next.slug)} rel="next"
              ><span class="label">Next →</span><span>${this.next.title}</span></a
            >`
          : html`<a class="next" href="#/"><span class="label">Done</span><span>Back to the contents</span></a>`}
      </nav>
    </article>`;
  }

  private async runAll() {
    if (!this.session) return;
    this.busy = true;
    this.message = '';
    try {
      await this.session.runAll();
    } finally {
      this.busy = false;
    }
  }

  private async restart() {
    if (!this.session) return;
    await this.session.restart();
    this.message = 'Runtime restarted: variables and counters are reset.';
  }

  private async clearData() {
    const lesson = this.lesson;
    const services = this.servicesController.services;
    if (!lesson || !services) return;
    const confirmed = await confirmAction({
      heading: 'Clear your data for this lesson?',
      message: `Your edits and exercise progress in “${lesson.meta.title}” will be deleted. This cannot be undone.`,
      confirmLabel: 'Clear lesson data',
      danger: true,
    });
    if (!confirmed) return;
    services.clearLesson(lesson.meta.slug);
    this.message = 'Your edits and progress for this lesson were cleared.';
  }
}

/**
 * The lesson's session over the page's sandbox: the kernel module and the API router (emulator or
 * live) load on the first run or in idle time after the lesson painted, never before it.
 */
function createPageSession(lesson: CompiledLesson, services: PlaygroundServices): NotebookSession {
  return new NotebookSession({
    cells: lesson.sections.flatMap((section) => (section.kind === 'cell' ? [section.cell] : [])),
    createKernel: () =>
      Promise.all([import('../runner/sandbox-kernel'), services.apiBackend()]).then(([{ createSandboxKernel }, api]) =>
        createSandboxKernel({ api }),
      ),
    isLive: () => services.backend === 'live',
  });
}

/** Longest wait for idle time before the sandbox is prewarmed anyway. */
const PREWARM_IDLE_TIMEOUT_MS = 2_000;

/** Runs `work` after the next paint, in idle time, so the lesson text is never delayed by it. */
function afterPaintWhenIdle(work: () => void): void {
  const whenIdle = () => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: PREWARM_IDLE_TIMEOUT_MS });
    else setTimeout(work, 200);
  };
  // The frame after the next one has painted the lesson.
  requestAnimationFrame(() => setTimeout(whenIdle, 0));
}

customElements.define('tp-lesson', TpLesson);

declare global {
  interface HTMLElementTagNameMap {
    'tp-lesson': TpLesson;
  }
}
