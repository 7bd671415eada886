import { describe, expect, it, vi } from 'vitest';
import { compileLesson } from '../../src/lessons/compile-lesson';
import { COURSE_MODELS } from '../../src/lessons/course-models';
import { LessonError } from '../../src/lessons/lesson-error';
import type { CellSpec, CompiledLesson } from '../../src/lessons/types';

// The first compile loads the highlighter's grammars, which takes seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const FILE = 'lessons/04-sample.md';
const FRONT = '---\ntitle: Sample\nsummary: A sample lesson.\norder: 4\n---\n';

const fence = (info: string, code: string) => '```' + info + '\n' + code + '\n```\n';
const exerciseBlock = (id = 'double') =>
  fence(`ts exercise id=${id} title="Double it"`, 'function double(n: number) { return n; }') +
  fence('ts check', "check('doubles', () => expect(double(2)).toBe(4));") +
  fence('md hint', 'Multiply by `2`.') +
  fence('ts solution', 'function double(n: number) { return n * 2; }');

function cells(lesson: CompiledLesson): CellSpec[] {
  return lesson.sections.flatMap((section) => (section.kind === 'cell' ? [section.cell] : []));
}

function html(lesson: CompiledLesson): string {
  return lesson.sections.map((section) => (section.kind === 'prose' ? section.html : '')).join('');
}

/** Compiles and returns the error's location and detail, failing the test if it compiles. */
function compileError(source: string, file = FILE): { file: string; line: number; detail: string } {
  try {
    compileLesson(source, file);
  } catch (error) {
    expect(error).toBeInstanceOf(LessonError);
    const { file: errorFile, line, detail, message } = error as LessonError;
    expect(message).toBe(`${errorFile}:${line}: ${detail}`);
    return { file: errorFile, line, detail };
  }
  throw new Error('expected a LessonError');
}

describe('front matter', () => {
  it('reads title, summary and order, and takes the slug from the file name', () => {
    const lesson = compileLesson(FRONT + 'Hello.\n', FILE);
    expect(lesson.meta).toEqual({ slug: '04-sample', title: 'Sample', summary: 'A sample lesson.', order: 4 });
  });

  it('rejects a file without front matter on line 1', () => {
    expect(compileError('# Just prose\n')).toMatchObject({ file: FILE, line: 1, detail: expect.stringMatching(/missing front matter/) });
  });

  it('rejects unclosed front matter', () => {
    expect(compileError('---\ntitle: x\n')).toMatchObject({ line: 1, detail: expect.stringMatching(/not closed/) });
  });

  it('rejects a missing title', () => {
    expect(compileError('---\nsummary: s\norder: 1\n---\n')).toMatchObject({ line: 1, detail: expect.stringMatching(/missing `title`/) });
  });

  it('rejects an order that is not a number, on the line of its value', () => {
    expect(compileError('---\ntitle: t\nsummary: s\norder: first\n---\n')).toMatchObject({
      line: 4,
      detail: expect.stringMatching(/`order` must be a whole number/),
    });
  });

  it('rejects an unknown key on its line', () => {
    expect(compileError('---\ntitle: t\nsummary: s\norder: 1\nauthor: me\n---\n')).toMatchObject({
      line: 5,
      detail: expect.stringMatching(/unknown front matter key `author`/),
    });
  });

  it('rejects an empty title and a non-string summary', () => {
    expect(compileError("---\ntitle: ''\nsummary: s\norder: 1\n---\n")).toMatchObject({ line: 2 });
    expect(compileError('---\ntitle: t\nsummary: [a, b]\norder: 1\n---\n')).toMatchObject({ line: 3, detail: expect.stringMatching(/summary/) });
  });

  it('reports invalid YAML with its line', () => {
    expect(compileError('---\ntitle: t\nsummary: "open\norder: 1\n---\n')).toMatchObject({ detail: expect.stringMatching(/not valid YAML/) });
  });

  it('rejects file names that are not NN-slug.md', () => {
    expect(compileError(FRONT, 'lessons/Sample Lesson.md')).toMatchObject({ line: 1, detail: expect.stringMatching(/NN-slug\.md/) });
  });
});

