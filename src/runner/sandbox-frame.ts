/**
 * Script of the opaque-origin sandbox frame (`sandbox="allow-scripts"`, srcdoc, no same-origin): built
 * to an IIFE and inlined into the srcdoc by `sandbox-host.ts`. It owns the workers: it keeps one warm
 * spare (a fresh worker needs ~50 ms before it can run anything), hands a worker its private port to the
 * page on `spawn` and terminates it on `terminate`. It never sees cell code or API traffic.
 */
import { FRAME_READY, type FrameToPage, type PageToFrame } from './worker-protocol';

let workerUrl: string | undefined;
let spare: Worker | undefined;
const workers = new Map<number, Worker>();
let hostPort: MessagePort | undefined;

function post(message: FrameToPage): void {
  hostPort?.postMessage(message);
}

function createWorker(): Worker | undefined {
  if (!workerUrl) return undefined;
  const worker = new Worker(workerUrl);
  return worker;
}

function refillSpare(): void {
  if (!spare) spare = createWorker();
}

function onHostMessage(event: MessageEvent<PageToFrame>): void {
  const message = event.data;
  switch (message.type) {
    case 'init':
      if (workerUrl) return;
      workerUrl = URL.createObjectURL(new Blob([message.workerSource], { type: 'text/javascript' }));
      refillSpare();
      break;
    case 'spawn': {
      const worker = spare ?? createWorker();
      spare = undefined;
      if (!worker) {
        post({ type: 'worker-failed', workerId: message.workerId, message: 'the sandbox worker source has not arrived yet' });
        return;
      }
      const workerId = message.workerId;
      worker.onerror = (event) => {
        event.preventDefault();
        post({ type: 'worker-failed', workerId, message: event.message || 'the sandbox worker failed to start' });
      };
      workers.set(workerId, worker);
      worker.postMessage({ type: 'connect', port: message.port }, [message.port]);
      // Start the next spare once this worker had a moment to begin its run.
      setTimeout(refillSpare, 50);
      break;
    }
    case 'terminate': {
      const worker = workers.get(message.workerId);
      workers.delete(message.workerId);
      worker?.terminate();
      break;
    }
  }
}

window.addEventListener('message', function onHandshake(event: MessageEvent) {
  if (event.source !== window.parent || !(event.ports[0] instanceof MessagePort) || hostPort) return;
  window.removeEventListener('message', onHandshake);
  hostPort = event.ports[0];
  hostPort.onmessage = onHostMessage;
});
window.parent.postMessage({ type: FRAME_READY }, '*');
