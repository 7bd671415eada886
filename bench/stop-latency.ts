import type { Browser } from 'playwright-core';
import { openFirstCellWith, type BenchLesson } from './first-lesson';
import { finishedRunCount, waitForFinishedRun, type ProbeWindow } from './probes';

/** How long the endless loop runs before Stop is clicked (the worker is surely busy by then). */
const LOOP_MS = 300;

/**
 * Stop latency: a cell running `while (true) {}`, then a real click on its Stop button; ms from the click
 * to the cell's `cell-run-finished` event with status `stopped`. Repeated `times` in one page.
 */
export async function measureStopLatency(browser: Browser, lessonUrl: string, lesson: BenchLesson, times: number): Promise<number[]> {
  const { context, page, cell: target } = await openFirstCellWith(browser, lessonUrl, lesson, 'while (true) {}');
  try {
    const latencies: number[] = [];
    for (let i = 0; i < times; i++) {
      await target.getByRole('button', { name: 'Run cell', exact: true }).click();
      await target.locator('.run-status', { hasText: 'Running…' }).waitFor({ timeout: 60_000 });
      await page.waitForTimeout(LOOP_MS);
      const finishedBefore = await finishedRunCount(page);
      await target.getByRole('button', { name: /Stop/ }).click();
      const run = await waitForFinishedRun(page, finishedBefore, 30_000);
      if (run.status !== 'stopped') throw new Error(`the endless loop ended ${run.status}, not stopped`);
      const clickAt = await page.evaluate(() => (window as unknown as ProbeWindow).__benchProbes.clickAt);
      if (clickAt === undefined) throw new Error('the Stop click was not seen by the page');
      latencies.push(run.at - clickAt);
    }
    return latencies;
  } finally {
    await context.close();
  }
}
