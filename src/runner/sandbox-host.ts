/**
 * Page side of the sandbox: one hidden opaque-origin iframe per page, shared by every lesson runtime.
 * The page listens on `window` only for the frame's handshake (and only from that frame's window);
 * everything after that goes over private MessagePorts, so a cell cannot post anything the page would
 * take for its own.
 */
import { sandboxAssets } from 'virtual:sandbox-assets';
import { FRAME_READY, type FrameToPage, type PageToFrame, type WorkerToPage } from './worker-protocol';
import { frameDocument } from './sandbox-frame-html';

/** A started sandbox worker with its private port to the page. */
export interface WorkerConnection {
  readonly id: number;
  readonly port: MessagePort;
  terminate(): void;
}

const WORKER_START_TIMEOUT_MS = 15_000;

/** Everything a cell may run is confined further by the frame's own CSP (sandbox-frame-html.ts). */
export class SandboxHost {
  private readonly framePort: Promise<MessagePort>;
  private nextWorkerId = 1;
  private readonly failures = new Map<number, (message: string) => void>();

  constructor() {
    const workerSource = fetchText(sandboxAssets.worker);
    this.framePort = Promise.all([this.createFrame(), workerSource]).then(([port, source]) => {
      port.onmessage = (event: MessageEvent<FrameToPage>) => this.onFrameMessage(event.data);
      const init: PageToFrame = { type: 'init', workerSource: source };
      port.postMessage(init);
      return port;
    });
  }

  /** A connected worker (the frame's warm spare when there is one). */
  async spawnWorker(): Promise<WorkerConnection> {
    const framePort = await this.framePort;
    const id = this.nextWorkerId++;
    const channel = new MessageChannel();
    const terminate = () => {
      this.failures.delete(id);
      channel.port1.onmessage = null;
      channel.port1.close();
      const message: PageToFrame = { type: 'terminate', workerId: id };
      framePort.postMessage(message);
    };
    const hello = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('The code sandbox did not start in time.')), WORKER_START_TIMEOUT_MS);
      this.failures.set(id, (message) => {
        clearTimeout(timer);
        reject(new Error(`The code sandbox failed to start: ${message}`));
      });
      channel.port1.onmessage = (event: MessageEvent<WorkerToPage>) => {
        if (event.data?.type !== 'hello') return;
        clearTimeout(timer);
        channel.port1.onmessage = null;
        resolve();
      };
    });
    const spawn: PageToFrame = { type: 'spawn', workerId: id, port: channel.port2 };
    framePort.postMessage(spawn, [channel.port2]);
    try {
      await hello;
    } catch (error) {
      terminate();
      throw error;
    }
    return { id, port: channel.port1, terminate };
  }

  private onFrameMessage(message: FrameToPage): void {
    if (message?.type === 'worker-failed' && typeof message.workerId === 'number') {
      this.failures.get(message.workerId)?.(String(message.message));
    }
  }

  private createFrame(): Promise<MessagePort> {
    return new Promise((resolve) => {
      const iframe = document.createElement('iframe');
      iframe.setAttribute('sandbox', 'allow-scripts');
      iframe.setAttribute('aria-hidden', 'true');
      iframe.tabIndex = -1;
      iframe.title = 'Code sandbox';
      iframe.style.display = 'none';
      const onMessage = (event: MessageEvent) => {
        if (event.source !== iframe.contentWindow || (event.data as { type?: unknown } | null)?.type !== FRAME_READY) return;
        window.removeEventListener('message', onMessage);
        const channel = new MessageChannel();
        // The frame's origin is opaque ("null"): '*' is the only target origin that reaches it.
        iframe.contentWindow?.postMessage({ type: 'tp-sandbox-port' }, '*', [channel.port2]);
        resolve(channel.port1);
      };
      window.addEventListener('message', onMessage);
      iframe.srcdoc = frameDocument(sandboxAssets.frameSource);
      document.body.append(iframe);
    });
  }
}

let sharedHost: SandboxHost | undefined;

/** The page's sandbox frame, created on first use. */
export function sandboxHost(): SandboxHost {
  sharedHost ??= new SandboxHost();
  return sharedHost;
}

const textCache = new Map<string, Promise<string>>();

/** Fetches a same-origin asset as text once (the worker runtime, the SDK bundle). */
export function fetchText(url: string): Promise<string> {
  let text = textCache.get(url);
  if (!text) {
    text = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status}`);
      return response.text();
    });
    text.catch(() => textCache.delete(url));
    textCache.set(url, text);
  }
  return text;
}
