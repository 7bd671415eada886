import { describe, expect, it } from 'vitest';
import { describeError, type RunSource } from '../../src/runner/cell-errors';
import type { SerializedError } from '../../src/runner/protocol';
import { compileCell, type NotebookHooks } from '../../src/runner/notebook-compile';
import { createNotebookHooks, evaluateCompiledScript } from '../../src/runner/notebook-scope';

// Compiled cells resolve bare names against the global object (the worker's scope), so these tests
// use globalThis as the scope, with names unique to each test.
function globalNotebook(modules: Record<string, Record<string, unknown>> = {}) {
  const hooks = createNotebookHooks(globalThis as unknown as Record<string, unknown>, async (specifier) => {
    const found = modules[specifier];
    if (!found) throw new Error(`Cells can import only '@anthropic-ai/sdk'; '${specifier}' is not available`);
    return found;
  });
  let runs = 0;
  return {
    async run(code: string): Promise<{ error?: SerializedError }> {
      const sourceUrl = `tp-test-${++runs}-${Math.random().toString(36).slice(2)}.ts`;
      const sources: RunSource[] = [];
      try {
        const compiled = compileCell(code, { sourceUrl });
        sources.push({ sourceUrl, lineOffset: compiled.lineOffset, toSourceColumn: compiled.toSourceColumn });
        await evaluateCompiledScript<(hooks: NotebookHooks) => Promise<void>>(compiled.script)(hooks);
        return {};
      } catch (thrown) {
        return { error: describeError(thrown, sources) };
      }
    },
  };
}

const g = globalThis as unknown as Record<string, unknown>;

