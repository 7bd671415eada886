/**
 * A problem in a lesson's markdown, located by file and 1-based line so that `vite build`,
 * the dev overlay and the tests all point the author at the same place: `lessons/05-tool-use.md:42: …`.
 */
export class LessonError extends Error {
  override name = 'LessonError';

  constructor(
    /** Path of the markdown file as shown to the author (relative to the project root). */
    readonly file: string,
    /** 1-based line in that file. */
    readonly line: number,
    /** The problem, without the location. */
    readonly detail: string,
  ) {
    super(`${file}:${line}: ${detail}`);
  }
}
