/**
 * Offline and redeploys, against copies of the production build served under the sub-path: after one visit
 * the service worker (src/site/) serves every lesson, the runner, the emulator and the editor with no
 * network; a new deployment waits behind an "Updated" notice while the open page keeps working; and a chunk
 * that cannot be loaded explains itself instead of leaving a blank panel.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deepText, launchChromium } from './browser';
import { BASE_PATH } from './global-setup';
import { serveDist } from './static-server';

const LATER_LESSON = '07-prompt-caching';

let browser: Browser;
let context: BrowserContext | undefined;
let server: Server;
let siteUrl: string;
let workDir: string;
/** The served folder is a symlink, so a test can "deploy" another build under the same URL. */
let current: string;

beforeAll(async () => {
  browser = await launchChromium();
  workDir = mkdtempSync(join(tmpdir(), 'tp-offline-'));
  cpSync(resolve('dist'), join(workDir, 'a'), { recursive: true });
  current = join(workDir, 'current');
  symlinkSync(join(workDir, 'a'), current);
  const served = await serveDist(current, BASE_PATH);
  server = served.server;
  siteUrl = `${served.origin}${BASE_PATH}`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(workDir, { recursive: true, force: true });
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});

function deploy(build: string): void {
  unlinkSync(current);
  symlinkSync(join(workDir, build), current);
}

/** The chunk of a lesson in a build's assets (Vite names it after the lesson file). */
function lessonChunk(buildDir: string, slug: string): string {
  const name = readdirSync(join(buildDir, 'assets')).find((file) => file.startsWith(`${slug}-`) && file.endsWith('.js'));
  if (!name) throw new Error(`no chunk for ${slug} in ${buildDir}`);
  return name;
}

/**
 * A second deployment: index.html carries a marker, and the lesson chunk named is gone, as when a redeploy
 * renames chunks. Its service worker's precache list is updated to match (new index.html revision, no entry
 * for the removed chunk), so the browser sees a new service worker.
 */
function makeSecondBuild(removedChunk: string): void {
  const dir = join(workDir, 'b');
  cpSync(join(workDir, 'a'), dir, { recursive: true });
  const html = readFileSync(join(dir, 'index.html'), 'utf8').replace('<head>', '<head>\n    <meta name="build" content="second" />');
  writeFileSync(join(dir, 'index.html'), html);
  unlinkSync(join(dir, 'assets', removedChunk));
  const revision = createHash('md5').update(html).digest('hex');
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8')
    .replace(/\{url:"index\.html",revision:"[0-9a-f]+"\}/, `{url:"index.html",revision:"${revision}"}`)
    .replace(`{url:"assets/${removedChunk}",revision:null},`, '');
  if (sw.includes(removedChunk)) throw new Error('the precache list format changed: update this test');
  writeFileSync(join(dir, 'sw.js'), sw);
}

async function openPage(options: { serviceWorkers: 'allow' | 'block' }): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: options.serviceWorkers });
  const page = await context.newPage();
  await page.goto(`${siteUrl}?pacing=instant#/01-first-request`);
  await page.locator('tp-lesson h1').waitFor();
  return page;
}

function siteStatus(page: Page): Promise<string> {
  return page
    .locator('tp-site-status .bar')
    .textContent({ timeout: 1000 })
    .then((text) => (text ?? '').replace(/\s+/g, ' '))
    .catch(() => '');
}

