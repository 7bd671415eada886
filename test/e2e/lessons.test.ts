/**
 * Every lesson, run the way a learner runs it: the production build under /claude-playground/ in Debian's
 * Chromium, each cell in order through its buttons. A cell without `expect-error` must end `ok` ("Run cell");
 * one with it must end in an error whose name, API error type or message contains that text. An exercise is
 * not run as is (its starter is unfinished on purpose and may fail): "Check" on the starter must fail at
 * least one check, then "Show solution" (confirmed) and "Check" must pass them all, and "Run cell" on the
 * solution must end `ok`; the cells after it build on the solution's declarations. The page itself must log no console error and throw nothing.
 *
 * What to expect comes from the lesson markdown compiled in Node (ids, expectError, exercises), not from
 * the page; the page's cells are matched by order and by the cell id each run reports.
 *
 * Buttons are clicked with a dispatched `click` (no scrolling): scrolling every cell into view would load
 * a Monaco editor per cell, which triples the run time on a 2-core machine and is not what this test is
 * about (typing into the editor is covered by playground.test.ts). The confirm dialog gets a real click.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileLesson } from '../../src/lessons/compile-lesson';
import type { CellSpec } from '../../src/lessons/types';
import type { RunResult } from '../../src/runner/protocol';
import { readLessonFiles } from '../lessons/course-files';
import { launchChromium, siteUrl } from './browser';

interface LessonUnderTest {
  file: string;
  slug: string;
  cells: CellSpec[];
}

/** A `cell-run-finished` event as the page recorded it. */
interface FinishedRun {
  cellId: string;
  result: RunResult;
}

/** What the init script keeps on `window`. */
interface RecordingWindow {
  __finishedRuns: FinishedRun[];
}

const LESSONS: LessonUnderTest[] = readLessonFiles().map(({ file, source }) => {
  const compiled = compileLesson(source, file);
  return {
    file,
    slug: compiled.meta.slug,
    cells: compiled.sections.flatMap((section) => (section.kind === 'cell' ? [section.cell] : [])),
  };
});

/** Margin over a cell's own time limit before the test gives up waiting for its run to finish. */
const RUN_WAIT_MARGIN_MS = 30_000;
const DEFAULT_CELL_TIMEOUT_MS = 30_000;

let browser: Browser;
/**
 * One context for the file, a new page per lesson: each lesson gets a fresh document, sandbox and
 * runtime, while the HTTP cache is shared (the SDK, emulator and msw chunks are not re-fetched for each
 * lesson). Saved data is keyed by cell id, so lessons cannot see each other's edits.
 */
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

/** `lessons/04-streaming.md:57 (04-streaming/parse-stream)`: where an author looks to fix a cell. */
function where(lesson: LessonUnderTest, cell: CellSpec): string {
  return `${lesson.file}:${cell.line} (${cell.id})`;
}

function describeError(result: RunResult): string {
  const error = result.error;
  if (!error) return `status ${result.status}, no error`;
  const type = error.apiErrorType ? ` [${error.apiErrorType}]` : '';
  const line = error.line === undefined ? '' : ` at cell line ${error.line}`;
  const hint = error.hint ? ` (hint: ${error.hint})` : '';
  return `status ${result.status}: ${error.name}${type}: ${error.message}${line}${hint}`;
}

function describeFailedChecks(result: RunResult): string {
  const failed = (result.checks ?? []).filter((check) => !check.passed);
  return failed.map((check) => `✗ ${check.name}${check.message ? `: ${check.message}` : ''}`).join('; ');
}

/** Whether the run ended the way the lesson means it to; otherwise why not. */
function unexpectedOutcome(cell: CellSpec, result: RunResult): string | undefined {
  const expected = cell.expectError;
  if (expected === undefined) return result.status === 'ok' ? undefined : `expected ok, got ${describeError(result)}`;
  const error = result.error;
  if (result.status !== 'error' || !error) return `expected an error containing "${expected}", got ${describeError(result)}`;
  const matches = [error.name, error.apiErrorType ?? '', error.message].some((text) => text.includes(expected));
  return matches ? undefined : `expected an error containing "${expected}", got ${describeError(result)}`;
}

