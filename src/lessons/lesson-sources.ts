import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LessonSourceReader } from './parse-fences';

/** The project's `lessons/` folder, from this file's place in src/lessons/. */
const LESSONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../lessons');

/** Reads `lessons/<relative>` (a ```` ```ts file=… ```` fence); `dir` overrides the folder (the Vite plugin's option). */
export function lessonSourceReader(dir: string = LESSONS_DIR): LessonSourceReader {
  return (relative) => readFileSync(path.join(dir, relative), 'utf8').replace(/\n$/, '');
}
