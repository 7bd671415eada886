/**
 * `npm run dev` swaps an edited lesson into the open page without reloading it. This file starts its own
 * Vite dev server (not the production build the other e2e files use) over a temporary copy of two
 * lessons, so editing them never touches `lessons/`, and drives it in Debian's Chromium.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileLesson } from '../../src/lessons/compile-lesson';
import { lessonsPlugin } from '../../src/lessons/vite-plugin';
import { sandboxAssetsPlugin } from '../../src/runner/vite-plugin';
import { launchChromium } from './chromium';

const SLUG = '01-first-request';
const SECOND_SLUG = '02-message-format';

let workDir: string;
let lessonsDir: string;
let server: ViteDevServer;
let browser: Browser;
let page: Page;
let pageUrl: string;
/** Every time the page's main frame navigated (reloads and hash changes alike). */
let navigations = 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const lessonFile = (slug: string) => path.join(lessonsDir, `${slug}.md`);
const original = (slug: string) => readFileSync(path.resolve('lessons', `${slug}.md`), 'utf8');

/** The lesson's markdown with another title and one more paragraph at the end. */
function edited(source: string, title: string, paragraph: string): string {
  return source.replace(/^title: .*$/m, `title: ${title}`) + `\n\n${paragraph}\n`;
}

async function marker(): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __marker?: unknown }).__marker);
}

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'tp-hot-reload-'));
  lessonsDir = path.join(workDir, 'lessons');
  mkdirSync(lessonsDir);
  for (const slug of [SLUG, SECOND_SLUG]) copyFileSync(path.resolve('lessons', `${slug}.md`), lessonFile(slug));
  const port = await freePort();
  server = await createServer({
    root: path.resolve('.'),
    configFile: false,
    logLevel: 'silent',
    cacheDir: path.join(workDir, 'vite-cache'),
    plugins: [lessonsPlugin({ dir: lessonsDir }), sandboxAssetsPlugin()],
    worker: { format: 'es' },
    server: { host: '127.0.0.1', port, strictPort: true, watch: {} },
  });
  await server.listen();
  pageUrl = `http://127.0.0.1:${port}/`;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations++;
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('lesson hot reload under the dev server', () => {
  it('shows an edited lesson in place, keeps saved edits, and survives a broken version', async () => {
    // A saved edit of the first cell, as the store keeps it (the store's layout: src/store/playground-store.ts).
    const firstCell = compileLesson(original(SLUG), `lessons/${SLUG}.md`).sections.find((section) => section.kind === 'cell');
    if (firstCell?.kind !== 'cell') throw new Error('the first lesson has no cell');
    const savedEdit = { code: 'const keptAcrossHotReload = 1;', codeHash: firstCell.cell.codeHash, savedAt: 1, version: 1 };

    await page.goto(`${pageUrl}#/${SLUG}`);
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key!, value!),
      [`claude-playground/v1/edit/${firstCell.cell.id}`, JSON.stringify(savedEdit)],
    );
    await page.reload();
    const heading = page.locator('tp-lesson h1');
    await heading.waitFor({ timeout: 120_000 });
    // innerText does not enter shadow roots: read the elements' rendered content.
    const firstCellElement = page.locator('tp-cell').first().locator('section').first();
    const lessonText = () => page.locator('tp-lesson article').innerText();
    await expect.poll(() => firstCellElement.innerText()).toContain('keptAcrossHotReload');
    await page.evaluate(() => ((window as unknown as { __marker?: string }).__marker = 'still the same page'));
    const navigationsBefore = navigations;

    // 1. A prose and front-matter edit appears in place, in the heading and the contents.
    writeFileSync(lessonFile(SLUG), edited(original(SLUG), 'Hot reloaded title', 'A paragraph added while the page was open.'));
    await expect.poll(() => heading.innerText(), { timeout: 30_000 }).toBe('Hot reloaded title');
    await expect.poll(() => lessonText()).toContain('A paragraph added while the page was open.');
    expect(await page.locator('nav[aria-label="Lessons"] a').first().innerText()).toContain('Hot reloaded title');
    expect(await firstCellElement.innerText()).toContain('keptAcrossHotReload');
    expect(await marker()).toBe('still the same page');

    // 2. A broken lesson shows Vite's error overlay with file and line; the page stays.
    const broken = original(SLUG) + '\n```ts no-such-keyword\nconst x = 1;\n```\n';
    const brokenLine = broken.split('\n').indexOf('```ts no-such-keyword') + 1;
    writeFileSync(lessonFile(SLUG), broken);
    const overlay = page.locator('vite-error-overlay');
    await overlay.waitFor({ timeout: 30_000 });
    expect(await overlay.locator('.message').innerText()).toContain(`${SLUG}.md:${brokenLine}:`);
    expect(await marker()).toBe('still the same page');

    // 3. Fixing it clears the overlay and shows the fixed lesson, still without a reload.
    writeFileSync(lessonFile(SLUG), edited(original(SLUG), 'Fixed title', 'Back in working order.'));
    await expect.poll(() => heading.innerText(), { timeout: 30_000 }).toBe('Fixed title');
    await overlay.waitFor({ state: 'detached' });
    expect(await lessonText()).toContain('Back in working order.');
    expect(await marker()).toBe('still the same page');

    // 4. Another lesson edited while this one is open: the contents follow; its page shows the edit.
    writeFileSync(lessonFile(SECOND_SLUG), edited(original(SECOND_SLUG), 'Second, renamed', 'Edited in the background.'));
    const secondLink = page.locator('nav[aria-label="Lessons"] a').nth(1);
    await expect.poll(() => secondLink.innerText(), { timeout: 30_000 }).toContain('Second, renamed');
    expect(navigations).toBe(navigationsBefore);
    await secondLink.click(); // a same-page hash navigation
    await expect.poll(() => heading.innerText(), { timeout: 30_000 }).toBe('Second, renamed');
    expect(await lessonText()).toContain('Edited in the background.');
    expect(await marker()).toBe('still the same page');
  });

  it('reloads the page when a lesson file is added', async () => {
    writeFileSync(lessonFile(SLUG), original(SLUG));
    const added = original(SECOND_SLUG).replace(/^title: .*$/m, 'title: A new lesson').replace(/^order: .*$/m, 'order: 3');
    writeFileSync(lessonFile('03-added-lesson'), added);
    await expect.poll(() => marker(), { timeout: 30_000 }).toBeUndefined();
    await expect.poll(() => page.locator('nav[aria-label="Lessons"]').innerText(), { timeout: 60_000 }).toContain('A new lesson');
  });

  it('recovers a page whose first load failed on a broken lesson once the file is fixed', async () => {
    writeFileSync(lessonFile(SLUG), original(SLUG).replace(/^order: .*$/m, 'order: nope'));
    await page.goto(`${pageUrl}#/${SLUG}`);
    await page.locator('vite-error-overlay').waitFor({ timeout: 60_000 });
    expect(await page.locator('vite-error-overlay .message').innerText()).toContain(`${SLUG}.md:`);
    writeFileSync(lessonFile(SLUG), original(SLUG));
    await page.locator('tp-lesson h1').waitFor({ timeout: 60_000 });
    expect(await page.locator('vite-error-overlay').count()).toBe(0);
  });
});