class LessonDriver {
  private readonly problems: string[] = [];

  private constructor(private readonly page: Page) {
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.name}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const { url, lineNumber } = message.location();
      this.problems.push(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    });
  }

  /** Opens the lesson in a new page, recording finished runs and the page's own errors from the start. */
  static async open(context: BrowserContext, slug: string): Promise<LessonDriver> {
    const driver = new LessonDriver(await context.newPage());
    await driver.page.addInitScript(() => {
      const recording = window as unknown as RecordingWindow;
      recording.__finishedRuns = [];
      document.addEventListener('cell-run-finished', (event) => {
        const { cellId, result } = (event as CustomEvent<FinishedRun>).detail;
        recording.__finishedRuns.push({ cellId, result });
      });
    });
    try {
      await driver.page.goto(`${siteUrl()}?pacing=instant#/${slug}`);
      await driver.page.locator('tp-lesson h1').waitFor();
    } catch (error) {
      throw driver.withPageProblems(error);
    }
    return driver;
  }

  /** The page's own errors often explain a failure: adds them to its message. */
  withPageProblems(error: unknown): unknown {
    if (this.problems.length === 0 || !(error instanceof Error)) return error;
    error.message += `\nMeanwhile the page logged:\n  ${this.problems.join('\n  ')}`;
    return error;
  }

  async close(): Promise<void> {
    await this.page.close();
  }

  /** Console errors and uncaught exceptions of the page so far. */
  get pageProblems(): readonly string[] {
    return this.problems;
  }

  cells(): Locator {
    return this.page.locator('tp-lesson tp-cell');
  }

  /** Clicks a button of the cell once it is enabled (a disabled button ignores the click). */
  async clickButton(target: Locator, buttonName: string): Promise<void> {
    const button = target.getByRole('button', { name: buttonName, exact: true });
    await expect.poll(() => button.isEnabled(), { message: `"${buttonName}" is enabled`, timeout: 10_000 }).toBe(true);
    await button.dispatchEvent('click');
  }

  /** Clicks a button of the cell and waits for the run it starts to finish. */
  async clickAndWaitForRun(target: Locator, buttonName: string, cell: CellSpec): Promise<FinishedRun> {
    const before = await this.page.evaluate(() => (window as unknown as RecordingWindow).__finishedRuns.length);
    await this.clickButton(target, buttonName);
    const waitMs = (cell.timeoutMs ?? DEFAULT_CELL_TIMEOUT_MS) + RUN_WAIT_MARGIN_MS;
    await this.page
      .waitForFunction((count) => (window as unknown as RecordingWindow).__finishedRuns.length > count, before, {
        timeout: waitMs,
        polling: 50,
      })
      .catch(() => {
        throw new Error(`no cell-run-finished event within ${waitMs} ms after "${buttonName}"`);
      });
    return this.page.evaluate((index) => (window as unknown as RecordingWindow).__finishedRuns[index]!, before);
  }

  /** "Show solution", confirmed in the dialog; resolves once the solution is in the cell. */
  async showSolution(target: Locator): Promise<void> {
    await this.clickButton(target, 'Show solution');
    await this.page.getByRole('dialog').getByRole('button', { name: 'Show solution', exact: true }).click();
    await target.getByRole('button', { name: 'Restore my code', exact: true }).waitFor();
  }
}

/** Runs one step; a failure names the lesson file, line, cell id and what went wrong. */
async function step<T>(lesson: LessonUnderTest, cell: CellSpec, what: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`${where(lesson, cell)}: ${what}: ${message}`);
  }
}

