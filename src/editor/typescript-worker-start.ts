/**
 * Starts the editor's TypeScript worker early: when an editor is asked for, before Monaco (4 MB of code
 * for the page's main thread) has loaded. The worker then downloads, compiles and builds its program on
 * another core meanwhile (see warm-typescript-worker.ts); Monaco picks it up through
 * `MonacoEnvironment.getWorker` instead of starting its own once the first cell model exists.
 */
import TypeScriptWorker from './typescript.worker?worker';

let started: Worker | undefined;
let handedOver = false;

/** Starts the worker once per page; later calls do nothing. */
export function startTypeScriptWorker(): void {
  if (!started && !handedOver) started = new TypeScriptWorker({ name: 'typescript' });
}

/** The early-started worker the first time (starting it now if needed), a new one after that (Monaco restarts). */
export function takeTypeScriptWorker(): Worker {
  startTypeScriptWorker();
  const worker = started ?? new TypeScriptWorker({ name: 'typescript' });
  started = undefined;
  handedOver = true;
  return worker;
}
