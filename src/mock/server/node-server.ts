/**
 * The emulator as a local HTTP server, so the official SDK (`ANTHROPIC_BASE_URL=http://127.0.0.1:4010`) and curl
 * can talk to it outside the browser. Each incoming request becomes a fetch `Request` for
 * `https://api.anthropic.com<path>` answered by the same `Emulator`; response bodies are streamed as they are
 * produced and the emulator's work is aborted when the client disconnects.
 *
 * Control routes (not part of the API): `POST /_emulator/faults` with a FaultScenario JSON body (or a list),
 * `GET /_emulator/faults`, `DELETE /_emulator/faults`, `POST /_emulator/reset`; and the request header
 * `x-emulator-fault: rate_limit|overloaded|api_error|permission|spend_limit|stream_error`, which applies to its own request only.
 *
 * Browser pages: like the API, a request with an `Origin` header must opt in with
 * `anthropic-dangerous-direct-browser-access: true` (browser-access.ts), else it gets a 401 without CORS headers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BROWSER_ACCESS_HEADER, CORS_OPT_IN_MESSAGE, isBrowserRequestWithoutOptIn } from '../browser-access';
import { createEmulator, type Emulator, type EmulatorOptions } from '../emulator';
import { apiError, apiErrorBody, invalidRequest, notFound, type ApiFailure } from '../errors';
import { FAULT_LIMITS, parseFaultScenario, type FaultScenario } from '../faults';
import { createIdGenerator } from '../ids';
import { API_ORIGIN } from '../../anthropic-api';
import { PUBLIC_ORIGIN_HEADER } from '../runtime';
import { parseJsonBody } from '../validate';
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
      if (!res.headersSent) sendError(res, apiError(500, 'api_error', 'Internal server error'));
      else res.destroy(error instanceof Error ? error : undefined);
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

/** Methods a fetch `Request` can carry; others (TRACE, CONNECT, TRACK) are answered like an unknown route. */
const FETCH_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The path and query of a request target: origin-form as sent, absolute-form (`GET http://host/v1/models`, which
 * servers must accept, RFC 9112 §3.2.2) reduced to its path; null for anything else (`*`, garbage).
 */
export function targetPath(target: string): string | null {
  if (target.startsWith('/')) return target;
  if (/^https?:\/\//i.test(target)) {
    try {
      const url = new URL(target);
      return `${url.pathname}${url.search}`;
    } catch {
      return null;
    }
  }
  return null;
}

async function serve(emulator: Emulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
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
  const path = targetPath(req.url ?? '/');
  if (path === null || !FETCH_METHODS.has(method)) {
    // The API answers unknown routes with 404 not_found_error (handlers.ts); a method or target no route can have
    // is one of them.
    req.resume();
    sendError(res, notFound('Not Found'));
    return;
  }
  const received = method === 'GET' || method === 'HEAD' ? undefined : await readAll(req, MAX_REQUEST_BYTES);
  const body = received?.bytes;
  if (path.startsWith('/_emulator/')) return serveControl(emulator, method, path, received, res);

  if (isBrowserRequestWithoutOptIn({
    origin: headerValue(req.headers.origin),
    optIn: headerValue(req.headers[BROWSER_ACCESS_HEADER]),
  })) {
    // Sent without CORS headers on purpose: a browser then reports a network error, as with the real API.
    sendError(res, apiError(401, 'authentication_error', CORS_OPT_IN_MESSAGE));
    return;
  }

  // A fault named in the header applies to this request only (never queued for a later one).
  const shortcut = headerValue(req.headers['x-emulator-fault']);
  let fault: FaultScenario | undefined;
  if (shortcut !== undefined) {
    fault = Object.hasOwn(SHORTCUT_FAULTS, shortcut) ? SHORTCUT_FAULTS[shortcut] : undefined;
    if (!fault) {
      sendError(res, invalidRequest(`x-emulator-fault: unknown fault "${shortcut}"; use one of ${Object.keys(SHORTCUT_FAULTS).join(', ')}`));
      return;
    }
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
    response = await emulator.handle(request, fault ? { fault } : {});
  } catch {
    if (disconnect.signal.aborted) return;
    // handle() rejects only as fetch would (an emulated network failure); never expected here. No internals leak.
    sendError(res, apiError(500, 'api_error', 'Internal server error'));
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

/**
 * The control routes, not part of the API. Their input is validated like an API request's and every answer,
 * errors included, is in the API's shape with a `request-id`.
 */
function serveControl(emulator: Emulator, method: string, path: string, received: ReceivedBody | undefined, res: ServerResponse): void {
  const route = path.split('?')[0];
  if (route === '/_emulator/faults' && method === 'GET') {
    sendOk(res, { pending: emulator.pendingFaults() });
    return;
  }
  if (route === '/_emulator/faults' && method === 'DELETE') {
    emulator.clearFaults();
    sendOk(res, { pending: emulator.pendingFaults() });
    return;
  }
  if (route === '/_emulator/faults' && method === 'POST') {
    if (received?.tooLarge) {
      sendError(res, apiError(413, 'request_too_large', `Request exceeds the maximum allowed number of bytes (${MAX_REQUEST_BYTES}).`));
      return;
    }
    const parsed = parseJsonBody(new TextDecoder().decode(received?.bytes ?? new Uint8Array()));
    if (!parsed.ok) {
      sendError(res, parsed.failure);
      return;
    }
    const scenarios = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
    if (scenarios.length === 0 || scenarios.length > FAULT_LIMITS.maxQueued) {
      sendError(res, invalidRequest(`send one FaultScenario or a list of 1 to ${FAULT_LIMITS.maxQueued}`));
      return;
    }
    const checked = scenarios.map(parseFaultScenario);
    const problem = checked.findIndex((item) => typeof item === 'string');
    if (problem >= 0) {
      const where = Array.isArray(parsed.value) ? `${problem}: ` : '';
      sendError(res, invalidRequest(`${where}${checked[problem] as string}`));
      return;
    }
    for (const scenario of checked as FaultScenario[]) emulator.inject(scenario);
    sendOk(res, { pending: emulator.pendingFaults() });
    return;
  }
  if (route === '/_emulator/reset' && method === 'POST') {
    emulator.reset();
    sendOk(res, { reset: true });
    return;
  }
  sendError(res, notFound(`unknown control route ${method} ${route}; the routes are GET, POST and DELETE /_emulator/faults and POST /_emulator/reset`));
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
  const requestId = serverRequestIds.next('req_');
  sendJson(res, failure.status, apiErrorBody(failure, requestId), requestId);
}

/** A control route's answer, with the `request-id` every response carries. */
function sendOk(res: ServerResponse, body: unknown): void {
  sendJson(res, 200, body, serverRequestIds.next('req_'));
}

function sendJson(res: ServerResponse, status: number, body: unknown, requestId: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': requestId });
  res.end(JSON.stringify(body));
}
