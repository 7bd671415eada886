import type { Browser, Page } from 'playwright-core';
import { openFirstCellWith, type BenchLesson } from './first-lesson';
import { finishedRunCount, waitForFinishedRun, type ProbeWindow } from './probes';

export interface RunLatencyResult {
  /** Ctrl+Enter → first output line of the first run after page load (cold sandbox; the editor already open). */
  firstRunMs: number;
  /** The measured runs after warm-up. */
  runsMs: number[];
}

const MARKER = 'bench-output-line';
/** A different value each run, so a run's output can be told from the previous run's. */
const CELL_CODE = `console.log('${MARKER}', Date.now());`;
/** Pause between runs so one run's tail work (rendering, saving) does not overlap the next. */
const PAUSE_MS = 100;

interface PendingWindow extends ProbeWindow {
  __benchPendingOutput?: Promise<number>;
}

/** One Ctrl+Enter in the focused editor of cell `cellIndex`: ms from keydown to the output line in the DOM. */
async function timeOneRun(page: Page, cellIndex: number): Promise<number> {
  const finishedBefore = await finishedRunCount(page);
  // Arm the watcher first (it must see the old output disappear), then press.
  await page.evaluate(
    ([index, marker]) => {
      const target = window as unknown as PendingWindow;
      target.__benchProbes.keydownAt = undefined;
      target.__benchPendingOutput = target.__benchProbes.watchOutput(index, marker, 60_000);
    },
    [cellIndex, MARKER] as const,
  );
  await page.keyboard.press('Control+Enter');
  const { keydownAt, outputAt } = await page.evaluate(async () => {
    const target = window as unknown as PendingWindow;
    const outputAt = await target.__benchPendingOutput!;
    return { keydownAt: target.__benchProbes.keydownAt, outputAt };
  });
  if (keydownAt === undefined) throw new Error('the Ctrl+Enter keydown was not seen by the page');
  const run = await waitForFinishedRun(page, finishedBefore);
  if (run.status !== 'ok') throw new Error(`the benchmark cell ended ${run.status}`);
  await page.waitForTimeout(PAUSE_MS);
  return outputAt - keydownAt;
}

/**
 * Run latency of a cell that logs a value (no network), through the real keyboard shortcut in the real
 * editor: the first lesson's first cell opens with that code as a saved edit, the editor is focused, then
 * Ctrl+Enter is pressed `warmUp + runs` times after one first run.
 */
export async function measureRunLatency(
  browser: Browser,
  lessonUrl: string,
  lesson: BenchLesson,
  options: { warmUp: number; runs: number },
): Promise<RunLatencyResult> {
  const { context, page, cell: target } = await openFirstCellWith(browser, lessonUrl, lesson, CELL_CODE);
  try {
    await target.locator('.preview').click();
    await target.locator('.monaco-editor').waitFor({ timeout: 60_000 });
    await target.locator('.monaco-editor .view-lines').click();

    const firstRunMs = await timeOneRun(page, 0);
    for (let i = 0; i < options.warmUp; i++) await timeOneRun(page, 0);
    const runsMs: number[] = [];
    for (let i = 0; i < options.runs; i++) runsMs.push(await timeOneRun(page, 0));
    return { firstRunMs, runsMs };
  } finally {
    await context.close();
  }
}
