import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COURSE_MODELS } from '../../src/lessons/course-models';
import { formatDiagnostics, typecheckLessons, type CellDiagnostic } from './cell-typecheck';
import { PROJECT_ROOT, readLessonFiles } from './course-files';

const lessonFiles = readLessonFiles();

const FRONT = (order: number) => `---\ntitle: Probe\nsummary: Type-check probe.\norder: ${order}\n---\n`;
const fence = (info: string, code: string) => '```' + info + '\n' + code + '\n```\n';
const probeExercise = (id: string) =>
  fence(`ts exercise id=${id} title="T"`, 'function twice(n: number): number { return n; }') +
  fence('ts check', "check('doubles', () => expect(twice(2)).toBe(4));") +
  fence('ts solution', 'function twice(n: number): number { return n * 2; }');

/** Synthetic lessons that prove the type-check catches what it should (and not more). */
const PROBES = {
  // MessageCreateParams literals with a wrong model type and a misspelled field (one error per cell:
  // TypeScript reports the first problem of an object literal).
  broken: {
    file: 'lessons/90-probe-broken.md',
    source:
      FRONT(90) +
      fence(
        'ts',
        [
          "import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';",
          "const wrongModel: MessageCreateParamsNonStreaming = { model: 42, max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] };",
        ].join('\n'),
      ) +
      fence(
        'ts',
        [
          "import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';",
          `const misspelled: MessageCreateParamsNonStreaming = { model: '${COURSE_MODELS.default}', max_token: 100, messages: [] };`,
        ].join('\n'),
      ) +
      probeExercise('ex'),
  },
  // Valid notebook code: re-declared names, top-level await, sandbox globals, SDK import, exercise.
  valid: {
    file: 'lessons/91-probe-valid.md',
    source:
      FRONT(91) +
      fence(
        'ts',
        [
          "import Anthropic from '@anthropic-ai/sdk';",
          'const client = new Anthropic({ dangerouslyAllowBrowser: true });',
          `const message = await client.messages.create({ model: '${COURSE_MODELS.default}', max_tokens: 64, messages: [{ role: 'user', content: 'Hi' }] });`,
          "const first = message.content[0];",
          "if (first?.type === 'text') console.log(first.text);",
          "const key: string = process.env.ANTHROPIC_API_KEY;",
          "if (playground.mode === 'emulator') await playground.emulator.inject({ kind: 'overloaded' });",
        ].join('\n'),
      ) +
      fence('ts', "import type { Message } from '@anthropic-ai/sdk/resources/messages';\nconst again: Message = message;") +
      fence('ts', "import type Anthropic from '@anthropic-ai/sdk';\nconst client = new Anthropic({ dangerouslyAllowBrowser: true, maxRetries: 0 });\nconsole.log(client, key);") +
      probeExercise('ex'),
  },
};

/** Mutual assignability of the sandbox declarations and the runner/emulator types they describe. */
const DRIFT_CHECK_PATH = path.join(PROJECT_ROOT, 'src/lessons/.typecheck-drift.ts');
const DRIFT_CHECK = `
import type { FaultScenario } from './../mock/emulator';
import type { ExchangeRecord } from './../runner/protocol';
import type { Matchers } from './../runner/expect';
import type { PlaygroundGlobal } from './../runner/worker-globals';
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const faults: Same<FaultScenario, PlaygroundFaultScenario> = true;
export const exchange: Same<ExchangeRecord, PlaygroundExchange> = true;
export const matchers: Same<Matchers, PlaygroundMatchers> = true;
export const playgroundGlobal: Same<PlaygroundGlobal, typeof playground> = true;
`;

let byLesson: Map<string, CellDiagnostic[]>;
let extra: Map<string, string[]>;

beforeAll(() => {
  ({ byLesson, extra } = typecheckLessons([...lessonFiles, ...Object.values(PROBES)], { [DRIFT_CHECK_PATH]: DRIFT_CHECK }));
}, 120_000);

describe('lesson cells type-check against the SDK and the sandbox globals', () => {
  it.each(lessonFiles.map(({ file }) => file))('%s', (file) => {
    expect(formatDiagnostics(byLesson.get(file) ?? [])).toEqual([]);
  });
});

describe('the type-check itself', () => {
  it('rejects a wrong model type and a misspelled field, located in the markdown', () => {
    const found = byLesson.get(PROBES.broken.file) ?? [];
    const lineOf = (text: string) => PROBES.broken.source.split('\n').findIndex((line) => line.includes(text)) + 1;
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({
      location: `${PROBES.broken.file}:${lineOf('const wrongModel')}`,
      cell: '90-probe-broken/cell-1',
      message: expect.stringMatching(/number.*not assignable/),
    });
    expect(found[1]).toMatchObject({
      location: `${PROBES.broken.file}:${lineOf('const misspelled')}`,
      cell: '90-probe-broken/cell-2',
      message: expect.stringMatching(/max_token/),
    });
  });

  it('accepts notebook code: re-declarations, top-level await, sandbox globals, SDK calls', () => {
    expect(formatDiagnostics(byLesson.get(PROBES.valid.file) ?? [])).toEqual([]);
  });

  it('keeps sandbox-globals.d.ts valid and in step with the runner and emulator types', () => {
    for (const [, diagnostics] of extra) expect(diagnostics).toEqual([]);
  });
});
