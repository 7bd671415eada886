import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** What bench/page-probes.js puts on `window.__benchProbes` (page clock: performance.now()). */
export interface BenchProbes {
  keydownAt: number | undefined;
  clickAt: number | undefined;
  finished: { cellId: string; status: string; at: number }[];
  lcp: number[];
  watchOutput(cellIndex: number, marker: string, timeoutMs: number): Promise<number>;
}

export interface ProbeWindow {
  __benchProbes: BenchProbes;
}

const PROBES_FILE = fileURLToPath(new URL('./page-probes.js', import.meta.url));

/** Installs the probes in every document the page loads from now on. */
export async function installProbes(page: Page): Promise<void> {
  await page.addInitScript({ path: PROBES_FILE });
}

/** How many cell runs have finished so far in the page. */
export function finishedRunCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as ProbeWindow).__benchProbes.finished.length);
}

/** Waits until more than `count` runs have finished; returns the run that made it `count + 1`. */
export async function waitForFinishedRun(page: Page, count: number, timeoutMs = 60_000): Promise<BenchProbes['finished'][number]> {
  await page.waitForFunction((before) => (window as unknown as ProbeWindow).__benchProbes.finished.length > before, count, {
    timeout: timeoutMs,
    polling: 20,
  });
  return page.evaluate((index) => (window as unknown as ProbeWindow).__benchProbes.finished[index]!, count);
}
