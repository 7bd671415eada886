import { describe, expect, it } from 'vitest';
import { topLevelDeclarations } from '../../src/runner/declarations';

describe('topLevelDeclarations', () => {
  it('lists variables (incl. destructuring), functions, classes, imports and enums', () => {
    const code = [
      "import Anthropic, { APIError as ApiErr } from '@anthropic-ai/sdk';",
      "import * as sdk from '@anthropic-ai/sdk';",
      "import type { MessageParam } from '@anthropic-ai/sdk';",
      'const client = new Anthropic({ dangerouslyAllowBrowser: true });',
      'let { a, b: { c }, ...rest } = obj, [d, , e = 1] = arr;',
      'var legacy;',
      'function helper(x: number) { const inner = x; return inner; }',
      'async function* gen() {}',
      'class Box<T> {}',
      'enum Color { Red }',
      'export const exported = 1;',
      'interface Shape { w: number }',
      'type Alias = string;',
      'for (const loopVar of []) {}',
      '{ const blockScoped = 1; }',
    ].join('\n');
    expect(topLevelDeclarations(code).sort()).toEqual(
      ['Anthropic', 'ApiErr', 'sdk', 'client', 'a', 'c', 'rest', 'd', 'e', 'legacy', 'helper', 'gen', 'Box', 'Color', 'exported'].sort(),
    );
  });

  it('returns nothing for a cell that does not parse', () => {
    expect(topLevelDeclarations('const = ;')).toEqual([]);
  });

  it('handles top-level await', () => {
    expect(topLevelDeclarations('const reply = await fetch("https://api.anthropic.com/v1/messages");')).toEqual(['reply']);
  });
});
