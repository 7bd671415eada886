import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { TypeScriptWorker } from 'monaco-editor/languages/features/typescript/tsWorker';
import { describe, expect, it } from 'vitest';
import { CELL_COMPILER_OPTIONS } from '../../src/editor/cell-compiler-options';
import { libClosure, monacoCellLibsPlugin, readLibFileMap } from '../../src/editor/vite-plugin';

const LIB_MODULE = createRequire(import.meta.url).resolve('monaco-editor/languages/features/typescript/lib/lib.js');
const allLibs = readLibFileMap(readFileSync(LIB_MODULE, 'utf8'));

/** The lib files TypeScript itself loads for the cells' options (Monaco's worker, every lib available). */
async function libsTypeScriptLoads(): Promise<string[]> {
  const cell = { uri: { path: '/cell.ts', toString: () => 'file:///cell.ts' }, version: 1, getValue: () => 'export {};' };
  const worker = new TypeScriptWorker({ getMirrorModels: () => [cell] }, { compilerOptions: { ...CELL_COMPILER_OPTIONS, lib: [...CELL_COMPILER_OPTIONS.lib] }, extraLibs: {} });
  await worker.getSemanticDiagnostics('file:///cell.ts');
  const service = (worker as unknown as { getLanguageService(): { getProgram(): { getSourceFiles(): { fileName: string }[] } } }).getLanguageService();
  return service.getProgram().getSourceFiles().map((file) => file.fileName).filter((name) => name.startsWith('lib.')).sort();
}

describe('the TypeScript worker keeps only the libs cells use', () => {
  it('keeps exactly the lib files TypeScript loads for the cells, not the DOM or web worker libs', async () => {
    const kept = libClosure(allLibs, CELL_COMPILER_OPTIONS.lib);
    expect(kept).toEqual(await libsTypeScriptLoads());
    expect(kept).toContain('lib.es5.d.ts');
    expect(kept).not.toContain('lib.dom.d.ts');
    expect(kept).not.toContain('lib.webworker.d.ts');
  }, 60_000);

  it('says which lib is missing instead of building a worker without it', () => {
    expect(() => libClosure(allLibs, ['lib.es2099.d.ts'])).toThrow(/lib\.es2099\.d\.ts/);
  });

  it("replaces Monaco's lib module with those libs and leaves every other module alone", () => {
    const plugin = monacoCellLibsPlugin();
    const load = plugin.load as (id: string) => string | null;
    expect(load(`${LIB_MODULE}?worker_file`)).toMatch(/^export const libFileMap = \{/);
    const replaced = readLibFileMap(load(LIB_MODULE)!);
    expect(Object.keys(replaced).sort()).toEqual(libClosure(allLibs, CELL_COMPILER_OPTIONS.lib));
    expect(replaced['lib.es5.d.ts']).toBe(allLibs['lib.es5.d.ts']);
    expect(load(LIB_MODULE.replace('lib.js', 'lib.index.js'))).toBeNull();
  });
});
