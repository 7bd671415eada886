import { redactHeaders, type Backend } from '../backend';
import { BodyTextCollector, bodyPreview } from './body-preview';
import type { ExchangeRecord } from './protocol';
import { ResponseTimer } from './sse-timings';
import type { PageToWorker, WorkerToPage } from './worker-protocol';

type FetchMessage = Extract<WorkerToPage, { type: 'fetch' }>;

/** How often a streaming exchange is re-reported while its body arrives. */
const EXCHANGE_UPDATE_MS = 100;

let exchangeCounter = 0;

/**
 * Page side of the worker's `fetch`: turns the worker's message into a `Request` for the backend,
 * streams the response back chunk by chunk, forwards aborts both ways, and records the exchange
 * (credentials redacted) for the network inspector, at start, while the body streams, and at the end.
 */
export class FetchBridge {
  private readonly inFlight = new Map<number, AbortController>();

  constructor(
    private readonly api: Backend,
    private readonly post: (message: PageToWorker, transfer?: Transferable[]) => void,
    private readonly report: (runId: number, exchange: ExchangeRecord) => void,
  ) {}

  async serve(message: FetchMessage): Promise<void> {
    const { fetchId, runId } = message;
    const controller = new AbortController();
    this.inFlight.set(fetchId, controller);
    const route = this.api.mode;
    // Only the start of a huge body is kept for the record (see body-preview.ts); the request gets it whole.
    const bodyText = bodyPreview(message.body);
    const record: ExchangeRecord = {
      id: `exchange-${++exchangeCounter}`,
      route,
      startedAt: Date.now(),
      request: { method: message.method, url: message.url, headers: redactHeaders(message.headers), body: bodyText },
    };
    const started = performance.now();
    // Every update also goes to the worker: check code reads `exchanges` (even before a body was read).
    const publish = () => {
      const snapshot = structuredClone(record);
      this.report(runId, snapshot);
      this.post({ type: 'exchange', runId, exchange: snapshot });
    };
    const fail = (error: unknown) => {
      const name = error instanceof DOMException && error.name === 'AbortError' ? 'AbortError' : 'TypeError';
      const text = error instanceof Error ? error.message : String(error);
      record.error = `${name}: ${text}`;
      record.durationMs = Math.round(performance.now() - started);
      publish();
      this.post({ type: 'fetch-failed', fetchId, name, message: text });
    };
    // The record says "aborted" as soon as the abort happens, whether or not the backend notices.
    const markAborted = () => {
      if (record.error !== undefined) return;
      const reason: unknown = controller.signal.reason;
      record.error = `AbortError: ${reason instanceof Error ? reason.message : String(reason)}`;
      record.durationMs = Math.round(performance.now() - started);
      publish();
    };
    controller.signal.addEventListener('abort', markAborted, { once: true });
    publish();

    let response: Response;
    try {
      const hasBody = message.method !== 'GET' && message.method !== 'HEAD' && message.body !== null;
      const request = new Request(message.url, {
        method: message.method,
        headers: message.headers,
        ...(hasBody ? { body: message.body } : {}),
        signal: controller.signal,
      });
      response = await this.api.handle(request); // refuses any origin but the API's (a worker's message is untrusted)
    } catch (error) {
      this.inFlight.delete(fetchId);
      if (controller.signal.aborted) markAborted();
      else fail(error);
      return;
    }
    if (controller.signal.aborted) {
      void response.body?.cancel().catch(() => {});
      markAborted();
      return;
    }

    const headers: [string, string][] = [...response.headers];
    const streamed = (response.headers.get('content-type') ?? '').includes('text/event-stream');
    const timer = new ResponseTimer(started, performance.now(), streamed);
    record.response = { status: response.status, headers: Object.fromEntries(headers), body: '', streamed, timing: timer.timing };
    this.post({ type: 'fetch-head', fetchId, status: response.status, statusText: response.statusText, headers });
    publish();

    if (!response.body) {
      this.finish(fetchId, record, started, publish);
      return;
    }
    const reader = response.body.getReader();
    controller.signal.addEventListener('abort', () => void reader.cancel().catch(() => {}), { once: true });
    const responseText = new BodyTextCollector();
    let lastUpdate = performance.now();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (controller.signal.aborted) {
          markAborted();
          return;
        }
        const chunk = value.slice(); // own buffer: transferable
        timer.chunk(value, performance.now());
        responseText.add(value);
        record.response.body = responseText.text();
        this.post({ type: 'fetch-chunk', fetchId, chunk }, [chunk.buffer]);
        if (performance.now() - lastUpdate >= EXCHANGE_UPDATE_MS) {
          lastUpdate = performance.now();
          publish();
        }
      }
      record.response.body = responseText.text(true);
    } catch (error) {
      this.inFlight.delete(fetchId);
      if (controller.signal.aborted) markAborted();
      else fail(error);
      return;
    }
    this.finish(fetchId, record, started, publish);
  }

  /** The worker aborted (its AbortSignal fired or it cancelled the body). */
  abort(fetchId: number, reason: string): void {
    const controller = this.inFlight.get(fetchId);
    this.inFlight.delete(fetchId);
    controller?.abort(new DOMException(`aborted by the cell: ${reason}`, 'AbortError'));
  }

  /** The worker is gone (stop, timeout, restart): cancel everything it still had in flight. */
  abortAll(): void {
    for (const controller of this.inFlight.values()) controller.abort(new DOMException('the runtime stopped', 'AbortError'));
    this.inFlight.clear();
  }

  private finish(fetchId: number, record: ExchangeRecord, started: number, publish: () => void): void {
    this.inFlight.delete(fetchId);
    record.durationMs = Math.round(performance.now() - started);
    // Final record first, then the end of the body: a check that awaited the body sees the whole exchange.
    publish();
    this.post({ type: 'fetch-end', fetchId });
  }
}
