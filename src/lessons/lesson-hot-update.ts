/**
 * The dev server's message when a lesson's markdown changes (`npm run dev` only): the
 * `tp-lessons` Vite plugin sends it over Vite's HMR channel and the page's lesson loader
 * (src/ui/lesson-loader.ts) swaps the lesson in place, without reloading the page.
 */
import type { CompiledLesson, LessonMeta } from './types';

/** Name of the Vite HMR custom event. */
export const LESSON_UPDATE_EVENT = 'tp-lessons:update';

export interface LessonHotUpdate {
  /** The whole course index again (titles or order may have changed), sorted like `virtual:lessons`. */
  lessons: LessonMeta[];
  /** The recompiled lesson whose file changed. */
  lesson: CompiledLesson;
}