async function runLesson(lesson: LessonUnderTest, driver: LessonDriver): Promise<void> {
  const domCells = driver.cells();
  await expect
    .poll(() => domCells.count(), { message: `${lesson.file}: number of cells on the page` })
    .toBe(lesson.cells.length);

  for (const [index, cell] of lesson.cells.entries()) {
    const target = domCells.nth(index);
    const hasCheckButton = (await target.getByRole('button', { name: 'Check', exact: true }).count()) > 0;
    if (hasCheckButton !== (cell.exercise !== undefined)) {
      throw new Error(`${where(lesson, cell)}: page cell #${index + 1} ${hasCheckButton ? 'is' : 'is not'} an exercise, the lesson says otherwise`);
    }

    if (!cell.exercise) {
      const run = await step(lesson, cell, 'Run cell', () => driver.clickAndWaitForRun(target, 'Run cell', cell));
      if (run.cellId !== cell.id) throw new Error(`${where(lesson, cell)}: page cell #${index + 1} ran as ${run.cellId}`);
      const problem = unexpectedOutcome(cell, run.result);
      if (problem) throw new Error(`${where(lesson, cell)}: Run cell: ${problem}`);
      continue;
    }

    const starter = await step(lesson, cell, 'Check (starter)', () => driver.clickAndWaitForRun(target, 'Check', cell));
    if (starter.cellId !== cell.id) throw new Error(`${where(lesson, cell)}: page cell #${index + 1} ran as ${starter.cellId}`);
    const starterChecks = starter.result.checks ?? [];
    if (starterChecks.length > 0 && starterChecks.every((check) => check.passed)) {
      throw new Error(`${where(lesson, cell)}: Check with the starter code passed every check; at least one must fail`);
    }
    if (starterChecks.length === 0 && starter.result.status === 'ok') {
      throw new Error(`${where(lesson, cell)}: Check with the starter code reported no checks`);
    }

    await step(lesson, cell, 'Show solution', () => driver.showSolution(target));
    const solved = await step(lesson, cell, 'Check (solution)', () => driver.clickAndWaitForRun(target, 'Check', cell));
    const checks = solved.result.checks ?? [];
    if (solved.result.status !== 'ok') {
      throw new Error(`${where(lesson, cell)}: Check with the solution: ${describeError(solved.result)} ${describeFailedChecks(solved.result)}`);
    }
    if (checks.length === 0) throw new Error(`${where(lesson, cell)}: Check with the solution reported no checks`);
    if (!checks.every((check) => check.passed)) {
      throw new Error(`${where(lesson, cell)}: Check with the solution failed: ${describeFailedChecks(solved.result)}`);
    }
    // The solution is also an ordinary cell now: "Run cell" must end ok.
    const rerun = await step(lesson, cell, 'Run cell (solution)', () => driver.clickAndWaitForRun(target, 'Run cell', cell));
    if (rerun.result.status !== 'ok') throw new Error(`${where(lesson, cell)}: Run cell with the solution: ${describeError(rerun.result)}`);
  }
}

describe.sequential('every lesson, cell by cell, through the UI', () => {
  it('finds the lessons', () => {
    expect(LESSONS.length).toBeGreaterThan(0);
    for (const lesson of LESSONS) expect(lesson.cells.length, lesson.file).toBeGreaterThan(0);
  });

  for (const lesson of LESSONS) {
    // Generous: a slow lesson on a busy 2-core machine takes ~1 min; each cell's own limit still applies.
    const runs = lesson.cells.reduce((sum, cell) => sum + (cell.exercise ? 3 : 1), 0);
    const testTimeout = Math.max(180_000, runs * 10_000);

    it(`${lesson.file}: every cell ends as the lesson means it to`, async () => {
      const driver = await LessonDriver.open(context, lesson.slug);
      try {
        await runLesson(lesson, driver);
      } catch (error) {
        throw driver.withPageProblems(error);
      } finally {
        await driver.close();
      }
      expect(driver.pageProblems, `${lesson.file}: console errors / page errors`).toEqual([]);
    }, testTimeout);
  }
});
