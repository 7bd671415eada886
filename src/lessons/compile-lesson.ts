import { assembleExercises } from './assemble-exercises';
import { parseFrontMatter } from './front-matter';
import { shortHash } from './hash';
import { highlightCode } from './highlight';
import { lessonSlug } from './lesson-files';
import { substituteModelPlaceholders } from './model-placeholders';
import { lessonSourceReader } from './lesson-sources';
import { parseFences, type LessonSourceReader } from './parse-fences';
import { createProseEnv, renderMarkdown, renderProseTokens } from './render-prose';
import type { CellSpec, CompiledLesson, LessonSection } from './types';

/**
 * Compiles one lesson's markdown into the data the UI renders. No Vite, so the tests and the Vite plugin
 * share it; the only file it reads is a course module a ```` ```ts file=… ```` fence shows, through
 * `readSource` (default: the project's lessons/ folder). `file` is the path shown in error messages
 * (e.g. `lessons/01-first-request.md`). Throws `LessonError` (file and 1-based line) for anything an author must fix.
 */
export function compileLesson(source: string, file: string, readSource: LessonSourceReader = lessonSourceReader()): CompiledLesson {
  const slug = lessonSlug(file);
  const { frontMatter, body } = parseFrontMatter(source, file);
  const env = createProseEnv();
  const sections = assembleExercises(parseFences(substituteModelPlaceholders(body, file), file, env, readSource), slug, file);
  // Taken before the hints are rendered: a heading inside a hint is not a section of the lesson.
  const outline = [...env.headings];

  const output: LessonSection[] = [];
  for (const section of sections) {
    if (section.kind === 'prose') {
      const html = renderProseTokens(section.tokens, env);
      if (html.trim() !== '') output.push({ kind: 'prose', html });
      continue;
    }
    const { id, code, line, expectError, timeoutMs, emulatorOnly, exercise } = section.cell;
    const cell: CellSpec = { id, code, codeHash: shortHash(code), highlightedHtml: highlightCode(code, 'ts'), line, emulatorOnly };
    if (expectError !== undefined) cell.expectError = expectError;
    if (timeoutMs !== undefined) cell.timeoutMs = timeoutMs;
    if (exercise) {
      cell.exercise = {
        title: exercise.title,
        checks: exercise.checks,
        hints: exercise.hints.map((hint) => renderMarkdown(hint, env)),
        solution: exercise.solution,
      };
    }
    output.push({ kind: 'cell', cell });
  }
  return { meta: { slug, ...frontMatter }, sections: output, outline };
}
