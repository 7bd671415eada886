import { LessonError } from './lesson-error';

/** Lesson files are `NN-slug.md`; the slug (`NN-slug`) is the lesson's id in URLs and cell ids. */
const LESSON_FILE = /^(\d{2,3}-[a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

/** The slug of a lesson file name, or a `LessonError` naming the expected pattern. */
export function lessonSlug(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const match = LESSON_FILE.exec(name);
  if (!match) throw new LessonError(file, 1, 'lesson files are named `NN-slug.md` (two digits, a dash, lower-case words joined by dashes)');
  return match[1]!;
}

/** `lessons/README.md` is notes for authors, not a lesson; every other `.md` there must be a lesson. */
export function isNotesFile(name: string): boolean {
  return name.toLowerCase() === 'readme.md';
}
