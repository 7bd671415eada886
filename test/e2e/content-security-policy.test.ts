/**
 * The page's own Content-Security-Policy (src/site/csp-plugin.ts), in the production build: everything the
 * playground does works under it (a lesson, a cell that imports the SDK and calls the emulator, the editor),
 * and what it forbids is forbidden (scripts from elsewhere, connections to other hosts).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deepText, launchChromium, siteUrl } from './browser';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const violations: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(`${siteUrl()}?pacing=instant#/01-first-request`);
  await page.locator('tp-lesson h1').waitFor();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('the page Content-Security-Policy', () => {
  it('is set by the built page itself', async () => {
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self' https://api.anthropic.com");
    expect(policy).not.toContain("'unsafe-inline' 'unsafe-eval'"); // inline scripts only by hash
  });

  it('lets a cell import the SDK, call the emulator and print, and the editor open, with no violation', async () => {
    const cell = page.locator('tp-cell').first();
    await cell.locator('.preview, .monaco-editor').first().click();
    const editor = cell.locator('.monaco-editor');
    await editor.waitFor({ timeout: 60_000 });
    await editor.locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(
      "import Anthropic from '@anthropic-ai/sdk'; const client = new Anthropic({ dangerouslyAllowBrowser: true }); " +
        "const reply = await client.messages.create({ model: 'claude-haiku-5-5', max_tokens: 300, messages: [{ role: 'user', content: 'Hello' }] }); " +
        "console.log('csp run', reply.type);",
    );
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => deepText(page.locator('tp-cell [role="log"]').first()), { timeout: 60_000 }).toContain('csp run message');
    expect(violations).toEqual([]);
  });

  it('blocks scripts from other hosts and connections to hosts other than the site and the API', async () => {
    const blocked = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.src = 'https://scripts.example.com/x.js';
      const scriptBlocked = new Promise<boolean>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.blockedURI.startsWith('https://scripts.example.com')), { once: true });
      });
      document.head.append(script);
      const fetchBlocked = await fetch('https://exfiltrate.example.com/').then(() => false, () => true);
      return { script: await scriptBlocked, fetch: fetchBlocked };
    });
    expect(blocked).toEqual({ script: true, fetch: true });
    expect(violations.some((text) => text.includes('exfiltrate.example.com'))).toBe(true);
  });
});
