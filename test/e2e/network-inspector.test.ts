/**
 * The network inspector in the production build, in Chromium: a real emulator 429 (a fault injected by the
 * cell) recorded by the real sandbox kernel, shown in tp-network-log with its plain-words explanation.
 * Cells run through `window.__tpRuntimeForTests` (exposed with `?test-hooks`, see src/runner/sandbox-kernel.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ExchangeRecord, RunEvent } from '../../src/runner/protocol';
import { launchChromium, siteUrl } from './browser';

interface TestWindow {
  __tpRuntimeForTests: {
    createSandboxKernel: typeof import('../../src/runner/sandbox-kernel').createSandboxKernel;
    loadBackend: () => Promise<typeof import('../../src/backend')>;
  };
}

let browser: Browser;
let page: Page;

/** Runs one cell in a fresh kernel and returns the last record of each exchange it made. */
async function exchangesOf(code: string): Promise<ExchangeRecord[]> {
  return page.evaluate(async (source) => {
    const hooks = (window as unknown as TestWindow).__tpRuntimeForTests;
    const { createBackendSwitch } = await hooks.loadBackend();
    const runtime = hooks.createSandboxKernel({ api: createBackendSwitch({ pacing: 'instant' }) });
    const byId = new Map<string, ExchangeRecord>();
    await runtime.run({ cellId: 't/network', code: source }, (event: RunEvent) => {
      if (event.type === 'exchange') byId.set(event.exchange.id, event.exchange);
    });
    runtime.dispose();
    return [...byId.values()];
  }, code);
}

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${siteUrl()}?test-hooks&pacing=instant#/04-streaming`);
  const runButtons = page.getByRole('button', { name: 'Run cell' });
  await runButtons.first().waitFor({ timeout: 30_000 });
  await runButtons.nth(0).click(); // loads the runtime (installs the hook) and the cell's run views (tp-network-log)
  await page.waitForFunction(() => '__tpRuntimeForTests' in window && !!customElements.get('tp-network-log'), undefined, {
    timeout: 30_000,
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('network inspector (production build)', () => {
  it('explains an emulator 429 beside its raw body, opened, with the retry-after advice and the lesson link', async () => {
    const exchanges = await exchangesOf(`
await playground.emulator.inject({ kind: 'rate_limit', count: 1, retryAfterSeconds: 3 });
const response = await fetch('https://api.anthropic.com/v1/messages', {
  method: 'POST',
  headers: { 'x-api-key': process.env.ANTHROPIC_API_KEY!, 'anthropic-version': '2023-06-01', 'anthropic-dangerous-direct-browser-access': 'true', 'content-type': 'application/json' },
  body: JSON.stringify({ model: 'claude-haiku-5-5', max_tokens: 16, messages: [{ role: 'user', content: 'Hi' }] }),
});
console.log(response.status);`);
    expect(exchanges.map((exchange) => exchange.response?.status ?? exchange.error)).toEqual([429]);

    const shown = await page.evaluate(async (records) => {
      const log = document.createElement('tp-network-log');
      log.exchanges = records;
      document.body.append(log);
      await log.updateComplete;
      const explanation = log.shadowRoot!.querySelector('tp-failure-explanation')!;
      await explanation.updateComplete;
      const opened = [...log.shadowRoot!.querySelectorAll('details')].map((details) => details.open);
      const text = explanation.shadowRoot!.textContent ?? '';
      const links = [...explanation.shadowRoot!.querySelectorAll('a')].map((link) => link.getAttribute('href'));
      const raw = log.shadowRoot!.textContent ?? '';
      log.remove();
      return { opened, text: text.replace(/\s+/g, ' '), links, raw };
    }, exchanges);
    expect(shown.opened.slice(0, 2)).toEqual([true, true]); // the log and the failed exchange, not collapsed
    expect(shown.text).toContain('429 rate_limit_error');
    expect(shown.text).toContain('wait 3 s before retrying');
    expect(shown.links).toContain('#/08-errors-and-retries');
    expect(shown.raw).toContain('"type": "rate_limit_error"'); // the raw body is still there
  });

  it('shows nothing extra for a successful exchange', async () => {
    const exchanges = await exchangesOf(`
const response = await fetch('https://api.anthropic.com/v1/models', {
  headers: { 'x-api-key': process.env.ANTHROPIC_API_KEY!, 'anthropic-version': '2023-06-01', 'anthropic-dangerous-direct-browser-access': 'true' },
});
console.log(response.status);`);
    expect(exchanges.map((exchange) => exchange.response?.status ?? exchange.error)).toEqual([200]);
    const shown = await page.evaluate(async (records) => {
      const log = document.createElement('tp-network-log');
      log.exchanges = records;
      document.body.append(log);
      await log.updateComplete;
      const explanation = log.shadowRoot!.querySelector('tp-failure-explanation')!;
      await explanation.updateComplete;
      const result = { logOpen: log.shadowRoot!.querySelector('details')!.open, text: explanation.shadowRoot!.textContent?.trim() ?? '' };
      log.remove();
      return result;
    }, exchanges);
    expect(shown).toEqual({ logOpen: false, text: '' });
  });
});
