/**
 * The copies are runnable as they are: each is made from a request the official SDK really sent, then run
 * against the local mock server (curl in a shell, the TypeScript copy in Node with the SDK) with only
 * ANTHROPIC_BASE_URL and ANTHROPIC_API_KEY in the environment; the Python copy is parsed by Python's `ast`.
 */
import Anthropic from '@anthropic-ai/sdk';
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyAsCurl, copyAsPython, copyAsTypeScript } from '../../src/inspector/copy-exchange';
import type { ExchangeRecord } from '../../src/runner/protocol';
import { startMockServer, type RunningMockServer } from '../../src/mock/server/node-server';
import { PLACEHOLDER_API_KEY } from '../../src/anthropic-api';

const run = promisify(execFile);
const KEY = 'sk-ant-api03-copy-test-key-0000';
const WORK = resolve('test-results/copy-exchange');
let server: RunningMockServer;
let hasPython = true;

beforeAll(async () => {
  server = await startMockServer({ port: 0, emulatorOptions: { pacing: 'instant', seed: 'copy-test' } });
  mkdirSync(WORK, { recursive: true });
  hasPython = await run('python3', ['--version']).then(() => true, () => false);
});
afterAll(async () => {
  await server.close();
  rmSync(WORK, { recursive: true, force: true });
});

/** Records what the SDK sends for `call` (as the playground's exchange log records it), answering from the mock server. */
async function recorded(call: (client: Anthropic) => Promise<unknown>): Promise<ExchangeRecord['request'][]> {
  const requests: ExchangeRecord['request'][] = [];
  const client = new Anthropic({
    apiKey: PLACEHOLDER_API_KEY,
    maxRetries: 0,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const body = await request.clone().text();
      requests.push({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers), body });
      const url = new URL(request.url);
      return fetch(`${server.url}${url.pathname}${url.search}`, { method: request.method, headers: request.headers, body: body || undefined });
    },
  });
  await call(client);
  return requests;
}

const env = () => ({ PATH: process.env.PATH ?? '', ANTHROPIC_BASE_URL: server.url, ANTHROPIC_API_KEY: KEY });
const ask = { model: 'claude-haiku-5-5', max_tokens: 300, messages: [{ role: 'user' as const, content: "It's 6 * 7 — what's that?" }] };

async function runCurl(request: ExchangeRecord['request']): Promise<string> {
  const { stdout } = await run('bash', ['-c', copyAsCurl(request)], { env: env() });
  return stdout;
}

async function runTypeScript(request: ExchangeRecord['request'], name: string): Promise<string> {
  const file = join(WORK, `${name}.mjs`); // The copy is plain ESM; Node resolves the SDK from the project.
  writeFileSync(file, copyAsTypeScript(request)!);
  const { stdout } = await run(process.execPath, [file], { env: env() });
  return stdout;
}

async function parsesAsPython(request: ExchangeRecord['request']): Promise<boolean> {
  const source = copyAsPython(request)!;
  const child = run('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())']);
  child.child.stdin?.end(source);
  return child.then(() => true, () => false);
}

describe('copy an exchange', { timeout: 60_000 }, () => {
  it('as curl: runs against the mock server, with the key from the environment and never the page key', async () => {
    const [create] = await recorded((client) => client.messages.create(ask));
    const curl = copyAsCurl(create!);
    // SDK 1.12 authenticates with `authorization: Bearer`; the copy keeps the style with the key from the environment.
    expect(curl).toContain('"authorization: Bearer $ANTHROPIC_API_KEY"');
    expect(curl).not.toContain(PLACEHOLDER_API_KEY);
    expect(JSON.parse(await runCurl(create!))).toMatchObject({ type: 'message', role: 'assistant' });

    const [streamed] = await recorded(async (client) => {
      for await (const _event of await client.messages.create({ ...ask, stream: true })) void _event;
    });
    const sse = await runCurl(streamed!);
    expect(sse.startsWith('event: message_start')).toBe(true);
    expect(sse).toContain('event: message_stop');

    const [models] = await recorded((client) => client.models.retrieve('claude-haiku-5-5'));
    expect(JSON.parse(await runCurl(models!))).toMatchObject({ type: 'model', id: 'claude-haiku-5-5' });
  });

  it('as curl for a docs-style fetch with x-api-key (redacted in the log), keeping the key out of the copy', async () => {
    const docsStyle: ExchangeRecord['request'] = {
      method: 'POST',
      url: 'https://api.anthropic.com/v1/messages/count_tokens',
      headers: { 'x-api-key': 'sk-ant-…0000', 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
      body: JSON.stringify({ model: ask.model, messages: ask.messages }),
    };
    const curl = copyAsCurl(docsStyle);
    expect(curl).toContain('"x-api-key: $ANTHROPIC_API_KEY"');
    expect(curl).not.toContain('sk-ant-…');
    expect(JSON.parse(await runCurl(docsStyle))).toHaveProperty('input_tokens');
  });

  it('as TypeScript: the official SDK call runs in Node against the mock server', async () => {
    const [create] = await recorded((client) => client.messages.create(ask));
    expect(await runTypeScript(create!, 'create')).toMatch(/type: 'message'/);
    const [count] = await recorded((client) => client.messages.countTokens({ model: ask.model, messages: ask.messages }));
    expect(copyAsTypeScript(count!)).toContain('client.messages.countTokens(');
    expect(await runTypeScript(count!, 'count')).toMatch(/input_tokens: \d+/);
    const [streamed] = await recorded(async (client) => {
      for await (const _event of await client.messages.create({ ...ask, stream: true })) void _event;
    });
    expect(await runTypeScript(streamed!, 'stream')).toContain("type: 'message_stop'");
    const [list] = await recorded((client) => client.models.list());
    expect(await runTypeScript(list!, 'models')).toContain("type: 'model'");
  });

  it('as Python: the official SDK call, with Python literals, that Python parses', async () => {
    const [create] = await recorded((client) => client.messages.create({ ...ask, stream: true, metadata: { user_id: 'u' } }).then(async (s) => {
      for await (const _event of s) void _event;
    }));
    const python = copyAsPython(create!)!;
    expect(python).toContain('client.messages.create(**{');
    expect(python).toContain('"stream": True');
    expect(python).toContain('for item in client.messages.create(');
    const [batch] = await recorded((client) => client.messages.batches.create({ requests: [{ custom_id: 'a', params: ask }] }));
    expect(copyAsPython(batch!)).toContain('client.messages.batches.create(**{');
    if (!hasPython) return; // Python is optional on a developer's machine; CI's image has python3.
    expect(await parsesAsPython(create!)).toBe(true);
    expect(await parsesAsPython(batch!)).toBe(true);
  });

  it('offers no SDK copy for an endpoint the SDKs have no method for', () => {
    const request = { method: 'DELETE', url: 'https://api.anthropic.com/v1/files/file_1', headers: {}, body: '' };
    expect(copyAsPython(request)).toBeUndefined();
    expect(copyAsTypeScript(request)).toBeUndefined();
    expect(copyAsCurl(request)).toContain("-X DELETE \"${ANTHROPIC_BASE_URL:-https://api.anthropic.com}\"'/v1/files/file_1'");
  });
});
