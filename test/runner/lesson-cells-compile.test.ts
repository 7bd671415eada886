import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { compileCell } from '../../src/runner/notebook-compile';

const lessonsDir = path.resolve('lessons');
const files = readdirSync(lessonsDir).filter((name) => name.endsWith('.md'));

/** Every ```ts fence of a lesson, with its info string. */
function tsFences(markdown: string): { info: string; code: string }[] {
  return [...markdown.matchAll(/^```ts([^\n]*)\n([\s\S]*?)^```/gm)].map((match) => ({ info: match[1] ?? '', code: match[2] ?? '' }));
}

describe('every lesson cell goes through the notebook rewrite into a valid script', () => {
  it('finds lesson cells to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(file, () => {
      const fences = tsFences(readFileSync(path.join(lessonsDir, file), 'utf8'));
      for (const [index, fence] of fences.entries()) {
        if (/expect-error=SyntaxError/i.test(fence.info)) continue; // meant not to compile
        const params = /\bcheck\b/.test(fence.info) ? ['check', 'expect', 'exchanges'] : [];
        const where = `${file} ts fence #${index + 1} (${fence.info.trim() || 'no attributes'})`;
        let script: string;
        try {
          script = compileCell(fence.code, { sourceUrl: 'lesson-cell.ts', params }).script;
        } catch (error) {
          throw new Error(`${where}: ${(error as Error).message}`);
        }
        expect(() => new vm.Script(script), where).not.toThrow();
      }
    });
  }
});
