import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEPRECATED_MODELS } from '../../node_modules/@anthropic-ai/sdk/src/internal/data/deprecated-models';
import { COURSE_MODELS } from '../../src/lessons/course-models';
import { PROJECT_ROOT, readLessonFiles } from './course-files';

const MESSAGES_SOURCE = readFileSync(path.join(PROJECT_ROOT, 'node_modules/@anthropic-ai/sdk/src/resources/messages/messages.ts'), 'utf8');

/** The string literals of the SDK's `export type Model = 'a' | 'b' | … | (string & {});`. */
function sdkModelIds(): string[] {
  const union = /export type Model =([^;]*);/.exec(MESSAGES_SOURCE)?.[1] ?? '';
  return [...union.matchAll(/'([^']+)'/g)].map((match) => match[1]!);
}

/** The keys of the `DEPRECATED_MODELS` table that `messages.create` warns with (it can differ from the data file). */
function messagesDeprecationTable(): string[] {
  const table = /const DEPRECATED_MODELS:[^=]*=\s*\{([^}]*)\}/.exec(MESSAGES_SOURCE)?.[1] ?? '';
  return [...table.matchAll(/'([^']+)'\s*:/g)].map((match) => match[1]!);
}

describe('COURSE_MODELS', () => {
  const modelIds = sdkModelIds();
  const deprecated = new Set([...Object.keys(DEPRECATED_MODELS), ...messagesDeprecationTable()]);

  it('reads the SDK model list and deprecation tables', () => {
    // Guards the parsing above: if the SDK file changes shape, this fails instead of passing vacuously.
    expect(modelIds.length).toBeGreaterThan(5);
    expect(modelIds).toContain('claude-sonnet-4-5');
    expect(deprecated.has('claude-sonnet-4-5')).toBe(true);
  });

  it.each(Object.entries(COURSE_MODELS))('%s = %s is a current SDK model', (_role, id) => {
    expect(modelIds, `${id} is not in the SDK's Model union`).toContain(id);
    expect(deprecated.has(id), `${id} is deprecated in the SDK (${DEPRECATED_MODELS[id] ?? 'messages.ts'})`).toBe(false);
  });
});

describe('lessons', () => {
  // A dated, dashed model id such as claude-sonnet-4-5 or claude-opus-4@20250514.
  const LITERAL_MODEL_ID = /\bclaude-(?:[a-z]+-[a-z0-9]*\d[a-z0-9@.-]*|mythos-preview)/gi;

  it.each(readLessonFiles())('$file names models only through {{model:…}}', ({ file, source }) => {
    const found = source.split('\n').flatMap((line, index) =>
      [...line.matchAll(LITERAL_MODEL_ID)].map((match) => `${file}:${index + 1}: ${match[0]}`),
    );
    expect(found, 'write {{model:<role>}} (see src/lessons/course-models.ts) instead of a literal model id').toEqual([]);
  });
});