describe('fences', () => {
  it('rejects an unknown keyword in a ts fence, on the fence line', () => {
    const source = FRONT + '\nIntro.\n\n' + fence('ts exersice id=x', 'let a = 1;');
    expect(compileError(source)).toMatchObject({ line: 9, detail: expect.stringMatching(/unknown keyword `exersice`/) });
  });

  it('rejects an unknown attribute and a bad timeout', () => {
    expect(compileError(FRONT + fence('ts retries=2', 'let a = 1;'))).toMatchObject({ line: 6, detail: expect.stringMatching(/retries=/) });
    expect(compileError(FRONT + fence('ts timeout=soon', 'let a = 1;'))).toMatchObject({ line: 6, detail: expect.stringMatching(/timeout/) });
  });

  it('parses id, expect-error, timeout and a quoted title', () => {
    const source =
      FRONT +
      fence('ts id=no-key expect-error=authentication_error timeout=90000', 'await fetch("x");') +
      fence('ts exercise id=ex title="Say \\"hi\\" twice"', 'let hi = "";') +
      fence('ts check', "check('hi', () => expect(hi).toBe('hi hi'));") +
      fence('ts solution', "let hi = 'hi hi';");
    const [failing, exercise] = cells(compileLesson(source, FILE));
    expect(failing).toMatchObject({ id: '04-sample/no-key', expectError: 'authentication_error', timeoutMs: 90000, line: 6 });
    expect(exercise?.exercise?.title).toBe('Say "hi" twice');
  });

  it('marks emulator-only cells and exercises, and only those', () => {
    const source =
      FRONT +
      fence('ts id=plain', 'let a = 1;') +
      fence('ts id=faults emulator-only expect-error=overloaded_error', "await playground.emulator.inject({ kind: 'overloaded' });") +
      fence('ts exercise emulator-only id=ex title="Retry"', 'let tries = 0;') +
      fence('ts check', "check('tries', () => expect(tries).toBe(2));") +
      fence('ts solution', 'let tries = 2;');
    const compiled = cells(compileLesson(source, FILE));
    expect(compiled.map((cell) => [cell.id, cell.emulatorOnly])).toEqual([
      ['04-sample/plain', false],
      ['04-sample/faults', true],
      ['04-sample/ex', true],
    ]);
    expect(compiled[1]).toMatchObject({ expectError: 'overloaded_error' });
  });

  it('rejects emulator-only as an attribute and on check, solution and static fences', () => {
    expect(compileError(FRONT + fence('ts emulator-only=yes', 'let a = 1;'))).toMatchObject({ line: 6, detail: expect.stringMatching(/emulator-only=/) });
    expect(compileError(FRONT + fence('json emulator-only', '{}'))).toMatchObject({ line: 6, detail: expect.stringMatching(/static code/) });
    const checkFlagged = FRONT + fence('ts exercise id=ex title="T"', 'let a = 1;') + fence('ts check emulator-only', "check('a', () => {});");
    expect(compileError(checkFlagged)).toMatchObject({ line: 9, detail: expect.stringMatching(/unknown keyword `emulator-only`/) });
  });

  it('numbers cells without an id from 1 and keeps explicit ids', () => {
    const source = FRONT + fence('ts', 'let a = 1;') + fence('ts id=second', 'let b = 2;') + fence('ts', 'let c = 3;');
    expect(cells(compileLesson(source, FILE)).map((cell) => cell.id)).toEqual(['04-sample/cell-1', '04-sample/second', '04-sample/cell-3']);
  });

  it('gives the same ids and hashes when compiled twice, and ids survive edits to code', () => {
    const source = FRONT + fence('ts', 'let a = 1;') + exerciseBlock();
    const first = cells(compileLesson(source, FILE));
    const again = cells(compileLesson(source, FILE));
    expect(again.map((cell) => [cell.id, cell.codeHash])).toEqual(first.map((cell) => [cell.id, cell.codeHash]));
    const edited = cells(compileLesson(source.replace('let a = 1;', 'let a = 2;'), FILE));
    expect(edited.map((cell) => cell.id)).toEqual(first.map((cell) => cell.id));
  });

  it('changes codeHash when the code changes, and only then', () => {
    const [one] = cells(compileLesson(FRONT + fence('ts', 'let a = 1;'), FILE));
    const [two] = cells(compileLesson(FRONT + fence('ts', 'let a = 2;'), FILE));
    const [moved] = cells(compileLesson(FRONT + '\nSome prose first.\n\n' + fence('ts', 'let a = 1;'), FILE));
    expect(one!.codeHash).toMatch(/^[0-9a-f]{8,}$/);
    expect(two!.codeHash).not.toBe(one!.codeHash);
    expect(moved!.codeHash).toBe(one!.codeHash);
  });

  it('rejects duplicate cell ids at the second one', () => {
    const source = FRONT + fence('ts id=same', 'let a = 1;') + '\n' + fence('ts id=same', 'let b = 1;');
    expect(compileError(source)).toMatchObject({ line: 10, detail: expect.stringMatching(/duplicate cell id `04-sample\/same` \(first used on line 6\)/) });
  });

  it('keeps static fences as highlighted prose, not runnable cells', () => {
    const source = FRONT + fence('json', '{"a": 1}') + fence('bash', 'curl https://api.anthropic.com/v1/models') + fence('http', 'GET /v1/models HTTP/1.1') + fence('text', 'plain');
    const lesson = compileLesson(source, FILE);
    expect(cells(lesson)).toHaveLength(0);
    const prose = html(lesson);
    expect(prose.match(/<pre class="tp-code"/g)).toHaveLength(4);
    expect(prose).toContain('data-lang="json"');
    expect(prose).toContain('data-lang="bash"');
    expect(prose).toContain('--shiki-dark:');
  });

  it('rejects keywords on static fences and cells nested in lists', () => {
    expect(compileError(FRONT + fence('json check', '{}'))).toMatchObject({ line: 6 });
    expect(compileError(FRONT + '- item\n\n  ```ts\n  let a = 1;\n  ```\n')).toMatchObject({ line: 8, detail: expect.stringMatching(/top level/) });
  });
});

