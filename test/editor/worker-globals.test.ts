import { TypeScriptWorker, type MirrorModel } from 'monaco-editor/languages/features/typescript/tsWorker';
import { describe, expect, it } from 'vitest';
import { CELL_COMPILER_OPTIONS } from '../../src/editor/cell-compiler-options';
import { CELL_EXTRA_LIBS, type ExtraLib } from '../../src/editor/cell-extra-libs';
import { WORKER_GLOBALS_DTS } from '../../src/editor/worker-globals.generated';
import { workerGlobalsDts } from '../../src/editor/worker-globals-source';
import { compileLesson } from '../../src/lessons/compile-lesson';
import { readLessonFiles } from '../lessons/course-files';

const WORKER_GLOBALS_PATH = 'file:///playground/worker-globals.d.ts';

/** Uses of the worker globals a learner is likely to write, beyond what the lessons use. */
const GLOBALS_CELL = [
  "const response: Response = await fetch('https://api.anthropic.com/v1/models', { headers: new Headers({ a: 'b' }), signal: AbortSignal.timeout(5000) });",
  'const body: ReadableStream<Uint8Array> | null = response.body;',
  'const text: string = new TextDecoder().decode(new TextEncoder().encode(crypto.randomUUID()));',
  "const url = new URL('https://example.com'); const q: string | null = url.searchParams.get('q');",
  'const copy = structuredClone({ a: 1 }); const timer = setTimeout(() => console.log(copy, body, text, q), 1); clearTimeout(timer);',
  "const controller = new AbortController(); controller.abort(); const blob = new Blob(['x']); const form = new FormData(); form.append('f', blob);",
  'const started: number = performance.now(); const encoded: string = btoa(atob(String(started)));',
  "const parsed: unknown = JSON.parse(await new Response('{}').text()); await Promise.all([1].map(async (n) => n)); console.log(parsed, encoded);",
].join('\n');

interface CellText {
  uri: string;
  code: string;
}

function courseCells(): CellText[] {
  const cells: CellText[] = [{ uri: 'file:///cells/globals.ts', code: GLOBALS_CELL }];
  for (const { source, file } of readLessonFiles()) {
    for (const section of compileLesson(source, file).sections) {
      if (section.kind === 'cell') cells.push({ uri: `file:///cells/${section.cell.id}.ts`, code: section.cell.code });
    }
  }
  return cells;
}

/** Every diagnostic (none ignored) of every cell, as `code@start`, type-checked with `lib` and `extraLibs`. */
async function diagnosticsOf(cells: CellText[], lib: string[], extraLibs: readonly ExtraLib[]): Promise<Record<string, string[]>> {
  const models: MirrorModel[] = cells.map(({ uri, code }) => ({ uri: { path: new URL(uri).pathname, toString: () => uri }, version: 1, getValue: () => code }));
  const worker = new TypeScriptWorker(
    { getMirrorModels: () => models },
    {
      compilerOptions: { ...CELL_COMPILER_OPTIONS, lib },
      extraLibs: Object.fromEntries(extraLibs.map(({ filePath, content }) => [filePath, { content, version: 1 }])),
    },
  );
  const result: Record<string, string[]> = {};
  for (const { uri } of cells) {
    const diagnostics = await worker.getSemanticDiagnostics(uri);
    result[uri] = diagnostics.map((diagnostic) => `${diagnostic.code}@${diagnostic.start ?? '?'}`);
  }
  return result;
}

describe('the worker globals cut from lib.webworker.d.ts', () => {
  it('is up to date with monaco-editor and the SDK (regenerate: npx tsx src/editor/generate-worker-globals.ts)', () => {
    expect(WORKER_GLOBALS_DTS === workerGlobalsDts()).toBe(true);
  }, 60_000);

  it('is a fraction of the whole file and is what the editor loads', () => {
    expect(WORKER_GLOBALS_DTS.length).toBeLessThan(200_000);
    expect(CELL_EXTRA_LIBS.find((lib) => lib.filePath === WORKER_GLOBALS_PATH)?.content).toBe(WORKER_GLOBALS_DTS);
    expect(CELL_COMPILER_OPTIONS.lib).toEqual(['lib.es2023.d.ts']);
  });

  it('gives every course cell the same diagnostics as the whole lib.webworker.d.ts, and common globals none', async () => {
    const cells = courseCells();
    expect(cells.length).toBeGreaterThan(30);
    const withSubset = await diagnosticsOf(cells, [...CELL_COMPILER_OPTIONS.lib], CELL_EXTRA_LIBS);
    const withoutSubset = CELL_EXTRA_LIBS.filter((lib) => lib.filePath !== WORKER_GLOBALS_PATH);
    const withWholeLib = await diagnosticsOf(cells, [...CELL_COMPILER_OPTIONS.lib, 'lib.webworker.d.ts'], withoutSubset);
    expect(withSubset).toEqual(withWholeLib);
    expect(withSubset['file:///cells/globals.ts']).toEqual([]);
    // Without any worker globals, the probe cell does fail: the comparison above can tell them apart.
    const withNone = await diagnosticsOf(cells.slice(0, 1), [...CELL_COMPILER_OPTIONS.lib], withoutSubset);
    expect(withNone['file:///cells/globals.ts']!.length).toBeGreaterThan(0);
  }, 120_000);
});
