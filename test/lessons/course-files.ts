import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isNotesFile } from '../../src/lessons/lesson-files';

/** The project root, from this file's location (tests may run from any working directory). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface LessonFile {
  /** Path relative to the project root, as the compiler reports it: `lessons/01-first-request.md`. */
  file: string;
  source: string;
}

/** Every markdown file in `lessons/`, sorted by name. */
export function readLessonFiles(): LessonFile[] {
  const dir = path.join(PROJECT_ROOT, 'lessons');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && !isNotesFile(name))
    .sort()
    .map((name) => ({ file: `lessons/${name}`, source: readFileSync(path.join(dir, name), 'utf8') }));
}
