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

/** Shows `records` in a fresh tp-network-log, opens the exchange at `open` (if given) and returns the log's deep text. */
async function showLog(records: ExchangeRecord[], open?: number) {
  return page.evaluate(
    async ({ records, open }) => {
      document.querySelector('tp-network-log.under-test')?.remove();
      const log = document.createElement('tp-network-log');
      log.className = 'under-test';
      log.exchanges = records;
      document.body.append(log);
      await log.updateComplete;
      const root = log.shadowRoot!;
      if (open !== undefined) {
        root.querySelector('details.log')!.setAttribute('open', '');
        const details = root.querySelectorAll<HTMLDetailsElement>('details.exchange')[open]!;
        details.open = true;
        // The detail renders on the toggle event (async): poll for it.
        for (let i = 0; i < 200 && !details.querySelector('tp-exchange-detail'); i += 1) await new Promise((r) => requestAnimationFrame(r));
      }
      const detail = root.querySelector('tp-exchange-detail');
      await detail?.updateComplete;
      const sse = detail?.shadowRoot!.querySelector('tp-sse-events');
      await sse?.updateComplete;
      const explanation = detail?.shadowRoot!.querySelector('tp-failure-explanation');
      await explanation?.updateComplete;
      return {
        logOpen: root.querySelector<HTMLDetailsElement>('details.log')!.open,
        opened: [...root.querySelectorAll<HTMLDetailsElement>('details.exchange')].map((details) => details.open),
        explanation: (explanation?.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim(),
        links: [...(explanation?.shadowRoot!.querySelectorAll('a') ?? [])].map((link) => link.getAttribute('href')),
        detail: (detail?.shadowRoot!.textContent ?? '').replace(/\s+/g, ' '),
        offsets: [...(sse?.shadowRoot!.querySelectorAll('.offset') ?? [])].map((el) => el.textContent ?? ''),
        milestones: (sse?.shadowRoot!.querySelector('.milestones')?.textContent ?? '').replace(/\s+/g, ' '),
        cellUsage: (root.querySelector('.cell-usage')?.textContent ?? '').replace(/\s+/g, ' '),
      };
    },
    { records, open },
  );
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

    const shown = await showLog(exchanges);
    expect([shown.logOpen, ...shown.opened]).toEqual([true, true]); // the log and the failed exchange, not collapsed
    expect(shown.explanation).toContain('429 rate_limit_error');
    expect(shown.explanation).toContain('wait 3 s before retrying');
    expect(shown.links).toContain('#/08-errors-and-retries');
    expect(shown.detail).toContain('"type": "rate_limit_error"'); // the raw body is still there
  });

  it('shows nothing extra for a successful exchange', async () => {
    const exchanges = await exchangesOf(`
const response = await fetch('https://api.anthropic.com/v1/models', {
  headers: { 'x-api-key': process.env.ANTHROPIC_API_KEY!, 'anthropic-version': '2023-06-01', 'anthropic-dangerous-direct-browser-access': 'true' },
});
console.log(response.status);`);
    expect(exchanges.map((exchange) => exchange.response?.status ?? exchange.error)).toEqual([200]);
    const closed = await showLog(exchanges);
    expect([closed.logOpen, ...closed.opened, closed.detail]).toEqual([false, false, '']); // nothing rendered until opened
    const shown = await showLog(exchanges, 0);
    expect(shown.explanation).toBe('');
    expect(shown.detail).toContain('Copy as curl');
  });

  it('times each streamed event from the request start, in order, with first byte, first token and last event', async () => {
    const exchanges = await exchangesOf(`
import Anthropic from '@anthropic-ai/sdk';
const client = new Anthropic({ dangerouslyAllowBrowser: true });
const stream = client.messages.stream({ model: 'claude-haiku-5-5', max_tokens: 64, messages: [{ role: 'user', content: 'Tell me a short story' }] });
await stream.finalMessage();`);
    expect(exchanges).toHaveLength(1);
    const timing = exchanges[0]!.response!.timing!;
    const offsets = timing.eventOffsetsMs!;
    expect(offsets.length).toBeGreaterThan(3);
    const shown = await showLog(exchanges, 0);
    // One offset per event row, the same numbers the record holds, never decreasing.
    const shownMs = shown.offsets.map((text) => Number(/^\+([\d.]+) (ms|s)$/.exec(text)![1]) * (text.endsWith(' s') ? 1000 : 1));
    expect(shownMs).toHaveLength(offsets.length);
    expect(shownMs.every((ms, i) => i === 0 || ms >= shownMs[i - 1]!)).toBe(true);
    expect(shown.milestones).toMatch(/first byte \+[\d.]+ m?s · first token \+[\d.]+ m?s · last event \+[\d.]+ m?s · \d+ events/);
    expect(shown.detail).toMatch(/Tokens: in \d+ · out \d+/);
    expect(shown.cellUsage).toMatch(/This cell: Tokens: in \d+ · out \d+ .*≈ \$0\.0*[1-9]/);
  });
});
