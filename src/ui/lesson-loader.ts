/**
 * Loads the compiled lesson for the current route (each lesson is its own chunk) and
 * re-renders the host when it arrives. A reactive controller so the element's render()
 * only reads `value`, never awaits. Under `npm run dev` it also takes the dev server's
 * lesson updates (see lesson-hot-update.ts) and swaps the open lesson in place.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LESSON_UPDATE_EVENT, type LessonHotUpdate } from '../lessons/lesson-hot-update';
import type { CompiledLesson, LessonMeta } from '../lessons/types';

export type LessonLoad =
  | { state: 'none' }
  | { state: 'loading'; slug: string }
  | { state: 'ready'; slug: string; lesson: CompiledLesson }
  | { state: 'missing'; slug: string }
  | { state: 'failed'; slug: string; message: string };

export interface LessonLoaderOptions {
  /**
   * Called with the new course index when a lesson file changed under the dev server, before the
   * open lesson is replaced: the host shows the new list and saves pending edits here.
   */
  onLessonsChanged?: (lessons: LessonMeta[]) => void;
}

export class LessonLoaderController implements ReactiveController {
  value: LessonLoad = { state: 'none' };
  /** Lessons recompiled by the dev server since the page loaded: newer than their chunks. */
  private readonly updatedLessons = new Map<string, CompiledLesson>();
  private readonly onHotUpdate = (update: LessonHotUpdate) => this.applyHotUpdate(update);

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: () => { lessons: readonly LessonMeta[]; loadLesson: (slug: string) => Promise<CompiledLesson> },
    private readonly options: LessonLoaderOptions = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // `import.meta.hot` is undefined in production builds, so this whole branch is dropped there.
    if (import.meta.hot) import.meta.hot.on(LESSON_UPDATE_EVENT, this.onHotUpdate);
  }

  hostDisconnected(): void {
    if (import.meta.hot) import.meta.hot.off(LESSON_UPDATE_EVENT, this.onHotUpdate);
  }

  /**
   * A lesson file changed (dev server): remember the new lesson for later navigation, hand the new
   * index to the host, and show the new lesson in place of the open one with the same slug.
   */
  applyHotUpdate(update: LessonHotUpdate): void {
    const { lesson } = update;
    const slug = lesson.meta.slug;
    this.updatedLessons.set(slug, lesson);
    // Vite's overlay for an earlier broken version: the lesson compiles again. (Closed here, before the
    // server's empty update that follows, which would otherwise reload a page showing an overlay.)
    for (const overlay of globalThis.document?.querySelectorAll('vite-error-overlay') ?? []) {
      (overlay as Element & { close?: () => void }).close?.();
    }
    this.options.onLessonsChanged?.(update.lessons);
    const current = this.value;
    if (current.state !== 'none' && current.state !== 'missing' && current.slug === slug) {
      this.set({ state: 'ready', slug, lesson });
    }
  }

  /**
   * Shows `slug` (or nothing for `undefined`). A no-op when it is already shown or loading,
   * except that a slug reported missing is looked up again (the list may have arrived since)
   * and a failed load is retried with `retry`.
   */
  show(slug: string | undefined, options: { retry?: boolean } = {}): void {
    const current = this.value;
    if (slug === undefined) {
      if (current.state !== 'none') this.set({ state: 'none' });
      return;
    }
    const { lessons, loadLesson } = this.source();
    const known = lessons.some((lesson) => lesson.slug === slug);
    if (current.state !== 'none' && current.slug === slug) {
      const nowKnown = current.state === 'missing' && known;
      const retry = current.state === 'failed' && options.retry === true;
      if (!nowKnown && !retry) return;
    }
    if (!known) {
      this.set({ state: 'missing', slug });
      return;
    }
    const updated = this.updatedLessons.get(slug);
    if (updated) {
      this.set({ state: 'ready', slug, lesson: updated });
      return;
    }
    this.set({ state: 'loading', slug });
    loadLesson(slug).then(
      (lesson) => this.settle(slug, { state: 'ready', slug, lesson }),
      (error: unknown) =>
        this.settle(slug, { state: 'failed', slug, message: error instanceof Error ? error.message : String(error) }),
    );
  }

  private settle(slug: string, value: LessonLoad): void {
    // A later navigation wins over a slow load.
    if (this.value.state === 'loading' && this.value.slug === slug) this.set(value);
  }

  private set(value: LessonLoad): void {
    this.value = value;
    this.host.requestUpdate();
  }
}
