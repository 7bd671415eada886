import { requireApiOrigin } from '../anthropic-api';
import type { PageToWorker, WorkerToPage } from './worker-protocol';

type FetchReply = Extract<PageToWorker, { type: 'fetch-head' | 'fetch-chunk' | 'fetch-end' | 'fetch-failed' }>;

interface PendingFetch {
  /** Where the cell called fetch: a failure that arrives later points at that line. */
  callSite: Error;
  resolve(response: Response): void;
  reject(error: unknown): void;
  url: string;
  body?: ReadableStreamDefaultController<Uint8Array>;
  signal: AbortSignal;
  onAbort: () => void;
}

// Statuses whose Response must not have a body.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * The worker's `fetch`: requests to https://api.anthropic.com travel to the page (which answers with the
 * emulator or the real API), the response streams back chunk by chunk as a real `ReadableStream`, and an
 * abort on either side reaches the other. Any other host is refused before anything leaves the worker.
 */
export class SandboxFetch {
  private nextId = 1;
  private readonly pending = new Map<number, PendingFetch>();

  constructor(
    private readonly post: (message: WorkerToPage, transfer?: Transferable[]) => void,
    private readonly currentRunId: () => number,
  ) {}

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const callSite = new Error();
    const directBody = init?.body == null ? undefined : bytesOf(init.body);
    // A Request built with a big string body copies it into a blob that `arrayBuffer()` reads back in small
    // pieces (seconds for 30 MB): strings and buffers are encoded/copied here directly instead.
    const request = directBody ? new Request(input, { ...init, body: null }) : new Request(input, init);
    if (directBody && typeof init?.body === 'string' && !request.headers.has('content-type')) {
      request.headers.set('content-type', 'text/plain;charset=UTF-8'); // what fetch sets for a string body
    }
    requireApiOrigin(request.url);
    const signal = request.signal;
    signal.throwIfAborted();
    if (directBody && (request.method === 'GET' || request.method === 'HEAD')) {
      throw new TypeError(`Failed to execute 'fetch': Request with ${request.method} method cannot have body.`);
    }
    const body = request.method === 'GET' || request.method === 'HEAD' ? null : (directBody ?? (await request.arrayBuffer()));
    signal.throwIfAborted();
    const fetchId = this.nextId++;
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => {
        const entry = this.pending.get(fetchId);
        if (!entry) return;
        this.pending.delete(fetchId);
        this.post({ type: 'fetch-abort', fetchId, reason: String(signal.reason) });
        entry.body?.error(signal.reason);
        entry.reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.pending.set(fetchId, { callSite, resolve, reject, url: request.url, signal, onAbort });
      this.post(
        {
          type: 'fetch',
          fetchId,
          runId: this.currentRunId(),
          url: request.url,
          method: request.method,
          headers: [...request.headers],
          body,
        },
        body ? [body] : [],
      );
    });
  };

  /** Handles a reply from the page; returns false for messages that are not about fetches. */
  handle(message: PageToWorker): boolean {
    if (!isFetchReply(message)) return false;
    const entry = this.pending.get(message.fetchId);
    if (!entry) return true; // aborted here already
    switch (message.type) {
      case 'fetch-head': {
        const hasBody = !NULL_BODY_STATUSES.has(message.status);
        const stream = hasBody
          ? new ReadableStream<Uint8Array>({
              start: (controller) => {
                entry.body = controller;
              },
              cancel: () => {
                // The reader gave up (e.g. the SDK's stream was broken off): stop the page's side too.
                this.finish(message.fetchId);
                this.post({ type: 'fetch-abort', fetchId: message.fetchId, reason: 'body cancelled' });
              },
            })
          : null;
        const response = new Response(stream, { status: message.status, statusText: message.statusText, headers: message.headers });
        Object.defineProperty(response, 'url', { value: entry.url });
        entry.resolve(response);
        if (!hasBody) this.finish(message.fetchId);
        return true;
      }
      case 'fetch-chunk':
        entry.body?.enqueue(message.chunk);
        return true;
      case 'fetch-end':
        entry.body?.close();
        this.finish(message.fetchId);
        return true;
      case 'fetch-failed': {
        const error = message.name === 'AbortError' ? new DOMException(message.message, 'AbortError') : new TypeError(message.message);
        const frames = entry.callSite.stack?.split('\n').slice(1).join('\n');
        if (frames) Object.defineProperty(error, 'stack', { value: `${error.name}: ${error.message}\n${frames}`, configurable: true, writable: true });
        if (entry.body) entry.body.error(error);
        else entry.reject(error);
        this.finish(message.fetchId);
        return true;
      }
    }
  }

  private finish(fetchId: number): void {
    const entry = this.pending.get(fetchId);
    if (!entry) return;
    entry.signal.removeEventListener('abort', entry.onAbort);
    this.pending.delete(fetchId);
  }
}

/** A transferable copy of a string or buffer body (the cell keeps its own buffer); `undefined` for other kinds. */
function bytesOf(body: BodyInit): ArrayBuffer | undefined {
  if (typeof body === 'string') {
    // Most bodies are ASCII JSON: encodeInto a buffer of one byte per character is ~3x faster than
    // encode() on big strings (30 MB: ~0.3 s instead of ~1 s). Anything else takes the general path.
    const ascii = new Uint8Array(body.length);
    if (new TextEncoder().encodeInto(body, ascii).read === body.length) return ascii.buffer;
    const bytes = new TextEncoder().encode(body);
    return bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
  }
  if (body instanceof ArrayBuffer) return body.slice(0);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength).slice().buffer;
  return undefined;
}

function isFetchReply(message: PageToWorker): message is FetchReply {
  return message.type === 'fetch-head' || message.type === 'fetch-chunk' || message.type === 'fetch-end' || message.type === 'fetch-failed';
}