describe('exercises', () => {
  it('attaches check, hints and solution to the exercise before them, with prose in between', () => {
    const source = FRONT + exerciseBlock().replace('```ts check', 'Now check it.\n\n```ts check');
    const [exercise] = cells(compileLesson(source, FILE));
    expect(exercise).toMatchObject({
      id: '04-sample/double',
      code: 'function double(n: number) { return n; }',
      exercise: {
        title: 'Double it',
        checks: "check('doubles', () => expect(double(2)).toBe(4));",
        hints: ['<p>Multiply by <code>2</code>.</p>\n'],
        solution: 'function double(n: number) { return n * 2; }',
      },
    });
  });

  it('does not show check, hint or solution fences as prose or cells', () => {
    const lesson = compileLesson(FRONT + exerciseBlock(), FILE);
    expect(cells(lesson)).toHaveLength(1);
    expect(html(lesson)).not.toContain('Multiply');
  });

  it('rejects an exercise without a check, at the exercise line', () => {
    const source = FRONT + fence('ts exercise id=e title="E"', 'let a = 0;') + fence('ts solution', 'let a = 1;');
    expect(compileError(source)).toMatchObject({ line: 6, detail: expect.stringMatching(/no ```ts check/) });
  });

  it('rejects an exercise without a solution', () => {
    const source = FRONT + fence('ts exercise id=e title="E"', 'let a = 0;') + fence('ts check', "check('a', () => {});") + fence('ts', 'let later = 1;');
    expect(compileError(source)).toMatchObject({ line: 6, detail: expect.stringMatching(/no ```ts solution/) });
  });

  it('rejects a hint, check or solution without a preceding exercise', () => {
    expect(compileError(FRONT + fence('md hint', 'A hint.'))).toMatchObject({ line: 6, detail: expect.stringMatching(/must follow a ```ts exercise/) });
    expect(compileError(FRONT + fence('ts check', 'check("a", () => {});'))).toMatchObject({ line: 6 });
    // A plain cell between the exercise and its solution ends the exercise.
    const source = exerciseBlock().replace('```ts solution', '```ts\nlet between = 1;\n```\n```ts solution');
    expect(compileError(FRONT + source)).toMatchObject({ detail: expect.stringMatching(/no ```ts solution|must follow/) });
  });

  it('rejects a second check for the same exercise', () => {
    const source = FRONT + exerciseBlock() + fence('ts check', "check('again', () => {});");
    expect(compileError(source)).toMatchObject({ line: 18, detail: expect.stringMatching(/already has a ```ts check fence \(line 9\)/) });
  });

  it('requires an exercise title', () => {
    expect(compileError(FRONT + fence('ts exercise id=e', 'let a = 0;'))).toMatchObject({ line: 6, detail: expect.stringMatching(/title/) });
  });
});

describe('model placeholders', () => {
  it('substitutes {{model:role}} in prose and code', () => {
    const source = FRONT + 'Use `{{model:fast}}` here.\n\n' + fence('ts', "const model = '{{model:default}}';");
    const lesson = compileLesson(source, FILE);
    expect(html(lesson)).toContain(`<code>${COURSE_MODELS.fast}</code>`);
    expect(cells(lesson)[0]!.code).toBe(`const model = '${COURSE_MODELS.default}';`);
    expect(cells(lesson)[0]!.highlightedHtml).toContain(COURSE_MODELS.default);
  });

  it('rejects an unknown role on its line', () => {
    const source = FRONT + '\n\n' + fence('ts', "const a = 1;\nconst model = '{{model:biggest}}';");
    expect(compileError(source)).toMatchObject({ line: 10, detail: expect.stringMatching(/unknown model role `\{\{model:biggest\}\}`/) });
  });
});

describe('sanitization', () => {
  const hostile = [
    '# Title <script>alert(1)</script>',
    '',
    'Text <img src=x onerror="alert(1)"> and <b>bold?</b>',
    '',
    '[click](javascript:alert(1)) [also](JavaScript:alert(2)) [data](data:text/html,hi) [ok](https://example.com) [local](#title)',
    '',
    '![img](javascript:alert(3))',
    '',
  ].join('\n');

  it('escapes raw HTML and drops unsafe links', () => {
    const source = FRONT + hostile + fence('json', '{"x": "</code><script>alert(4)</script>"}');
    const out = html(compileLesson(source, FILE));
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/<img/i);
    expect(out).not.toMatch(/<b>/);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(out).not.toMatch(/href="javascript:/i);
    expect(out).not.toMatch(/href="data:/i);
    expect(out).toContain('[click](javascript:alert(1))');
    expect(out).toContain('<a href="https://example.com" target="_blank" rel="noopener noreferrer">ok</a>');
    expect(out).toContain('<a href="#title">local</a>');
  });

  it('escapes HTML inside cells and hints', () => {
    const source =
      FRONT +
      fence('ts exercise id=x title="<b>T</b>"', "const s = '<script>alert(1)</script>';") +
      fence('ts check', "check('c', () => {});") +
      fence('md hint', 'Try <img src=x onerror=alert(1)> [x](javascript:alert(1))') +
      fence('ts solution', 'const s = 1;');
    const [cell] = cells(compileLesson(source, FILE));
    expect(cell!.highlightedHtml).not.toContain('<script');
    expect(cell!.exercise!.hints[0]).not.toContain('<img');
    expect(cell!.exercise!.hints[0]).not.toContain('href=');
  });

  it('gives headings unique anchor ids', () => {
    const out = html(compileLesson(FRONT + '## Send it\n\ntext\n\n## Send it\n\n### `content[0].text`\n', FILE));
    expect(out).toContain('<h2 id="send-it">');
    expect(out).toContain('<h2 id="send-it-2">');
    expect(out).toContain('<h3 id="content0text">');
  });

  it('lists the prose headings as the lesson outline, not headings inside hints', () => {
    const source =
      FRONT +
      '## Send it\n\ntext\n\n### `content[0].text`\n\n' +
      fence('ts exercise id=e title="E"', 'let a = 0;') +
      fence('ts check', "check('c', () => {});") +
      fence('md hint', '## Not a section') +
      fence('ts solution', 'let a = 1;') +
      '\n## Send it\n';
    expect(compileLesson(source, FILE).outline).toEqual([
      { id: 'send-it', text: 'Send it', level: 2 },
      { id: 'content0text', text: 'content[0].text', level: 3 },
      { id: 'send-it-2', text: 'Send it', level: 2 },
    ]);
  });
});

describe('`ts file=` fences show a course module', () => {
  const files: Record<string, string> = { 'lib/helper.ts': 'export function helper(): number {\n  return 42;\n}' };
  const reader = (relative: string) => {
    const text = files[relative];
    if (text === undefined) throw new Error('ENOENT: no such file');
    return text;
  };

  it('renders the file as static, highlighted code (not a cell)', () => {
    const lesson = compileLesson(FRONT + 'Before.\n\n' + fence('ts file=lib/helper.ts', '') + '\nAfter.\n', FILE, reader);
    expect(cells(lesson)).toEqual([]);
    expect(html(lesson)).toContain('helper');
    expect(html(lesson)).toContain('42');
  });

  it('reads the real lessons/lib/tool-loop.ts by default', () => {
    expect(html(compileLesson(FRONT + fence('ts file=lib/tool-loop.ts', ''), FILE))).toContain('runToolLoop');
  });

  it('rejects a body, a path outside lessons/, an unreadable file and other keywords, on the fence line', () => {
    const at = (info: string, body = '') => {
      try {
        compileLesson(FRONT + '\n' + fence(info, body), FILE, reader);
      } catch (error) {
        expect(error).toBeInstanceOf(LessonError);
        return { line: (error as LessonError).line, detail: (error as LessonError).detail };
      }
      throw new Error('expected a LessonError');
    };
    expect(at('ts file=lib/helper.ts', 'const copy = 1;')).toEqual({ line: 7, detail: expect.stringMatching(/leave its body empty/) });
    expect(at('ts file=../src/main.ts')).toMatchObject({ line: 7, detail: expect.stringMatching(/inside lessons\//) });
    expect(at('ts file=/etc/passwd.ts')).toMatchObject({ detail: expect.stringMatching(/inside lessons\//) });
    expect(at('ts file=lib/missing.ts')).toMatchObject({ line: 7, detail: expect.stringMatching(/cannot read lessons\/lib\/missing.ts: ENOENT/) });
    expect(at('ts file=lib/helper.ts id=x')).toMatchObject({ detail: expect.stringMatching(/unknown attribute `id=`/) });
  });
});
