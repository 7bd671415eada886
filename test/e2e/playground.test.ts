/**
 * The playground as a learner uses it: the production build served under /claude-playground/
 * (like GitHub Pages, no server fallback), driven in Debian's Chromium.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deepText, launchChromium, siteUrl } from './browser';

const FIRST_LESSON = '01-first-request';

/** Lesson titles in course order, read from the markdown front matter (not from our code). */
function courseTitles(): string[] {
  const dir = resolve('lessons');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const text = readFileSync(resolve(dir, name), 'utf8');
      const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
      const title = /^title:\s*(.+)$/m.exec(front)?.[1]?.trim().replace(/^["']|["']$/g, '') ?? name;
      const order = Number(/^order:\s*(\d+)/m.exec(front)?.[1] ?? 0);
      return { title, order };
    })
    .sort((a, b) => a.order - b.order)
    .map((lesson) => lesson.title);
}

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

async function openLesson(slug: string): Promise<void> {
  await page.goto(`${siteUrl()}?pacing=instant#/${slug}`);
  await page.locator('tp-lesson h1').waitFor();
}

function cell(index: number): Locator {
  return page.locator('tp-cell').nth(index);
}

/** Replaces the code of a cell through Monaco, the way a learner types it. */
async function typeInto(target: Locator, code: string): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  await target.locator('.preview, .monaco-editor').first().click();
  const editor = target.locator('.monaco-editor');
  await editor.waitFor({ timeout: 60_000 });
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  await expect.poll(() => deepText(editor.locator('.view-lines'))).toContain(code.split('\n')[0]!);
}

/** Whether a saved edit in localStorage (`claude-playground/v1/edit/<cellId>`) holds `text`. */
function savedEditsContain(text: string): Promise<boolean> {
  return page.evaluate(
    (wanted) => Object.keys(localStorage).some((key) => key.includes('/edit/') && (localStorage.getItem(key) ?? '').includes(wanted)),
    text,
  );
}

/** The output log of a cell, as text. */
function output(target: Locator): Promise<string> {
  return deepText(target.locator('[role="log"]'));
}

