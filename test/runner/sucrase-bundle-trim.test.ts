import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCell, type CompiledCell, type CompileOptions } from '../../src/runner/notebook-compile';
import { sucraseStubSource, sucraseTrimEsbuildPlugin } from '../../src/runner/sucrase-bundle-trim';

type Compile = (code: string, options: CompileOptions) => CompiledCell;

/** TypeScript a learner might write, beyond what the lessons use. */
const FEATURE_CELLS = [
  'enum Mood { Calm = 1, Busy }\nconst mood: Mood = Mood.Busy;',
  'const enum Flag { A = 1 }\nconst flag = Flag.A;',
  'class Point { constructor(public readonly x: number, private y = 2) {} }\nabstract class Shape { abstract area(): number; }',
  'class Derived extends Array<number> { declare extra: string; override push(...items: number[]) { return super.push(...items); } }',
  "import type { Message } from '@anthropic-ai/sdk';\nimport Anthropic, { type APIError } from '@anthropic-ai/sdk';\nlet m: Message | undefined;",
  'const pick = <T,>(items: T[], i: number): T | undefined => items[i];\nconst n = 1_000_000;\nconst maybe = (globalThis as any)?.foo ?? null;',
  'function overload(a: string): string;\nfunction overload(a: number): number;\nfunction overload(a: any) { return a; }',
  'type Alias<T> = { value: T };\ninterface Shape { w: number }\nconst box = { value: 1 } satisfies Alias<number>;\nlet later!: string;',
  'namespace Types { export type Id = string; }\ndeclare const injected: number;\nexport default class {}\nexport { box as renamed };',
  'try { JSON.parse("{"); } catch { /* optional catch binding stays */ }\nconst big = 10n ** 3n;\nlabel: for (const x of [1]) { break label; }',
];

function lessonCells(): string[] {
  const lessonsDir = path.resolve('lessons');
  const cells: string[] = [];
  for (const file of readdirSync(lessonsDir).filter((name) => name.endsWith('.md'))) {
    const markdown = readFileSync(path.join(lessonsDir, file), 'utf8');
    for (const match of markdown.matchAll(/^```ts([^\n]*)\n([\s\S]*?)^```/gm)) {
      if (!/expect-error=SyntaxError/i.test(match[1] ?? '')) cells.push(match[2] ?? '');
    }
  }
  return cells;
}

describe('the sandbox bundle of sucrase, trimmed to what the playground calls', () => {
  let dir: string;
  let bundled: Compile;
  let bundleText: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tp-sucrase-trim-'));
    const result = await build({
      stdin: { contents: "export { compileCell } from './src/runner/notebook-compile';", resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      logLevel: 'silent',
      plugins: [sucraseTrimEsbuildPlugin()],
    });
    bundleText = result.outputFiles[0]!.text;
    const file = path.join(dir, 'notebook-compile.mjs');
    writeFileSync(file, bundleText);
    bundled = ((await import(pathToFileURL(file).href)) as { compileCell: Compile }).compileCell;
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the unused modules with stubs', () => {
    expect(bundleText).toContain("is not part of the playground's bundle");
    expect(bundleText).not.toContain('jsxParseElement() {\n'); // the JSX parser's body is gone
    // …and the Flow parser's (both texts are in an untrimmed bundle: checked when this test was written)
    expect(bundleText).not.toContain('function flowParseTypeAnnotation() {\n  flowParseTypeInitialiser();');
  });

  // Compiles the whole course twice: ~2 s alone, past the default 5 s on a busy machine as lessons are added.
  it('compiles every lesson cell and a corpus of TypeScript exactly like the full library', { timeout: 60_000 }, () => {
    const cells = [...lessonCells(), ...FEATURE_CELLS];
    expect(cells.length).toBeGreaterThan(FEATURE_CELLS.length + 20);
    for (const code of cells) {
      const options = { sourceUrl: 'cell.ts' };
      let expected: CompiledCell | Error;
      try {
        expected = compileCell(code, options);
      } catch (error) {
        expected = error as Error;
      }
      if (expected instanceof Error) {
        expect(() => bundled(code, options), code).toThrow(expected.message);
      } else {
        const { script, lineOffset, declared } = bundled(code, options);
        expect({ script, lineOffset, declared }, code).toEqual({ script: expected.script, lineOffset: expected.lineOffset, declared: expected.declared });
      }
    }
  });

  it('reports a syntax error from the trimmed parser as the full one does', () => {
    expect(() => bundled('const = 1;', { sourceUrl: 'cell.ts' })).toThrow(/Unexpected token/);
  });
});

describe('sucraseStubSource', () => {
  it('keeps every export name and makes each throw, except the few kept on purpose', async () => {
    const stub = sucraseStubSource(
      '/x/node_modules/sucrase/dist/esm/transformers/JSXTransformer.js',
      'export default class JSXTransformer {}\nexport function startsWithLowerCase(s) {}\nexport function other() {}\nexport const VALUE = 1;',
    );
    const module = (await import(`data:text/javascript,${encodeURIComponent(stub)}`)) as Record<string, (s?: string) => unknown>;
    expect(Object.keys(module).sort()).toEqual(['VALUE', 'default', 'other', 'startsWithLowerCase']);
    expect(() => module.other!()).toThrow("sucrase's transformers/JSXTransformer.js is not part of the playground's bundle");
    expect(() => module.default!()).toThrow(/not part of the playground's bundle/);
    expect([module.startsWithLowerCase!('div'), module.startsWithLowerCase!('Div')]).toEqual([true, false]);
  });
});
