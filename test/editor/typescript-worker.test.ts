import { TypeScriptWorker, type MirrorModel, type TypeScriptWorkerCreateData } from 'monaco-editor/languages/features/typescript/tsWorker';
import { describe, expect, it } from 'vitest';
import { CELL_COMPILER_OPTIONS } from '../../src/editor/cell-compiler-options';
import { CELL_EXTRA_LIBS } from '../../src/editor/cell-extra-libs';

const CELL_URI = 'file:///cells/01-first-request/env.ts';
const VALID_URI = 'file:///cells/01-first-request/ask.ts';
const VALID_CODE = [
  "import Anthropic from '@anthropic-ai/sdk';",
  'const client = new Anthropic({ dangerouslyAllowBrowser: true });',
  "const reply = await client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 64, messages: [{ role: 'user', content: 'Hi' }] });",
  "const text: string = reply.content.map((block) => (block.type === 'text' ? block.text : '')).join('');",
  "const decoded: string = new TextDecoder().decode(new Uint8Array([104, 105])) + text + process.env.ANTHROPIC_API_KEY;",
  "import { runToolLoop } from '@course/tool-loop';",
  "const looped: string = (await runToolLoop(client, { model: 'claude-sonnet-5-5', max_tokens: 64, messages: [] }, {})).text;",
  // A subpath helper lesson 10 teaches resolves too.
  "import { jsonSchemaOutputFormat } from '@anthropic-ai/sdk/helpers/json-schema';",
  "const format = jsonSchemaOutputFormat({ type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] });",
  "const parsed = await client.messages.parse({ model: 'claude-sonnet-4-5', max_tokens: 64, messages: [{ role: 'user', content: 'Hi' }], output_config: { format } });",
  "console.log(format.schema, parsed.parsed_output);",
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

describe("Monaco's TypeScript worker, set up as the page sets it up for cells", () => {
  it('suggests model ids after `model: `, reports a type error, and finds nothing wrong in a correct cell', async () => {
    const models = [cellModel(CELL_URI, CELL_CODE), cellModel(VALID_URI, VALID_CODE)];
    const worker = new TypeScriptWorker({ getMirrorModels: () => models }, pageCreateData());
    const completions = await worker.getCompletionsAtPosition(CELL_URI, CELL_CODE.length);
    const names = completions?.entries.map((entry) => entry.name) ?? [];
    expect(names.some((name) => /^'claude-[a-z0-9-]+'$/.test(name))).toBe(true);
    const diagnostics = await worker.getSemanticDiagnostics(CELL_URI);
    // 2322: Type 'string' is not assignable to type 'number'.
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toContain(2322);
    // The SDK, the worker's globals and the sandbox's resolve: a correct cell has nothing to report.
    expect((await worker.getSemanticDiagnostics(VALID_URI)).map((d) => JSON.stringify(d.messageText))).toEqual([]);
  }, 60_000);
});
