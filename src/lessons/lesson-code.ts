import { assembleExercises, type AssembledCell } from './assemble-exercises';
import { lessonSlug } from './lesson-files';
import { parseFrontMatter } from './front-matter';
import { substituteModelPlaceholders } from './model-placeholders';
import { lessonSourceReader } from './lesson-sources';
import { parseFences, type LessonSourceReader } from './parse-fences';
import { createProseEnv } from './render-prose';

/**
 * The TypeScript of a lesson in notebook order, with the line of every fence, for tools that
 * check the code itself (the cell type-check test, benches). Same parsing and validation as
 * `compileLesson`, without rendering or highlighting.
 */
export function readLessonCode(source: string, file: string, readSource: LessonSourceReader = lessonSourceReader()): AssembledCell[] {
  const slug = lessonSlug(file);
  const { body } = parseFrontMatter(source, file);
  const sections = assembleExercises(parseFences(substituteModelPlaceholders(body, file), file, createProseEnv(), readSource), slug, file);
  return sections.flatMap((section) => (section.kind === 'cell' ? [section.cell] : []));
}
