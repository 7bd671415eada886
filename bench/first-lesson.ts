import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { compileLesson } from '../src/lessons/compile-lesson';
import type { CellSpec } from '../src/lessons/types';
import { STORAGE_VERSION, VERSIONED_PREFIX } from '../src/store/storage-record';
import { readLessonFiles } from '../test/lessons/course-files';
import { installProbes } from './probes';

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

export interface FirstCellPage {
  context: BrowserContext;
  page: Page;
  /** The lesson's first `<tp-cell>`, already showing `code`. */
  cell: Locator;
}

/**
 * A fresh context and page on `lessonUrl` with the probes installed and the lesson's first cell holding
 * `code` as the learner's saved edit, loaded until network idle. The caller closes `context`.
 */
export async function openFirstCellWith(browser: Browser, lessonUrl: string, lesson: BenchLesson, code: string): Promise<FirstCellPage> {
  const first = lesson.cells[0];
  if (!first) throw new Error(`${lesson.slug} has no cell`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await installProbes(page);
  const [key, value] = savedEdit(first, code);
  await page.addInitScript(([storageKey, storageValue]) => localStorage.setItem(storageKey, storageValue), [key, value] as const);
  await page.goto(lessonUrl, { waitUntil: 'networkidle' });
  return { context, page, cell: page.locator('tp-lesson tp-cell').first() };
}
