/**
 * The emulator as a local HTTP server, so the official SDK (`ANTHROPIC_BASE_URL=http://127.0.0.1:4010`) and curl
 * can talk to it outside the browser. Each incoming request becomes a fetch `Request` for
 * `https://api.anthropic.com<path>` answered by the same `Emulator`; response bodies are streamed as they are
 * produced and the emulator's work is aborted when the client disconnects.
 *
 * Control routes (not part of the API): `POST /_emulator/faults` with a FaultScenario JSON body,
 * `GET /_emulator/faults`, `POST /_emulator/reset`; and the request header
 * `x-emulator-fault: rate_limit|overloaded|api_error|permission|spend_limit|stream_error` as a one-request shortcut.
 *
 * Browser pages: like the API, a request with an `Origin` header must opt in with
 * `anthropic-dangerous-direct-browser-access: true` (browser-access.ts), else it gets a 401 without CORS headers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BROWSER_ACCESS_HEADER, CORS_OPT_IN_MESSAGE, isBrowserRequestWithoutOptIn } from '../browser-access';
import { createEmulator, type Emulator, type EmulatorOptions } from '../emulator';
import { apiError, apiErrorBody, internalError, invalidRequest, notFound, type ApiFailure } from '../errors';
import { parseFaultScenario, type FaultScenario } from '../faults';
import { createIdGenerator } from '../ids';
import { API_ORIGIN } from '../../anthropic-api';
import { PUBLIC_ORIGIN_HEADER } from '../runtime';
import { MAX_REQUEST_BYTES } from '../validate/size';

export interface MockServerOptions {
  /** 0 picks a free port. Default 4010. */
  port?: number;
  /** Default 127.0.0.1 (local only). */
  host?: string;
  /** Use this emulator instead of building one from `emulatorOptions`. */
  emulator?: Emulator;
  emulatorOptions?: EmulatorOptions;
}

export interface RunningMockServer {
  url: string;
  port: number;
  emulator: Emulator;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade', 'expect']);

const SHORTCUT_FAULTS: Record<string, FaultScenario> = {
  rate_limit: { kind: 'rate_limit', retryAfterSeconds: 1 },
  overloaded: { kind: 'overloaded' },
  api_error: { kind: 'api_error' },
  permission: { kind: 'permission' },
  spend_limit: { kind: 'spend_limit' },
  stream_error: { kind: 'stream_error' },
};

export async function startMockServer(options: MockServerOptions = {}): Promise<RunningMockServer> {
  const emulator = options.emulator ?? createEmulator(options.emulatorOptions);
  const server: Server = createServer((req, res) => {
    serve(emulator, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, internalError(describe(error)));
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function serve(emulator: Emulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = req.url ?? '/';
  const method = (req.method ?? 'GET').toUpperCase();
  if (method === 'OPTIONS') {
    // Preflight for browser pages pointed at the local server.
    res.writeHead(204, {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
      'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
    });
    res.end();
    return;
  }
  const received = method === 'GET' || method === 'HEAD' ? undefined : await readAll(req, MAX_REQUEST_BYTES);
  const body = received?.bytes;
  if (path.startsWith('/_emulator/')) return serveControl(emulator, method, path, body, res);

  if (isBrowserRequestWithoutOptIn({
    origin: headerValue(req.headers.origin),
    optIn: headerValue(req.headers[BROWSER_ACCESS_HEADER]),
  })) {
    // Sent without CORS headers on purpose: a browser then reports a network error, as with the real API.
    sendError(res, apiError(401, 'authentication_error', CORS_OPT_IN_MESSAGE));
    return;
  }

  const shortcut = headerValue(req.headers['x-emulator-fault']);
  if (shortcut !== undefined) {
    const scenario = SHORTCUT_FAULTS[shortcut];
    if (!scenario) {
      sendError(res, invalidRequest(`x-emulator-fault: unknown fault "${shortcut}"; use one of ${Object.keys(SHORTCUT_FAULTS).join(', ')}`));
      return;
    }
    emulator.inject(scenario);
  }

  const disconnect = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) disconnect.abort(new Error('client disconnected'));
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (HOP_BY_HOP.has(name) || name === 'x-emulator-fault' || value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  // Batch `results_url` is absolute and followed verbatim by the SDK: it must point back at this server.
  headers.set(PUBLIC_ORIGIN_HEADER, `http://${headerValue(req.headers.host) ?? 'localhost'}`);
  // An oversized body was not kept (readAll): its length alone tells the emulator to answer 413 (body-limit.ts).
  if (received?.tooLarge) headers.set('content-length', String(received.byteLength));
  const request = new Request(`${API_ORIGIN}${path}`, {
    method,
    headers,
    body: body && body.byteLength > 0 ? body : undefined,
    signal: disconnect.signal,
  });
  let response: Response;
  try {
    response = await emulator.handle(request);
  } catch (error) {
    sendError(res, apiError(502, 'api_error', `the emulator could not answer: ${describe(error)}`));
    return;
  }
  // A browser page pointed at this server can only read non-safelisted headers that are exposed; the SDK needs
  // `request-id`, `retry-after`, `x-should-retry` and the rate-limit headers (SDK:client.ts:1976-2051, core/error.ts:71).
  const outgoing: Record<string, string> = { 'access-control-allow-origin': '*', 'access-control-expose-headers': '*' };
  response.headers.forEach((value, name) => {
    outgoing[name] = value;
  });
  // Node knows no reason phrase for 529 and would send "unknown"; the status is the API's "overloaded" code (REF §3).
  if (response.status === 529) res.writeHead(529, 'Overloaded', outgoing);
  else res.writeHead(response.status, outgoing);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  disconnect.signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined), { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await new Promise<void>((resolve) => res.once('drain', resolve));
    }
  } catch {
    // The client went away or the stream was cancelled: nothing left to send.
  }
  res.end();
}

function serveControl(emulator: Emulator, method: string, path: string, body: Uint8Array | undefined, res: ServerResponse): void {
  const route = path.split('?')[0];
  if (route === '/_emulator/faults' && method === 'GET') {
    sendJson(res, 200, { pending: emulator.pendingFaults() });
    return;
  }
  if (route === '/_emulator/faults' && method === 'POST') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(body ?? new Uint8Array()));
    } catch (error) {
      sendError(res, invalidRequest(`body is not JSON: ${describe(error)}`));
      return;
    }
    const scenarios = Array.isArray(parsed) ? parsed : [parsed];
    const checked = scenarios.map(parseFaultScenario);
    const problem = checked.find((item): item is string => typeof item === 'string');
    if (problem !== undefined) {
      sendError(res, invalidRequest(problem));
      return;
    }
    for (const scenario of checked as FaultScenario[]) emulator.inject(scenario);
    sendJson(res, 200, { pending: emulator.pendingFaults() });
    return;
  }
  if (route === '/_emulator/reset' && method === 'POST') {
    emulator.reset();
    sendJson(res, 200, { reset: true });
    return;
  }
  sendError(res, notFound(`unknown control route ${method} ${route}`));
}

