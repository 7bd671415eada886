import type { MirrorModel, TypeScriptWorkerCreateData } from 'monaco-editor/languages/features/typescript/tsWorker';
import { beforeAll, describe, expect, it } from 'vitest';
import { CELL_COMPILER_OPTIONS } from '../../src/editor/cell-compiler-options';
import { CELL_EXTRA_LIBS } from '../../src/editor/cell-extra-libs';
import { createWarmTypeScriptWorker, type WarmTypeScriptWorker } from '../../src/editor/warm-typescript-worker';

const CELL_URI = 'file:///cells/01-first-request/env.ts';
const VALID_URI = 'file:///cells/01-first-request/ask.ts';
const VALID_CODE = [
  "import Anthropic from '@anthropic-ai/sdk';",
  'const client = new Anthropic({ dangerouslyAllowBrowser: true });',
  "const reply = await client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 64, messages: [{ role: 'user', content: 'Hi' }] });",
  "const text: string = reply.content.map((block) => (block.type === 'text' ? block.text : '')).join('');",
  "const decoded: string = new TextDecoder().decode(new Uint8Array([104, 105])) + text + process.env.ANTHROPIC_API_KEY;",
].join('\n');
const CELL_CODE = [
  "import Anthropic from '@anthropic-ai/sdk';",
  'const client = new Anthropic({ dangerouslyAllowBrowser: true });',
  "const notANumber: number = 'a string';",
  'const reply = await client.messages.create({ model: ',
].join('\n');

function cellModel(uri: string, code: string): MirrorModel {
  return { uri: { path: new URL(uri).pathname, toString: () => uri }, version: 1, getValue: () => code };
}

/** What Monaco's WorkerManager sends: the page's options and libs, structured-cloned, every lib at version 1. */
function pageCreateData(overrides: Partial<TypeScriptWorkerCreateData> = {}): TypeScriptWorkerCreateData {
  return structuredClone({
    compilerOptions: { ...CELL_COMPILER_OPTIONS, lib: [...CELL_COMPILER_OPTIONS.lib] },
    extraLibs: Object.fromEntries(CELL_EXTRA_LIBS.map(({ filePath, content }) => [filePath, { content, version: 1 }])),
    inlayHintsOptions: {},
    ...overrides,
  });
}

const options = () => ({ ...CELL_COMPILER_OPTIONS, lib: [...CELL_COMPILER_OPTIONS.lib] });

describe('the warm TypeScript worker', () => {
  let warm: WarmTypeScriptWorker;
  beforeAll(async () => {
    warm = createWarmTypeScriptWorker(options(), CELL_EXTRA_LIBS);
    await warm.warmUp();
  }, 60_000);

  it('once adopted by the page, suggests model ids after `model: ` and reports a type error in the real cell', async () => {
    const models = [cellModel(CELL_URI, CELL_CODE), cellModel(VALID_URI, VALID_CODE)];
    const worker = warm.adopt({ getMirrorModels: () => models }, pageCreateData());
    expect(worker).toBe(warm.worker);
    const completions = await worker.getCompletionsAtPosition(CELL_URI, CELL_CODE.length);
    const names = completions?.entries.map((entry) => entry.name) ?? [];
    expect(names.some((name) => /^'claude-[a-z0-9-]+'$/.test(name))).toBe(true);
    const diagnostics = await worker.getSemanticDiagnostics(CELL_URI);
    // 2322: Type 'string' is not assignable to type 'number'.
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toContain(2322);
    // The SDK, the worker's globals and the sandbox's resolve: a correct cell has nothing to report.
    expect((await worker.getSemanticDiagnostics(VALID_URI)).map((d) => JSON.stringify(d.messageText))).toEqual([]);
  }, 60_000);

  it('leaves its scratch cell out of the page-facing program', () => {
    const worker = warm.worker as unknown as { getScriptFileNames(): string[] };
    const files = worker.getScriptFileNames();
    expect(files).toContain(CELL_URI);
    expect(files.filter((file) => file.includes('warm-up'))).toEqual([]);
  });

  it('is not reused when the page sets TypeScript up differently, or a second time', () => {
    const other = createWarmTypeScriptWorker(options(), CELL_EXTRA_LIBS);
    const ctx = { getMirrorModels: () => [] };
    const differentOptions = pageCreateData({ compilerOptions: { ...options(), strict: false } });
    expect(other.adopt(ctx, differentOptions)).not.toBe(other.worker);
    const firstLib = CELL_EXTRA_LIBS[0]!;
    const differentLib = pageCreateData();
    differentLib.extraLibs[firstLib.filePath] = { content: `${firstLib.content}\ndeclare const extra: number;`, version: 1 };
    expect(other.adopt(ctx, differentLib)).not.toBe(other.worker);
    expect(other.adopt(ctx, pageCreateData())).toBe(other.worker);
    expect(other.adopt(ctx, pageCreateData())).not.toBe(other.worker);
  });
});
