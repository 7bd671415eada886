import { describe, expect, it } from 'vitest';
import { checkCourseRules, type RuleViolation } from './course-rules';
import { readLessonFiles } from './course-files';

/**
 * The course never reads `content[0]` of a reply from a model that thinks, and never forces
 * `tool_choice` on a model that rejects it (see course-rules.ts for how cells are followed back to
 * their model). First the checker itself, on small lessons written here, so it is shown to catch each
 * pattern and to let the right code through; then every lesson in lessons/.
 */

const FRONT = '---\ntitle: Sample\nsummary: A sample.\norder: 99\n---\n';
const lesson = (...cells: string[]) => FRONT + cells.map((code) => '```ts\n' + code + '\n```\n').join('\n');
const check = (...cells: string[]) => checkCourseRules(lesson(...cells), 'lessons/99-sample.md');
const rules = (violations: RuleViolation[]) => violations.map((violation) => violation.rule);

describe('the course-rules checker', () => {
  it('catches content[0] of a fetch reply from the default model, across cells, and names the model role', () => {
    const violations = check(
      "const model = '{{model:default}}';",
      "const response = await fetch('https://api.anthropic.com/v1/messages', { method: 'POST', body: JSON.stringify({ model, max_tokens: 64, messages: [] }) });\nconst reply = await response.json();",
      'const first = reply.content[0];\nconsole.log(first.text);',
    );
    expect(violations).toEqual([
      { rule: 'content-by-position', location: 'lessons/99-sample.md:16', cell: '99-sample/cell-3', message: expect.stringContaining('claude-sonnet-5-5 ({{model:default}}), which thinks') },
    ]);
  });

  it('catches .at(0), array destructuring and an SDK stream’s finalMessage(), on the fast and best models too', () => {
    expect(rules(check(
      "const client = {} as any;\nconst a = await client.messages.create({ model: '{{model:fast}}', max_tokens: 9, messages: [] });\nconsole.log(a.content.at(0));",
      "const stream = client.messages.stream({ model: '{{model:best}}', max_tokens: 9, messages: [] });\nconst final = await stream.finalMessage();\nconst [block] = final.content;",
    ))).toEqual(['content-by-position', 'content-by-position']);
  });

  it('catches a reply whose model it cannot follow (a function parameter), and one with thinking switched on', () => {
    expect(rules(check('function show(message: { content: { type: string }[] }) { return message.content[0]; }'))).toEqual(['content-by-position']);
    expect(rules(check(
      "const old = await createMessage({ model: '{{model:manualThinking}}', max_tokens: 2000, thinking: { type: 'enabled', budget_tokens: 1024 }, messages: [] });\nold.content[0];",
    ))).toEqual(['content-by-position']);
  });

  it('allows content[0] from a model that does not think by default, and reading by type anywhere', () => {
    expect(check(
      "const reply = await createMessage({ model: '{{model:budgetOnlyThinking}}', max_tokens: 100, messages: [] });\nconsole.log(reply.content[0]);",
      "const other = await createMessage({ model: '{{model:default}}', max_tokens: 100, messages: [] });\nconsole.log(other.content.find((block) => block.type === 'text'));",
    )).toEqual([]);
  });

  it('does not accept thinking "disabled" as a way out on a model where disabling is a 400', () => {
    expect(rules(check("const r = await createMessage({ model: '{{model:default}}', thinking: { type: 'disabled' }, max_tokens: 9, messages: [] });\nr.content[0];"))).toEqual(['content-by-position']);
    expect(check("const r = await createMessage({ model: '{{model:fast}}', thinking: { type: 'disabled' }, max_tokens: 9, messages: [] });\nr.content[0];")).toEqual([]);
  });

  it('catches forced tool_choice on the default and best models: literal, through a constant, in a loop over choices, and passed into a request builder', () => {
    expect(rules(check(
      "const MODEL = '{{model:default}}';\nawait client.messages.create({ model: MODEL, max_tokens: 9, tools: [], tool_choice: { type: 'any' }, messages: [] });",
      "const choices = [{ type: 'auto' }, { type: 'tool', name: 'x' }];\nfor (const tool_choice of choices) await client.messages.create({ model: '{{model:best}}', max_tokens: 9, tool_choice, messages: [] });",
      "const build = (extra: object) => ({ model: MODEL, max_tokens: 9, messages: [], ...extra });\nawait client.messages.create(build({ tool_choice: { type: 'tool', name: 'x' } }));",
    ))).toEqual(['forced-tool-choice', 'forced-tool-choice', 'forced-tool-choice']);
  });

  it('allows a cell that expects the 400 to show the refusal', () => {
    const source = FRONT + '```ts id=refused expect-error=invalid_request_error\n' +
      "await client.messages.create({ model: '{{model:default}}', max_tokens: 9, tool_choice: { type: 'any' }, messages: [] });\n```\n";
    expect(checkCourseRules(source, 'lessons/99-sample.md')).toEqual([]);
    expect(rules(checkCourseRules(source.replace(' expect-error=invalid_request_error', ''), 'lessons/99-sample.md'))).toEqual(['forced-tool-choice']);
  });

  it('allows forced tool_choice on Haiku 5.5 and auto/none on every model', () => {
    expect(check(
      "await client.messages.create({ model: '{{model:fast}}', max_tokens: 9, tool_choice: { type: 'tool', name: 'x' }, messages: [] });",
      "await client.messages.create({ model: '{{model:default}}', max_tokens: 9, tool_choice: { type: 'auto', disable_parallel_tool_use: true }, messages: [] });",
      "await client.messages.create({ model: '{{model:default}}', max_tokens: 9, tool_choice: { type: 'none' }, messages: [] });",
    )).toEqual([]);
  });

  it('looks inside exercises: starter, solution and checks', () => {
    const source = FRONT + [
      '```ts exercise id=x title="X"', "const r = await createMessage({ model: '{{model:default}}', max_tokens: 9, messages: [] });\nr.content[0];", '```',
      '```ts check', "check('x', () => {});", '```',
      '```ts solution', "const r = await createMessage({ model: '{{model:default}}', max_tokens: 9, messages: [] });\nr.content.find((b) => b.type === 'text');", '```',
    ].join('\n') + '\n';
    expect(checkCourseRules(source, 'lessons/99-sample.md').map((violation) => violation.cell)).toEqual(['99-sample/x (starter)']);
  });
});