interface ReceivedBody {
  bytes: Uint8Array<ArrayBuffer> | undefined;
  byteLength: number;
  /** Over `limit`: the bytes were not kept, only counted (or the declared length was already over). */
  tooLarge: boolean;
}

/**
 * Reads the request body, keeping at most `limit` bytes. An oversized upload is answered as soon as its length is
 * known (declared `content-length`, or the count passing the limit); the rest is drained, not stored.
 */
function readAll(req: IncomingMessage, limit: number): Promise<ReceivedBody> {
  const declared = Number(req.headers['content-length']);
  if (Number.isInteger(declared) && declared > limit) {
    req.resume();
    return Promise.resolve({ bytes: undefined, byteLength: declared, tooLarge: true });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.resume();
      resolve({ bytes: undefined, byteLength: total, tooLarge: true });
    };
    req.on('data', onData);
    req.on('end', () => {
      const joined = Buffer.concat(chunks);
      // A view, not a copy (Uint8Array.from would copy byte by byte).
      resolve({ bytes: new Uint8Array(joined.buffer as ArrayBuffer, joined.byteOffset, joined.byteLength), byteLength: total, tooLarge: false });
    });
    req.on('error', reject);
  });
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Ids for the errors the server itself produces (the emulator's own ids stay untouched, so replays match). */
const serverRequestIds = createIdGenerator('mock-server');

/** An error in the API's shape; every API response, errors included, carries a request id (REF §2-3, docs: …/api/errors). */
function sendError(res: ServerResponse, failure: ApiFailure): void {
  sendJson(res, failure.status, apiErrorBody(failure, serverRequestIds.next('req_')));
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const requestId = (body as { request_id?: unknown }).request_id;
  res.writeHead(status, {
    'content-type': 'application/json',
    ...(typeof requestId === 'string' ? { 'request-id': requestId } : {}),
  });
  res.end(JSON.stringify(body));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
