import type { Browser } from 'playwright-core';
import { installProbes, type ProbeWindow } from './probes';

/** After network idle, how long to keep listening for a later, larger paint. */
const SETTLE_MS = 1000;

/**
 * Largest contentful paint (ms from navigation start) of one cold load: a fresh browser context
 * (empty cache and storage), the last `largest-contentful-paint` entry before any input.
 */
export async function measureColdLcp(browser: Browser, lessonUrl: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await installProbes(page);
    await page.goto(lessonUrl, { waitUntil: 'networkidle' });
    await page.waitForTimeout(SETTLE_MS);
    const entries = await page.evaluate(() => (window as unknown as ProbeWindow).__benchProbes.lcp);
    const last = entries.at(-1);
    if (last === undefined) throw new Error('the page reported no largest-contentful-paint entry');
    return last;
  } finally {
    await context.close();
  }
}
