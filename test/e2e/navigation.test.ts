/**
 * Finding your way (issue 11): deep links to a lesson's sections, the in-lesson contents, search across
 * all lessons, the progress overview and the keyboard shortcuts, in the production build under the
 * sub-path, driven in Debian's Chromium.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deepText, focusedElement, launchChromium, lessonSectionTitles, siteUrl } from './browser';

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
});
afterEach(async () => {
  await context?.close();
});

/** Whether the top of the element is inside the viewport. */
function inViewport(selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((element) => {
    const top = element.getBoundingClientRect().top;
    return top >= 0 && top < window.innerHeight;
  });
}

describe('deep links to a section', () => {
  it('opens the lesson at the heading the URL names, focused and in view', async () => {
    await page.goto(`${siteUrl()}#/04-streaming#when-the-stream-fails-midway`);
    await page.locator('tp-lesson h1').waitFor();
    expect(await page.title()).not.toMatch(/not found/i);
    const heading = 'tp-lesson h2#when-the-stream-fails-midway';
    await expect.poll(() => focusedElement(page)).toMatchObject({ tag: 'h2', text: 'When the stream fails midway' });
    await expect.poll(() => inViewport(heading)).toBe(true);
  });

  it('moves to another section of the open lesson when the hash changes', async () => {
    await page.goto(`${siteUrl()}#/08-errors-and-retries`);
    await page.locator('tp-lesson h1').waitFor();
    await page.evaluate(() => (location.hash = '#/08-errors-and-retries#how-long-to-wait'));
    await expect.poll(() => focusedElement(page)).toMatchObject({ tag: 'h2', text: 'How long to wait' });
    await expect.poll(() => inViewport('tp-lesson h2#how-long-to-wait')).toBe(true);
  });
});

describe('in-lesson contents', () => {
  it('lists every section of the lesson and jumps to the one picked', async () => {
    const titles = lessonSectionTitles('08-errors-and-retries');
    await page.goto(`${siteUrl()}#/08-errors-and-retries`);
    const contents = page.getByRole('navigation', { name: 'On this page' });
    await contents.waitFor();
    expect(await contents.getByRole('link').allTextContents()).toEqual(titles);

    await contents.getByRole('link', { name: '429: rate limited' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/08-errors-and-retries#429-rate-limited');
    await expect.poll(() => focusedElement(page)).toMatchObject({ tag: 'h2', text: '429: rate limited' });
    await expect.poll(() => inViewport('tp-lesson h2[id="429-rate-limited"]')).toBe(true);
    expect(await deepText(page.locator('tp-lesson h1'))).toContain('Errors');
  });
});
