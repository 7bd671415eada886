declare module 'virtual:lessons' {
  import type { CompiledLesson, LessonMeta } from './types';
  /** Every lesson's front matter, sorted by `order`. */
  export const lessons: LessonMeta[];
  /** Loads one compiled lesson (each lesson is its own chunk). Rejects for an unknown slug. */
  export function loadLesson(slug: string): Promise<CompiledLesson>;
}
