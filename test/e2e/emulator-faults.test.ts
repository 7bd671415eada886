/**
 * Faults never outlive their lesson (issue 14): the production build under the sub-path, in Chromium. Faults
 * queued from the emulator panel show above the lesson, follow their use by a cell's request, clear with the
 * bar's button, and are dropped when the learner opens another lesson.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deepText, launchChromium, siteUrl } from './browser';

const FIRST_LESSON = '01-first-request';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await page.goto(`${siteUrl()}?pacing=instant#/${FIRST_LESSON}`);
  await page.locator('tp-lesson h1').waitFor();
});
afterEach(async () => {
  await context?.close();
});

const cell = (index: number): Locator => page.locator('tp-cell').nth(index);
const output = (target: Locator) => deepText(target.locator('[role="log"]'));
const bar = () => deepText(page.locator('tp-pending-faults'));

/** Queues `count` rate-limit faults from the Settings dialog's emulator panel, then closes the dialog. */
async function queueRateLimits(count: number): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const countField = page.locator('tp-emulator-panel').getByRole('spinbutton');
  await countField.fill(String(count));
  await countField.dispatchEvent('change');
  await page.getByRole('button', { name: 'Rate limit (429)' }).click();
  await expect.poll(() => deepText(page.locator('tp-emulator-panel'))).toContain(`Pending: rate_limit ×${count}`);
  await page.keyboard.press('Escape');
}

describe('emulator faults in the page', () => {
  it('shows queued faults above the lesson, counts down as a cell uses one, and clears them with the button', async () => {
    await page.getByRole('button', { name: 'Run all' }).click();
    await expect.poll(() => cell(3).locator('.run-status').innerText(), { timeout: 90_000 }).toMatch(/Done/);
    expect(await bar()).not.toContain('queued');

    await queueRateLimits(3);
    await expect.poll(bar).toContain('Emulator faults queued for the next requests: rate_limit ×3');
    // Cell 3 sends one request with fetch: it meets the first fault, and the bar counts down.
    await cell(3).getByRole('button', { name: 'Run cell' }).click();
    await expect.poll(() => output(cell(3)), { timeout: 60_000 }).toContain('rate_limit_error');
    await expect.poll(bar).toContain('rate_limit ×2');

    await page.locator('tp-pending-faults').getByRole('button', { name: 'Clear faults' }).click();
    await expect.poll(bar).not.toContain('queued');
    await cell(3).getByRole('button', { name: 'Run cell' }).click();
    // The new run replaces the 429's output with a 200 (the cell prints the status first).
    await expect.poll(async () => { const text = await output(cell(3)); return /\b200\b/.test(text) && !text.includes('rate_limit_error'); }, { timeout: 60_000 }).toBe(true);
  });

  it('drops the queued faults when the learner opens another lesson, and a request there succeeds', async () => {
    await queueRateLimits(5);
    await expect.poll(bar).toContain('rate_limit ×5');
    await page.locator('#contents a[href$="#/02-message-format"]').click();
    await page.locator('tp-lesson h1', { hasText: 'The message format' }).waitFor();
    await expect.poll(bar).not.toContain('queued');
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect.poll(() => deepText(page.locator('tp-emulator-panel'))).toContain('No faults pending.');
    await page.keyboard.press('Escape');
    // Cell 1 sends a request (cell 0 defines its helpers).
    await page.getByRole('button', { name: 'Run all' }).click();
    await expect.poll(() => cell(1).locator('.run-status').innerText(), { timeout: 90_000 }).toMatch(/Done/);
    expect(await output(cell(1))).not.toContain('rate_limit_error');
    expect(await output(cell(1)).then((text) => text.length)).toBeGreaterThan(0);
  });
});