/**
 * Places where a lesson breaks a rule on purpose, each as `file cell rule` with the reason. Only a starter
 * the learner is asked to repair belongs here (its checks fail until the content is read by type). The test
 * fails when an entry no longer matches anything, so the list cannot go stale.
 */
const DELIBERATE = new Map<string, string>([
  [
    'lessons/09-putting-it-together.md 09-putting-it-together/fix-request (starter) content-by-position',
    'the exercise hands the learner a request with "three mistakes from the list above" to repair, reading content[0] among them',
  ],
]);
const ruleKey = (file: string, violation: RuleViolation) => `${file} ${violation.cell} ${violation.rule}`;

describe.each(readLessonFiles())('$file', ({ file, source }) => {
  it('reads content by type and forces tool_choice only where the model accepts it', () => {
    const found = checkCourseRules(source, file);
    const unexpected = found.filter((violation) => !DELIBERATE.has(ruleKey(file, violation)));
    expect(unexpected.map((violation) => `${violation.location} [${violation.cell}] ${violation.rule}: ${violation.message}`)).toEqual([]);
    const stillThere = new Set(found.map((violation) => ruleKey(file, violation)));
    const fixed = [...DELIBERATE.keys()].filter((entry) => entry.startsWith(`${file} `) && !stillThere.has(entry));
    expect(fixed, 'no longer in the lesson: remove these from DELIBERATE').toEqual([]);
  });
});