async function openLessonFromSidebar(page: Page, slug: string): Promise<void> {
  await page.locator(`tp-app nav a[href$="#/${slug}"]`).first().click();
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/${slug}`);
}

/** Replaces a cell's code through the editor and runs it with Ctrl+Enter. */
async function typeAndRun(page: Page, cell: Locator, code: string): Promise<void> {
  await cell.scrollIntoViewIfNeeded();
  await cell.locator('.preview, .monaco-editor').first().click();
  const editor = cell.locator('.monaco-editor');
  await editor.waitFor({ timeout: 60_000 });
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  await page.keyboard.press('Control+Enter');
}

const EMULATOR_CALL = [
  "const response = await fetch('https://api.anthropic.com/v1/messages', {",
  "  method: 'POST',",
  "  headers: { 'x-api-key': process.env.ANTHROPIC_API_KEY, 'anthropic-version': '2023-06-01', 'content-type': 'application/json', 'anthropic-dangerous-direct-browser-access': 'true' },",
  "  body: JSON.stringify({ model: 'claude-haiku-5-5', max_tokens: 300, messages: [{ role: 'user', content: 'Say hello' }] }),",
  '});',
  "console.log('offline status', response.status, (await response.json()).type);",
].join(' '); // One line: Monaco's auto-indent would change typed line breaks.

describe('offline and redeploys (service worker)', () => {
  it('works with no network after one visit: reload, an unopened lesson, a run against the emulator, the editor', async () => {
    const page = await openPage({ serviceWorkers: 'allow' });
    // The service worker registers at idle time and precaches the build; the page says when that is done.
    await expect.poll(() => siteStatus(page), { timeout: 120_000 }).toContain('works offline');

    await context!.setOffline(true);
    await page.reload();
    await page.locator('tp-lesson h1').waitFor();
    // Chromium keeps navigator.onLine true across a reload under Playwright's offline emulation (a real
    // offline browser starts with it false); toggling fires the 'offline' event the page listens for.
    await context!.setOffline(false);
    await context!.setOffline(true);
    await expect.poll(() => siteStatus(page)).toContain('You are offline');

    await openLessonFromSidebar(page, LATER_LESSON);
    await page.locator('tp-lesson h1').waitFor();
    const cell = page.locator('tp-cell').first();
    await typeAndRun(page, cell, EMULATOR_CALL);
    await expect.poll(() => deepText(cell.locator('[role="log"]')), { timeout: 60_000 }).toContain('offline status 200 message');

    // The editor's TypeScript worker and the SDK's types came from the precache too: completions work.
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText("\nimport Anthropic from '@anthropic-ai/sdk';\nnew Anthropic().messages.create({ model: ");
    await page.keyboard.press('Control+Space');
    await expect
      .poll(() => cell.locator('.suggest-widget .monaco-list-row').allTextContents(), { timeout: 60_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('claude-haiku-5-5')]));
  });

  it('shows "Updated" for a new deployment while the open page keeps working, and reloads into it', async () => {
    const page = await openPage({ serviceWorkers: 'allow' });
    await expect.poll(() => siteStatus(page), { timeout: 120_000 }).toContain('works offline');
    await page.reload(); // Now the service worker controls the page.
    await page.locator('tp-lesson h1').waitFor();

    makeSecondBuild(lessonChunk(join(workDir, 'a'), LATER_LESSON));
    deploy('b');
    try {
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      await expect.poll(() => siteStatus(page), { timeout: 120_000 }).toContain('Updated');

      // The old page still opens a lesson whose chunk the new deployment removed (the old precache has it).
      await openLessonFromSidebar(page, LATER_LESSON);
      await page.locator('tp-lesson h1').waitFor();
      expect(await page.locator('tp-lesson tp-cell').count()).toBeGreaterThan(0);

      await page.locator('tp-site-status button', { hasText: 'Reload' }).click();
      await expect
        .poll(() => page.locator('meta[name="build"]').getAttribute('content', { timeout: 1000 }).catch(() => null), {
          timeout: 60_000,
        })
        .toBe('second');
    } finally {
      deploy('a');
    }
  });

  it('explains a chunk that cannot be loaded and offers a reload', async () => {
    const page = await openPage({ serviceWorkers: 'block' });
    makeSecondBuild(lessonChunk(join(workDir, 'a'), LATER_LESSON));
    deploy('b');
    try {
      await openLessonFromSidebar(page, LATER_LESSON);
      await expect.poll(() => siteStatus(page), { timeout: 30_000 }).toContain('could not be loaded');
      expect(await page.locator('tp-site-status button', { hasText: 'Reload' }).count()).toBe(1);
    } finally {
      deploy('a');
    }
  });
});