describe('the playground under a sub-path', () => {
  it('opens a lesson from a deep link, with every lesson in the sidebar in order', async () => {
    await openLesson(FIRST_LESSON);
    expect(new URL(page.url()).pathname).toBe('/claude-playground/');
    const titles = courseTitles();
    expect(titles.length).toBeGreaterThan(1);
    const links = page.locator('nav[aria-label="Lessons"] a');
    await expect.poll(() => links.allInnerTexts()).toHaveLength(titles.length);
    const texts = await links.allInnerTexts();
    titles.forEach((title, index) => expect(texts[index]).toContain(title));
    await expect.poll(() => page.locator('nav[aria-label="Lessons"] a[aria-current="page"]').innerText()).toContain(titles[0]);
    expect(await page.locator('tp-lesson h1').innerText()).toBe(titles[0]);
    expect(await page.title()).toContain(titles[0]!);
  });

  it('says a lesson does not exist and links to the contents', async () => {
    await page.goto(`${siteUrl()}#/no-such-lesson`);
    await page.getByRole('heading', { name: 'Lesson not found' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: /contents/ }).click();
    await page.getByRole('heading', { name: 'Learn the Claude Messages API' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/');
  });

  it('runs an edited cell with Ctrl+Enter and shows its output', async () => {
    await openLesson(FIRST_LESSON);
    await typeInto(cell(0), 'console.log("hello from the playground", 6 * 7)');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => output(cell(0)), { timeout: 60_000 }).toContain('hello from the playground');
    expect(await output(cell(0))).toContain('42');
    expect(await cell(0).locator('.counter').innerText()).toBe('[1]');
  });

  it('shares top-level bindings between cells, in order', async () => {
    await openLesson(FIRST_LESSON);
    await typeInto(cell(0), 'const sharedAnswer = 41;');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => cell(0).locator('.run-status').innerText(), { timeout: 60_000 }).toMatch(/Done/);
    await typeInto(cell(1), 'console.log("answer", sharedAnswer + 1)');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => output(cell(1)), { timeout: 60_000 }).toContain('answer 42');
  });

  it('points a name from an unrun cell above to that cell, with the learner\'s column, and "Run all above" fixes it', async () => {
    await openLesson(FIRST_LESSON);
    await typeInto(cell(0), 'const aboveValue: number = 20 + 1;');
    const line = "const doubled: number = aboveValue * 2; console.log('doubled', doubled);";
    await typeInto(cell(1), line);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => output(cell(1)), { timeout: 60_000 }).toContain('aboveValue is defined in cell 1');
    const text = await output(cell(1));
    expect(text).toContain('ReferenceError');
    // The column is the learner's, through the removed `: number` and the notebook rewrite.
    expect(text).toContain(`(line 1:${line.indexOf('aboveValue') + 1})`);
    // Like a notebook's "run all above": the cells above run, then the learner runs this one again.
    await cell(1).getByRole('button', { name: 'Run all above' }).click();
    await expect.poll(() => cell(0).locator('.counter').innerText(), { timeout: 60_000 }).toBe('[2]');
    await cell(1).getByRole('button', { name: 'Run cell' }).click();
    await expect.poll(() => output(cell(1)), { timeout: 60_000 }).toContain('doubled 42');
  });

  it('stops an endless loop, and the next run works', async () => {
    await openLesson(FIRST_LESSON);
    await typeInto(cell(0), 'while (true) {}');
    await cell(0).getByRole('button', { name: 'Run cell' }).click();
    const stop = cell(0).getByRole('button', { name: /Stop/ });
    await stop.waitFor({ timeout: 30_000 });
    await expect.poll(() => cell(0).locator('.run-status').innerText(), { timeout: 30_000 }).toBe('Running…');
    await stop.click();
    await expect.poll(() => cell(0).locator('.run-status').innerText(), { timeout: 30_000 }).toMatch(/Stopped/);
    expect(await output(cell(0))).toMatch(/runtime restarted/i);
    await typeInto(cell(0), 'console.log("alive again")');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => output(cell(0)), { timeout: 60_000 }).toContain('alive again');
  });

  it('keeps edits across a reload', async () => {
    await openLesson(FIRST_LESSON);
    await typeInto(cell(1), 'const keptAcrossReload = "yes";');
    await expect.poll(() => savedEditsContain('keptAcrossReload'), { timeout: 30_000 }).toBe(true); // the save is debounced
    await page.reload();
    await page.locator('tp-lesson h1').waitFor();
    await expect.poll(() => deepText(cell(1).locator('.code')), { timeout: 30_000 }).toContain('keptAcrossReload');
    // The original code is one click away.
    await cell(1).getByRole('button', { name: 'Reset cell' }).click();
    await expect.poll(() => deepText(cell(1).locator('.code'))).not.toContain('keptAcrossReload');
    await cell(1).getByRole('button', { name: 'Undo reset' }).waitFor();
  });

  /** The header's theme button (its name starts with "Theme:" and says the current choice and the next). */
  const themeButton = () => page.locator('header').getByRole('button', { name: /^Theme:/ });
  const bodyBackground = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const LIGHT_BACKGROUND = 'rgb(255, 255, 255)';
  const DARK_BACKGROUND = 'rgb(15, 17, 21)';

  it('cycles the theme System → Light → Dark → System and remembers the choice', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openLesson(FIRST_LESSON);
    const html = page.locator('html');
    expect(await html.getAttribute('data-theme')).toBeNull();
    expect(await themeButton().getAttribute('aria-label')).toBe('Theme: system (dark). Switch to light theme');

    await themeButton().click();
    expect(await html.getAttribute('data-theme')).toBe('light');
    expect(await bodyBackground()).toBe(LIGHT_BACKGROUND);
    await page.reload();
    await page.locator('tp-lesson h1').waitFor();
    expect(await html.getAttribute('data-theme')).toBe('light');
    expect(await themeButton().getAttribute('aria-label')).toBe('Theme: light. Switch to dark theme');

    await themeButton().press('Enter'); // keyboard works too
    expect(await html.getAttribute('data-theme')).toBe('dark');
    expect(await themeButton().getAttribute('aria-label')).toBe('Theme: dark. Switch to system theme');

    await themeButton().click();
    expect(await html.getAttribute('data-theme')).toBeNull();
    await page.reload();
    await page.locator('tp-lesson h1').waitFor();
    expect(await html.getAttribute('data-theme')).toBeNull();
    expect(await themeButton().getAttribute('aria-label')).toBe('Theme: system (dark). Switch to light theme');

    // Back on System, the page follows a change of the system's scheme live.
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(bodyBackground).toBe(LIGHT_BACKGROUND);
    await expect.poll(() => themeButton().getAttribute('aria-label')).toBe('Theme: system (light). Switch to light theme');
  });

  it('offers the same choice in the settings panel', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await openLesson(FIRST_LESSON);
    await page.getByRole('button', { name: 'Settings' }).click();
    const themes = page.getByRole('dialog').getByRole('group', { name: 'Theme' });
    expect(await themes.getByRole('radio', { name: 'System' }).isChecked()).toBe(true);
    await themes.getByRole('radio', { name: 'Dark' }).check();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await themeButton().getAttribute('aria-label')).toBe('Theme: dark. Switch to system theme');
    await themes.getByRole('radio', { name: 'System' }).check();
    expect(await page.locator('html').getAttribute('data-theme')).toBeNull();
    expect(await bodyBackground()).toBe(LIGHT_BACKGROUND);
  });

  it.each([
    ['an unknown theme', JSON.stringify({ version: 1, theme: 'purple' })],
    ['text that is not JSON', '{"theme": "dark"'],
  ])('falls back to System when the stored theme is %s', async (_name, raw) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openLesson(FIRST_LESSON);
    await page.evaluate((value) => localStorage.setItem('claude-playground/v1/preferences', value), raw);
    await page.reload();
    await page.locator('tp-lesson h1').waitFor();
    expect(await page.locator('html').getAttribute('data-theme')).toBeNull();
    expect(await bodyBackground()).toBe(DARK_BACKGROUND);
    expect(await themeButton().getAttribute('aria-label')).toBe('Theme: system (dark). Switch to light theme');
    // The choice works again afterwards.
    await themeButton().click();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
  });

  it('shows which backend cells talk to', async () => {
    await openLesson(FIRST_LESSON);
    expect(await page.locator('header [role="status"]').first().innerText()).toContain('Emulator');
  });

  it('runs a cell with the keyboard only', async () => {
    await openLesson(FIRST_LESSON);
    // Tab from the top of the page to the first "Run cell" button, then press Enter.
    let reached = false;
    for (let presses = 0; presses < 40 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => {
        let active: Element | null = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return active?.getAttribute('aria-label') === 'Run cell';
      });
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(0).locator('.run-status').innerText(), { timeout: 60_000 }).toMatch(/Done/);
    expect(await output(cell(0))).toContain('x-api-key');
  });

  it('checks an exercise: the starter fails, the revealed solution passes and is remembered', async () => {
    await openLesson(FIRST_LESSON);
    const exercise = page.locator('tp-cell').filter({ has: page.getByRole('heading', { name: /Exercise: Build the request headers/ }) });
    await exercise.scrollIntoViewIfNeeded();
    await exercise.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => deepText(exercise.locator('tp-check-list')), { timeout: 60_000 }).toMatch(/0 of 3 checks passed/);
    await exercise.getByRole('button', { name: 'Hint' }).click();
    await expect.poll(() => deepText(exercise.locator('.hints'))).toMatch(/Hint 1/);

    await exercise.getByRole('button', { name: 'Show solution' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Show solution' }).click();
    await exercise.getByRole('button', { name: 'Restore my code' }).waitFor();
    await exercise.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => deepText(exercise.locator('tp-check-list')), { timeout: 60_000 }).toMatch(/All checks passed/);
    expect(await deepText(exercise.locator('.badge'))).toContain('Passed');

    await page.reload();
    await page.locator('tp-lesson h1').waitFor();
    await expect.poll(() => deepText(exercise.locator('.badge'))).toContain('Passed');
    // The learner's own code comes back on request.
    await exercise.getByRole('button', { name: 'Restore my code' }).click();
    await expect.poll(() => deepText(exercise.locator('.code'))).toContain('return {};');
  });

  it('offers the new code when the lesson changed since a cell was edited', async () => {
    await page.addInitScript(() => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      const edit = { version: 1, code: '// my edit of an older version', codeHash: 'an-older-hash', savedAt: 1 };
      localStorage.setItem('claude-playground/v1/edit/01-first-request/headers', JSON.stringify(edit));
    });
    await openLesson(FIRST_LESSON);
    await expect.poll(() => deepText(cell(0))).toContain('This lesson was updated since you edited this cell');
    expect(await deepText(cell(0).locator('.code'))).toContain('my edit of an older version');
    await cell(0).getByRole('button', { name: 'Use the new code' }).click();
    await expect.poll(() => deepText(cell(0).locator('.code'))).toContain('x-api-key');
    expect(await deepText(cell(0))).not.toContain('This lesson was updated');
    // Mine is still one click away.
    await cell(0).getByRole('button', { name: 'Undo reset' }).click();
    await expect.poll(() => deepText(cell(0).locator('.code'))).toContain('my edit of an older version');
  });

  it('sets unreadable saved data aside with a notice instead of breaking', async () => {
    await page.addInitScript(() => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('claude-playground/v1/progress/01-first-request', '{not json');
      localStorage.setItem('claude-playground/v1/edit/01-first-request/headers', JSON.stringify({ version: 99 }));
    });
    await openLesson(FIRST_LESSON);
    await expect.poll(() => deepText(page.locator('tp-app'))).toContain('could not be read');
    const backups = await page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.startsWith('claude-playground/backup/')).sort(),
    );
    expect(backups).toEqual([
      'claude-playground/backup/claude-playground/v1/edit/01-first-request/headers',
      'claude-playground/backup/claude-playground/v1/progress/01-first-request',
    ]);
    await page.getByRole('button', { name: 'Dismiss notice' }).first().click();
    // The lesson works: its first cell shows the lesson's code.
    expect(await deepText(cell(0).locator('.code'))).toContain('x-api-key');
  });

  it('collapses the contents behind a menu button on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openLesson(FIRST_LESSON);
    const nav = page.locator('nav[aria-label="Lessons"]');
    expect(await nav.isVisible()).toBe(false);
    const menu = page.getByRole('button', { name: 'Lessons' });
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: /The message format|^2\./ }).first().click();
    await expect.poll(() => page.locator('tp-lesson h1').innerText()).toBe(courseTitles()[1]);
    expect(await nav.isVisible()).toBe(false);
  });

  it('loads at most 100 KB of gzipped JavaScript before an editor opens', async () => {
    const scripts = new Map<string, number>();
    page.on('response', async (response) => {
      if (!response.url().endsWith('.js')) return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      scripts.set(response.url(), gzipSync(body).length);
    });
    await page.goto(`${siteUrl()}#/${FIRST_LESSON}`);
    await page.locator('tp-lesson h1').waitFor();
    await page.waitForLoadState('load');
    const names = [...scripts.keys()].map((url) => url.split('/').pop() ?? url);
    expect(names.some((name) => /monaco|editor\.api|ts\.worker/.test(name))).toBe(false);
    const total = [...scripts.values()].reduce((sum, size) => sum + size, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(100 * 1024);
  });

  it('injects an emulator fault from the settings and the next request gets it', async () => {
    await openLesson(FIRST_LESSON);
    await page.getByRole('button', { name: 'Run all' }).click();
    await expect.poll(() => cell(3).locator('.run-status').innerText(), { timeout: 90_000 }).toMatch(/Done/);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Rate limit (429)' }).click();
    await expect.poll(() => deepText(page.locator('tp-emulator-panel'))).toContain('Pending: rate_limit');
    await page.keyboard.press('Escape');
    await cell(3).getByRole('button', { name: 'Run cell' }).click();
    await expect.poll(() => output(cell(3)), { timeout: 60_000 }).toContain('429');
    expect(await output(cell(3))).toContain('rate_limit_error');
  });

  it('switches to the live API with a key that stays out of the URL and of localStorage', async () => {
    await openLesson(FIRST_LESSON);
    const badge = page.locator('header [role="status"]').first();
    await page.getByRole('button', { name: 'Settings' }).click();
    const keyField = page.getByLabel('Anthropic API key');
    expect(await keyField.getAttribute('type')).toBe('password');
    await keyField.fill('not a key');
    await page.getByRole('button', { name: 'Use the live API' }).click();
    await page.getByRole('alert').waitFor();
    expect(await badge.innerText()).toContain('Emulator');

    const key = 'sk-ant-api03-playground-test-key-0000';
    await keyField.fill(key);
    await page.getByRole('button', { name: 'Use the live API' }).click();
    await expect.poll(() => badge.innerText()).toContain('Live API');
    expect(page.url()).not.toContain(key);
    const stored = await page.evaluate(() => ({
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
    }));
    expect(stored.local).not.toContain(key);
    // Memory only by default: session storage is readable by every page of the origin (on GitHub Pages,
    // every project site of the account), so keeping the key there is opt-in.
    expect(stored.session).not.toContain(key);
    expect(await deepText(page.locator('tp-app'))).not.toContain(key);

    await page.getByRole('button', { name: 'Back to the emulator' }).click();
    await expect.poll(() => badge.innerText()).toContain('Emulator');
  });

  it('runs a cell with Shift+Enter and moves to the next cell', async () => {
    await openLesson(FIRST_LESSON);
    await cell(0).scrollIntoViewIfNeeded();
    await cell(0).locator('.preview, .monaco-editor').first().click();
    await cell(0).locator('.monaco-editor').waitFor({ timeout: 60_000 });
    await cell(0).locator('.view-lines').click();
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => cell(0).locator('.run-status').innerText(), { timeout: 60_000 }).toMatch(/Done/);
    const focusedCellIndex = () =>
      page.evaluate(() => {
        const cells = [...document.querySelector('tp-app')!.shadowRoot!.querySelector('tp-lesson')!.shadowRoot!.querySelectorAll('tp-cell')];
        return cells.findIndex((element) => element.shadowRoot?.activeElement != null);
      });
    await expect.poll(focusedCellIndex, { timeout: 60_000 }).toBe(1);
  });

  it('restarts the runtime and clears the lesson data after confirmation', async () => {
    await openLesson(FIRST_LESSON);
    await typeInto(cell(0), 'const clearedLater = 1; console.log("first run")');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => cell(0).locator('.counter').innerText(), { timeout: 60_000 }).toBe('[1]');
    await page.getByRole('button', { name: 'Restart' }).click();
    await expect.poll(() => cell(0).locator('.counter').innerText()).toBe('[ ]');
    await expect.poll(() => savedEditsContain('clearedLater'), { timeout: 30_000 }).toBe(true); // the debounced save landed

    await page.getByRole('button', { name: 'Clear my data' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await deepText(cell(0).locator('.code'))).toContain('clearedLater');

    await page.getByRole('button', { name: 'Clear my data' }).click();
    await dialog.getByRole('button', { name: 'Clear lesson data' }).click();
    await expect.poll(() => deepText(cell(0).locator('.code'))).not.toContain('clearedLater');
    const saved = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes('/edit/01-first-request/')));
    expect(saved).toEqual([]);
  });

  it('follows the system colour scheme until the learner picks one', async () => {
    await context.close();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
    page = await context.newPage();
    await openLesson(FIRST_LESSON);
    expect(await page.locator('html').getAttribute('data-theme')).toBeNull();
    expect(await themeButton().getAttribute('aria-label')).toBe('Theme: system (dark). Switch to light theme');
    expect(await bodyBackground()).toBe(DARK_BACKGROUND);
  });

  it('marks a lesson done in the contents once all its exercises pass', async () => {
    await openLesson(FIRST_LESSON);
    const lessonLink = page.locator('nav[aria-label="Lessons"] a').first();
    expect(await deepText(lessonLink)).not.toContain('completed');
    await page.getByRole('button', { name: 'Run all' }).click();
    const exercises = page.locator('tp-cell').filter({ has: page.getByRole('heading', { name: /^Exercise:/ }) });
    await expect.poll(() => exercises.last().locator('.run-status').innerText(), { timeout: 120_000 }).toMatch(/\S/);
    const count = await exercises.count();
    expect(count).toBeGreaterThan(0);
    for (let index = 0; index < count; index++) {
      const exercise = exercises.nth(index);
      await exercise.scrollIntoViewIfNeeded();
      await exercise.getByRole('button', { name: 'Show solution' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Show solution' }).click();
      await exercise.getByRole('button', { name: 'Check', exact: true }).click();
      await expect.poll(() => deepText(exercise.locator('tp-check-list')), { timeout: 60_000 }).toMatch(/All checks passed/);
    }
    await expect.poll(() => deepText(lessonLink)).toContain('completed');
    await page.reload();
    await page.locator('tp-lesson h1').waitFor();
    expect(await deepText(page.locator('nav[aria-label="Lessons"] a').first())).toContain('completed');
  });
});
