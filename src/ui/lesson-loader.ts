/**
 * Loads the compiled lesson for the current route (each lesson is its own chunk) and
 * re-renders the host when it arrives. A reactive controller so the element's render()
 * only reads `value`, never awaits.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CompiledLesson, LessonMeta } from '../lessons/types';

export type LessonLoad =
  | { state: 'none' }
  | { state: 'loading'; slug: string }
  | { state: 'ready'; slug: string; lesson: CompiledLesson }
  | { state: 'missing'; slug: string }
  | { state: 'failed'; slug: string; message: string };

export class LessonLoaderController implements ReactiveController {
  value: LessonLoad = { state: 'none' };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: () => { lessons: readonly LessonMeta[]; loadLesson: (slug: string) => Promise<CompiledLesson> },
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

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
