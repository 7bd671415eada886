import { compileLesson } from '../src/lessons/compile-lesson';
import type { CellSpec } from '../src/lessons/types';
import { STORAGE_VERSION, VERSIONED_PREFIX } from '../src/store/storage-record';
import { readLessonFiles } from '../test/lessons/course-files';

/** The first lesson of the course (by file name, as the contents list it) and its cells, compiled from markdown. */
export interface BenchLesson {
  slug: string;
  cells: CellSpec[];
}

export function firstLesson(): BenchLesson {
  const first = readLessonFiles()[0];
  if (!first) throw new Error('lessons/ has no lesson');
  const compiled = compileLesson(first.source, first.file);
  return {
    slug: compiled.meta.slug,
    cells: compiled.sections.flatMap((section) => (section.kind === 'cell' ? [section.cell] : [])),
  };
}

/**
 * localStorage entries that make `cell` open with `code` as the learner's saved edit (the format of
 * src/store/playground-store.ts: `edit/<cellId>` → `{ version, code, codeHash, savedAt }`). The hash is
 * the cell's current one, so the page shows the edit without the "lesson updated" banner.
 */
export function savedEdit(cell: CellSpec, code: string): [key: string, value: string] {
  return [`${VERSIONED_PREFIX}edit/${cell.id}`, JSON.stringify({ version: STORAGE_VERSION, code, codeHash: cell.codeHash, savedAt: 1 })];
}
