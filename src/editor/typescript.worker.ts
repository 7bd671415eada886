/**
 * Entry of the editor's TypeScript worker: Monaco's own worker (same protocol, same TypeScriptWorker),
 * except that it starts building the cells' program as soon as it is loaded instead of on the page's
 * first request (see warm-typescript-worker.ts). The page starts this worker when an editor is asked
 * for, while Monaco itself still loads.
 */
import { initialize } from 'monaco-editor/internal/common/initialize';
import { CELL_COMPILER_OPTIONS } from './cell-compiler-options';
import { CELL_EXTRA_LIBS } from './cell-extra-libs';
import { createWarmTypeScriptWorker } from './warm-typescript-worker';

const warm = createWarmTypeScriptWorker({ ...CELL_COMPILER_OPTIONS, lib: [...CELL_COMPILER_OPTIONS.lib] }, CELL_EXTRA_LIBS);

// As monaco-editor's ts.worker.js: the page's first message is a wake-up, the second carries the setup.
self.onmessage = () => initialize((ctx, createData) => warm.adopt(ctx, createData));

// Runs now, before the page's messages are handled (they wait in the queue until it is done).
void warm.warmUp().catch((error: unknown) => console.warn('TypeScript warm-up failed', error));
