/**
 * The cell editor as a learner uses it, in the production build: Monaco with only its core and the
 * TypeScript language (src/editor/monaco-core.ts) must still give completions, type errors and TypeScript
 * highlighting, and must not download any other language's worker.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, siteUrl } from './browser';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const requested: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(`${siteUrl()}?pacing=instant#/01-first-request`);
  await page.locator('tp-lesson h1').waitFor();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** Opens the first cell's editor and puts `code` at its end, as typed text. */
async function openEditorAndType(code: string): Promise<Locator> {
  const cell = page.locator('tp-cell').first();
  await cell.scrollIntoViewIfNeeded();
  await cell.locator('.preview, .monaco-editor').first().click();
  const editor = cell.locator('.monaco-editor');
  await editor.waitFor({ timeout: 60_000 });
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(code);
  return editor;
}

describe('cell editor (core Monaco + TypeScript)', () => {
  it('offers the SDK model ids as completions, marks type errors and highlights TypeScript', async () => {
    const editor = await openEditorAndType(
      "const wrong: number = 'text';\nimport Anthropic from '@anthropic-ai/sdk';\nnew Anthropic().messages.create({ model: ",
    );
    await page.keyboard.press('Control+Space');
    const suggestions = editor.locator('.suggest-widget .monaco-list-row');
    await expect.poll(() => suggestions.allTextContents(), { timeout: 60_000 }).toEqual(
      expect.arrayContaining([expect.stringContaining('claude-haiku-5-5')]),
    );
    await page.keyboard.press('Escape');
    await expect.poll(() => editor.locator('.squiggly-error').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    // The TypeScript tokenizer ran: keywords get a token class of their own, unlike plain identifiers.
    const keywordClasses = await editor.locator('.view-line span span', { hasText: /^const$/ }).first().getAttribute('class');
    const identifierClasses = await editor.locator('.view-line span span', { hasText: /^wrong$/ }).first().getAttribute('class');
    expect(keywordClasses).not.toBe(identifierClasses);
  });

  it('loads no worker or tokenizer for languages other than TypeScript', () => {
    const otherLanguages = requested.filter((url) => /(css|html|json)\.worker|\/(python|java|cpp|html|css|yaml)-[\w-]+\.js/.test(url));
    expect(otherLanguages).toEqual([]);
    expect(requested.some((url) => /ts\.worker/.test(url))).toBe(true);
  });
});