describe('notebook rewrite', () => {
  it('shares const/let/var between cells and lets a cell re-declare them', async () => {
    const book = globalNotebook();
    expect(await book.run('const nbA: number = 1;\nlet nbB = nbA + 1;\nvar nbC = "c";')).toEqual({});
    expect(await book.run('const nbSum = nbA + nbB;')).toEqual({});
    expect(g.nbSum).toBe(3);
    expect(await book.run('const nbA = 10;\nconst nbSum = nbA + nbB;')).toEqual({});
    expect(g.nbSum).toBe(12);
    expect(g.nbC).toBe('c');
  });

  it('re-running `let x;` resets x, as a fresh declaration would', async () => {
    const book = globalNotebook();
    await book.run('let nbReset = 5;');
    await book.run('let nbReset;');
    expect(g.nbReset).toBeUndefined();
  });

  it('declares every name of a destructuring pattern', async () => {
    const book = globalNotebook();
    const result = await book.run(
      'const { nbD1, inner: { nbD2 = 7 }, ...nbRest } = { nbD1: 1, inner: {}, other: 3 };\nconst [nbE1, , ...nbE2] = [1, 2, 3, 4];',
    );
    expect(result).toEqual({});
    expect([g.nbD1, g.nbD2, g.nbRest, g.nbE1, g.nbE2]).toEqual([1, 7, { other: 3 }, 1, [3, 4]]);
  });

  it('shares functions (hoisted within their cell) and classes', async () => {
    const book = globalNotebook();
    expect(
      await book.run('const nbEarly = nbTwice(4);\nfunction nbTwice(n: number): number { return n * 2; }\nclass NbBox<T> { constructor(public value: T) {} }'),
    ).toEqual({});
    expect(g.nbEarly).toBe(8);
    expect(await book.run('const nbBoxed = new NbBox(nbTwice(5));')).toEqual({});
    expect((g.nbBoxed as { value: number }).value).toBe(10);
    // re-declaring the class and the function is fine
    expect(await book.run('class NbBox { kind = "again" }\nfunction nbTwice() { return 0; }')).toEqual({});
    expect(new (g.NbBox as new () => { kind: string })().kind).toBe('again');
  });

  it('a function from an earlier cell sees later re-declarations (one shared scope)', async () => {
    const book = globalNotebook();
    await book.run('let nbGreeting = "hi";\nfunction nbGreet() { return nbGreeting + "!"; }');
    await book.run('nbGreeting = "hello";');
    await book.run('const nbGreeted = nbGreet();');
    expect(g.nbGreeted).toBe('hello!');
  });

  it('turns imports into bindings, for later cells too, and keeps type-only imports out', async () => {
    const sdk = { default: class FakeClient {}, APIError: class APIError {} };
    const book = globalNotebook({ '@anthropic-ai/sdk': sdk });
    const result = await book.run(
      "import NbClient, { APIError as NbApiError } from '@anthropic-ai/sdk';\nimport type { Foo } from '@anthropic-ai/sdk';\nimport * as nbSdk from '@anthropic-ai/sdk';\nconst nbF: Foo | null = null;",
    );
    expect(result).toEqual({});
    expect(g.NbClient).toBe(sdk.default);
    expect(g.NbApiError).toBe(sdk.APIError);
    expect(g.nbSdk).toBe(sdk);
    expect('Foo' in g).toBe(false);
  });

  it('reports an import of anything but the SDK as an error', async () => {
    const book = globalNotebook();
    const { error } = await book.run("import fs from 'node:fs';");
    expect(error?.message).toMatch(/only '@anthropic-ai\/sdk'/);
  });

  it('supports top-level await, including in loops', async () => {
    const book = globalNotebook();
    expect(await book.run('let nbTotal = 0;\nfor (const n of [1, 2, 3]) nbTotal += await Promise.resolve(n);')).toEqual({});
    expect(g.nbTotal).toBe(6);
  });

  it('strips TypeScript: interfaces, type annotations, generics, enums', async () => {
    const book = globalNotebook();
    const result = await book.run(
      'interface NbShape { w: number }\nenum NbColor { Red, Green }\nconst nbShape: NbShape = { w: 2 } satisfies NbShape;\nconst nbGreen = NbColor.Green as number;',
    );
    expect(result).toEqual({});
    expect(g.nbGreen).toBe(1);
    expect('NbShape' in g).toBe(false);
  });

  it('maps a thrown error to the line and column of the TypeScript source', async () => {
    const book = globalNotebook();
    const { error } = await book.run(
      'const nbL1: string = "a";\n\ninterface Unused { a: number }\nfunction nbFail(): never {\n  throw new RangeError("bad " + nbL1);\n}\nnbFail();',
    );
    expect(error).toMatchObject({ name: 'RangeError', message: 'bad a', line: 5, column: 9 });
    expect(error?.stack).toContain('cell:5:9');
  });

  it('maps the column through type annotations on the same line', async () => {
    const book = globalNotebook();
    const line = 'const nbTyped: Record<string, number> = { a: 1 }; const nbOops: number = nbTyped.a + nbMissingName;';
    const { error } = await book.run(`// first line\n${line}`);
    expect(error).toMatchObject({ name: 'ReferenceError', line: 2, column: line.indexOf('nbMissingName') + 1 });
    expect(error?.stack).toContain(`cell:2:${line.indexOf('nbMissingName') + 1}`);
  });

  it('points a ReferenceError at the name, though the engine places it at the start of the rewritten declaration', async () => {
    const book = globalNotebook();
    const line = "const nbDoubled: number = nbCfg.nbMissingTwice + nbMissingTwice * 2; console.log(nbDoubled);";
    const { error } = await book.run(`globalThis.nbCfg = { nbMissingTwice: 1 };\n${line}`.replace('globalThis.', '(globalThis as any).'));
    expect(error).toMatchObject({ name: 'ReferenceError', line: 2, column: line.lastIndexOf('nbMissingTwice') + 1 });
  });

  it('reports a ReferenceError for a name no cell declared, as is', async () => {
    const book = globalNotebook();
    const { error } = await book.run('const nbUses = 1;\nconsole.log(nbNeverDeclared);');
    expect(error).toMatchObject({ name: 'ReferenceError', line: 2 });
    expect(error?.message).toContain('nbNeverDeclared');
  });

  it('reports a syntax error with its line', async () => {
    const book = globalNotebook();
    const { error } = await book.run('const ok = 1;\nconst broken = ;');
    expect(error).toMatchObject({ name: 'SyntaxError', line: 2 });
  });

  it('keeps line numbers when statements span lines and imports are removed', async () => {
    const book = globalNotebook({ '@anthropic-ai/sdk': { default: {} } });
    const { error } = await book.run(
      "import {\n  default as NbMulti,\n} from '@anthropic-ai/sdk';\nconst {\n  nbM1,\n} = { nbM1: 1 };\nthrow new Error('line 7');",
    );
    expect(error).toMatchObject({ message: 'line 7', line: 7 });
  });

  it('treats `export` declarations like plain ones', async () => {
    const book = globalNotebook();
    expect(await book.run('export const nbExported = 3;\nexport function nbExportedFn() { return nbExported; }')).toEqual({});
    expect((g.nbExportedFn as () => number)()).toBe(3);
  });

  it('keeps expressions that only look like declarations out of the scope', async () => {
    const book = globalNotebook();
    const result = await book.run(
      [
        'const nbFnExpr = function nbInnerName() { return 1; };',
        'const nbClassExpr = class NbInnerClass {};',
        '(function nbIife() {})();',
        'for (let nbLoopIndex = 0; nbLoopIndex < 1; nbLoopIndex++) {}',
        '{ const nbBlockOnly = 1; function nbBlockFn() {} }',
        'try { throw 1; } catch (nbCaught) {}',
        'const nbTemplate = `${(() => { const nbInTemplate = 2; return nbInTemplate; })()}`;',
        'const { nbWithDefault = ((nbArrowParam: number) => nbArrowParam)(5) } = {} as { nbWithDefault?: number };',
      ].join('\n'),
    );
    expect(result).toEqual({});
    expect([g.nbTemplate, g.nbWithDefault, typeof g.nbFnExpr, typeof g.nbClassExpr]).toEqual(['2', 5, 'function', 'function']);
    for (const local of ['nbInnerName', 'NbInnerClass', 'nbIife', 'nbLoopIndex', 'nbBlockOnly', 'nbBlockFn', 'nbCaught', 'nbInTemplate', 'nbArrowParam']) {
      expect(local in g, local).toBe(false);
    }
  });

  it('shares async and generator functions, several declarators and classes with computed heritage', async () => {
    const book = globalNotebook();
    const result = await book.run(
      [
        'async function nbAsyncFn() { return 1; }',
        'function* nbGen() { yield 2; }',
        'let nbMany1 = 1, nbMany2, [nbMany3] = [3];',
        'const nbBase = (options: { k: number }) => class { k = options.k; };',
        'class NbDerived extends nbBase({ k: 4 }) { twice() { return this.k * 2; } }',
        'export default class NbDefaultClass {}',
      ].join('\n'),
    );
    expect(result).toEqual({});
    expect(await (g.nbAsyncFn as () => Promise<number>)()).toBe(1);
    expect([...(g.nbGen as () => Iterable<number>)()]).toEqual([2]);
    expect([g.nbMany1, g.nbMany2, g.nbMany3]).toEqual([1, undefined, 3]);
    expect(new (g.NbDerived as new () => { twice(): number })().twice()).toBe(8);
    expect(typeof g.NbDefaultClass).toBe('function');
  });

  it('ends a declaration where the source ended it (a following line starting with `(` is not a call)', async () => {
    const book = globalNotebook();
    const result = await book.run('let nbAsiTarget\n(() => { (globalThis as Record<string, unknown>).nbAsiRan = true; })()\nconst nbAsiClass = 1\n;[1].forEach(() => {})');
    expect(result).toEqual({});
    expect(g.nbAsiRan).toBe(true);
  });

  it('drops `export {…}` / `export *` and keeps `export default <expression>` as an expression', async () => {
    const book = globalNotebook();
    const result = await book.run("const nbKept = 1;\nexport { nbKept as nbRenamed };\nexport default { nbObject: true };\nexport default ((globalThis as Record<string, unknown>).nbDefaultRan = 'yes');");
    expect(result).toEqual({});
    expect(g.nbKept).toBe(1);
    expect('nbRenamed' in g).toBe(false);
    expect(g.nbDefaultRan).toBe('yes');
  });

  it('imports string-named exports and leaves dynamic import() alone', async () => {
    const sdk = { 'odd name': 7, default: 1 };
    const book = globalNotebook({ '@anthropic-ai/sdk': sdk });
    const result = await book.run("import { 'odd name' as nbOdd } from \"@anthropic-ai/sdk\";\nconst nbDynamic = () => import('@anthropic-ai/sdk');");
    expect(result).toEqual({});
    expect(typeof g.nbDynamic).toBe('function');
    expect(g.nbOdd).toBe(7);
  });

  it('runs cell code in strict mode (assigning an undeclared name throws)', async () => {
    const book = globalNotebook();
    const { error } = await book.run('nbUndeclaredTarget = 1;');
    expect(error?.name).toBe('ReferenceError');
  });

  it('describes SDK-style API errors with their type and status', () => {
    const apiError = Object.assign(new Error('529 overloaded'), {
      name: 'OverloadedError',
      status: 529,
      type: 'overloaded_error',
      error: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
    });
    expect(describeError(apiError, [])).toMatchObject({ name: 'OverloadedError', status: 529, apiErrorType: 'overloaded_error' });
  });
});
