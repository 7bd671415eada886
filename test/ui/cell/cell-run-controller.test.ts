import { afterEach, describe, expect, it } from 'vitest';
import type { CellSpec } from '../../../src/lessons/types';
import type { RunResult } from '../../../src/runner/protocol';
import { NotebookSession } from '../../../src/session/notebook-session';
import { CellRunController } from '../../../src/ui/cell/cell-run-controller';
import { InProcessKernel } from '../../lessons/lesson-notebook';
import { CountingHost } from '../counting-host';

let kernel: InProcessKernel | undefined;
afterEach(() => {
  kernel?.dispose();
  kernel = undefined;
});

const spec = (code: string, extra: Partial<CellSpec> = {}): CellSpec => ({ id: 'l/cell-1', code, codeHash: 'h', highlightedHtml: '', line: 1, emulatorOnly: false, ...extra });

/** A run controller over a real session and the Node harness's kernel, as `tp-cell` wires it. */
function controllerFor(cell: CellSpec, options: { live?: boolean; code?: string } = {}) {
  kernel = new InProcessKernel();
  const created = kernel;
  const session = new NotebookSession({ cells: [cell], createKernel: async () => created, isLive: () => options.live === true });
  const host = new CountingHost();
  const calls = { beforeRun: 0, passed: 0, finished: [] as RunResult[] };
  const controller = new CellRunController(
    host,
    {
      cell: () => cell,
      session: () => session,
      currentCode: () => options.code ?? cell.code,
      beforeRun: () => calls.beforeRun++,
      checksPassed: () => calls.passed++,
      runFinished: (result) => calls.finished.push(result),
      isLive: () => options.live === true,
    },
    () => {},
  );
  controller.attach(session);
  return { controller, session, host, calls };
}

describe('CellRunController', () => {
  it('runs the code in the editor and keeps its output, result and execution count', async () => {
    const { controller, host, calls } = controllerFor(spec('console.log("lesson code")'), { code: 'console.log("edited", 1 + 1)' });
    const running = controller.run(false);
    expect(controller.phase).toBe('queued');
    const result = await running;
    expect(result?.status).toBe('ok');
    expect(controller.phase).toBe('idle');
    expect(controller.executionCount).toBe(1);
    expect(controller.entries).toEqual([{ kind: 'console', level: 'log', args: [{ kind: 'string', value: 'edited' }, { kind: 'number', value: '2' }] }]);
    expect(calls.beforeRun).toBe(1);
    expect(calls.finished).toEqual([result]);
    expect(host.updates).toBeGreaterThan(0);
  });

  it('keeps the previous output until the next run reports something', async () => {
    const { controller } = controllerFor(spec('console.log("again")'));
    await controller.run(false);
    const running = controller.run(false);
    expect(controller.staleOutput).toBe(true);
    expect(controller.entries).toHaveLength(1); // still the first run's line, shown dimmed
    await running;
    expect(controller.staleOutput).toBe(false);
    expect(controller.entries).toHaveLength(1);
    expect(controller.executionCount).toBe(2);
  });

  it('marks an error the cell expects, and points a ReferenceError at the cell that declares the name', async () => {
    const cells = [spec('const declaredBelow = 1;', { id: 'l/cell-2' })];
    const expected = controllerFor(spec('throw new RangeError("meant")', { expectError: 'RangeError' }));
    await expected.controller.run(false);
    expect(expected.controller.entries).toMatchObject([{ kind: 'error', expected: true, error: { name: 'RangeError' } }]);
    expect(expected.controller.isExpectedError(expected.controller.result!.error!)).toBe(true);
    kernel?.dispose();

    kernel = new InProcessKernel();
    const created = kernel;
    const first = spec('declaredBelow;');
    const session = new NotebookSession({ cells: [first, ...cells], createKernel: async () => created });
    const controller = new CellRunController(
      new CountingHost(),
      { cell: () => first, session: () => session, currentCode: () => first.code, beforeRun: () => {}, checksPassed: () => {}, runFinished: () => {}, isLive: () => false },
      () => {},
    );
    await controller.run(false);
    await expect.poll(() => controller.entries[0]).toMatchObject({ kind: 'error', declaredIn: { name: 'declaredBelow', cellNumber: 2, above: false } });
  });

  it('runs the checks with Check and reports a pass once every check passes', async () => {
    const exercise = { title: 'Add', checks: "check('adds', () => expect(add(1, 2)).toBe(3));", solution: '', solutionLine: 1, hints: [] };
    const { controller, calls } = controllerFor(spec('function add(a: number, b: number) { return a + b; }', { exercise } as Partial<CellSpec>));
    await controller.run(true);
    expect(controller.lastRunWasCheck).toBe(true);
    expect(controller.checks).toEqual([{ name: 'adds', passed: true }]);
    expect(calls.passed).toBe(1);
    await controller.run(false);
    expect(controller.lastRunWasCheck).toBe(false);
  });

  it('skips an emulator-only cell in live mode with a note, without running it', async () => {
    const { controller, calls } = controllerFor(spec('await playground.emulator.reset();', { emulatorOnly: true }), { live: true });
    expect(await controller.run(false)).toBeUndefined();
    expect(calls.beforeRun).toBe(0);
    expect(controller.entries).toMatchObject([{ kind: 'notice', tone: 'info', text: expect.stringMatching(/^Skipped: .*emulator/) }]);
    expect(controller.executionCount).toBeUndefined();
  });

  it('says so when a stop dropped the run before its turn, and forgets the count on a restart', async () => {
    const { controller, session } = controllerFor(spec('1;'));
    await controller.run(false);
    expect(controller.executionCount).toBe(1);
    const dropped = controller.run(false);
    await session.stop();
    expect(await dropped).toBeUndefined();
    expect(controller.entries.at(-1)).toMatchObject({ kind: 'notice', text: expect.stringMatching(/^Not run/) });
  });
});
