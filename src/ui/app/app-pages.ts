import { html, nothing } from 'lit';
import type { LessonMeta } from '../../lessons/types';
import { lessonHash } from '../hash-route';

/** The home page: what the playground is, where to start, and the contents. */
export function renderHome(lessons: readonly LessonMeta[]) {
  const first = lessons[0];
  return html`<section class="home">
    <h1 tabindex="-1">Learn the Claude Messages API</h1>
    <p class="lead">
      Short lessons with code you can edit and run right here. Requests go to a faithful emulator of the API, so
      everything works without a key; switch to the live API in Settings when you want real answers.
    </p>
    ${first ? html`<p><a class="button" href=${lessonHash(first.slug)}>Start with “${first.title}” →</a></p>` : nothing}
    <h2>Contents</h2>
    <ol class="cards">
      ${lessons.map(
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

/** A slug no lesson has (renamed, mistyped). */
export function renderMissing(slug: string) {
  return html`<section class="missing">
    <h1 tabindex="-1">Lesson not found</h1>
    <p>There is no lesson called “${slug}”. It may have been renamed.</p>
    <p><a href="#/">See all lessons in the contents</a></p>
  </section>`;
}

/** A lesson chunk that did not load (offline, a new deployment); Try again reloads it. */
export function renderLoadFailed(message: string, retry: () => void) {
  return html`<section class="missing">
    <h1 tabindex="-1">This lesson could not load</h1>
    <p>${message}</p>
    <p><button @click=${retry}>Try again</button> or <a href="#/">go to the contents</a>.</p>
  </section>`;
}

/** The contents sidebar: every lesson, the current one marked, ✓ when all its exercises passed. */
export function renderLessonList(lessons: readonly LessonMeta[], currentSlug: string | undefined, isComplete: (slug: string) => boolean) {
  return html`<ol>
    ${lessons.map((lesson) => {
      const complete = isComplete(lesson.slug);
      return html`<li>
        <a href=${lessonHash(lesson.slug)} aria-current=${lesson.slug === currentSlug ? 'page' : 'false'}>
          <span class="order">${lesson.order}.</span>
          <span class="title">${lesson.title}</span>
          ${complete
            ? html`<span class="done" title="All exercises passed"><span aria-hidden="true">✓</span><span class="visually-hidden">(completed)</span></span>`
            : nothing}
        </a>
      </li>`;
    })}
  </ol>`;
}
