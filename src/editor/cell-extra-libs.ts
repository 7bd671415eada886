/**
 * The declaration files every cell is type-checked with besides TypeScript's ES2023 libs: the worker
 * globals (fetch, Response, TextDecoder…: the part of lib.webworker.d.ts cells can reach, a sixth of its
 * size), the sandbox globals and the SDK's typings. load-monaco.ts hands them to Monaco in one update;
 * test/editor/typescript-worker.test.ts checks cells against the same list.
 */
// The same declarations the lessons are type-checked against, so the editor and the tests cannot drift.
import SANDBOX_GLOBALS_DTS from '../lessons/sandbox-globals.d.ts?raw';
// The course modules cells may import (src/runner/course-modules.ts), as source: TypeScript reads a .ts
// file under node_modules/<specifier>/index.ts the way it reads a package.
import TOOL_LOOP_SOURCE from '../../lessons/lib/tool-loop.ts?raw';
import { SDK_TYPINGS } from './sdk-typings';
import { WORKER_GLOBALS_DTS } from './worker-globals.generated';

export interface ExtraLib {
  filePath: string;
  content: string;
}

export const CELL_EXTRA_LIBS: readonly ExtraLib[] = [
  { filePath: 'file:///playground/worker-globals.d.ts', content: WORKER_GLOBALS_DTS },
  { filePath: 'file:///playground/sandbox-globals.d.ts', content: SANDBOX_GLOBALS_DTS },
  ...SDK_TYPINGS.map(([filePath, content]) => ({ filePath, content })),
  { filePath: 'file:///node_modules/@course/tool-loop/index.ts', content: TOOL_LOOP_SOURCE },
];
