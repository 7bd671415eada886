import { afterEach, describe, expect, it } from 'vitest';
import type { CellSpec } from '../../src/lessons/types';
import type { RunEvent, RunResult } from '../../src/runner/protocol';
import { isEmulatorOnly, NotebookSession, type CellHandle, type SessionEvent } from '../../src/session/notebook-session';
import { InProcessKernel } from '../lessons/lesson-notebook';

/** The session over the Node harness's kernel: the same cell kernel as the sandbox worker, in this process. */
let kernel: InProcessKernel | undefined;
afterEach(() => {
  kernel?.dispose();
  kernel = undefined;
});

const cell = (id: string, code: string, extra: Partial<CellSpec> = {}): CellSpec => ({
  id,
  code,
  codeHash: id,
  highlightedHtml: '',
  line: 1,
  emulatorOnly: false,
  ...extra,
});

function sessionOver(cells: CellSpec[], options: { live?: boolean } = {}) {
  kernel = new InProcessKernel();
  const created = kernel;
  let kernelsCreated = 0;
  const session = new NotebookSession({
    cells,
    createKernel: async () => (kernelsCreated++, created),
    isLive: () => options.live === true,
  });
  const events: SessionEvent[] = [];
  session.on((event) => events.push(event));
  return { session, events, kernelsCreated: () => kernelsCreated };
}

/** A cell handle that runs the cell's own code through the session, as `tp-cell` does. */
function handleFor(session: NotebookSession, spec: CellSpec, ran: string[]): CellHandle {
  return {
    cellId: spec.id,
    run: async () => {
      ran.push(spec.id);
      if (isEmulatorOnly(spec)) return undefined; // the cell shows its "skipped" note instead
      return session.run({ cellId: spec.id, code: spec.code }, () => {});
    },
    focusEditor: () => {},
    currentCode: () => spec.code,
  };
}

const logs = (events: RunEvent[]) => events.flatMap((event) => (event.type === 'console' ? [event.args.map((arg) => ('value' in arg ? arg.value : '')).join(' ')] : []));

describe('NotebookSession', () => {
  it('runs queued cells one at a time, in order, sharing one scope; creates the kernel once', async () => {
    const { session, kernelsCreated } = sessionOver([]);
    const first: RunEvent[] = [];
    const second: RunEvent[] = [];
    const starts: string[] = [];
    const a = session.run({ cellId: 'a', code: 'await new Promise((r) => setTimeout(r, 20));\nconst shared = 41;\nconsole.log("a done");' }, (e) => first.push(e), () => starts.push('a'));
    const b = session.run({ cellId: 'b', code: 'console.log("b sees", shared + 1);' }, (e) => second.push(e), () => starts.push('b'));
    expect(session.runningCellId).toBeUndefined(); // nothing started synchronously
    const [resultA, resultB] = await Promise.all([a, b]);
    expect(starts).toEqual(['a', 'b']);
    expect([resultA?.status, resultB?.status]).toEqual(['ok', 'ok']);
    expect([resultA?.executionCount, resultB?.executionCount]).toEqual([1, 2]);
    expect(logs(first)).toEqual(['a done']);
    expect(logs(second)).toEqual(['b sees 42']);
    expect(kernelsCreated()).toBe(1);
    expect(session.runningCellId).toBeUndefined();
  });

  it('reports which cell is running while it runs', async () => {
    const { session, events } = sessionOver([]);
    let runningDuring: string | undefined;
    await session.run({ cellId: 'x', code: 'console.log(1);' }, () => (runningDuring = session.runningCellId));
    expect(runningDuring).toBe('x');
    expect(events).toEqual([
      { type: 'busy-changed', runningCellId: 'x' },
      { type: 'busy-changed', runningCellId: undefined },
    ]);
  });

  it('stop drops the runs queued behind the running one', async () => {
    // (A run that has not started when Stop is pressed is dropped too: the "not run" case of the cells.)
    const { session } = sessionOver([]);
    let started!: () => void;
    const hasStarted = new Promise<void>((resolve) => (started = resolve));
    const running = session.run({ cellId: 'slow', code: 'await new Promise((r) => setTimeout(r, 30));' }, () => {}, started);
    const queued = session.run({ cellId: 'queued', code: 'console.log("never");' }, () => {});
    await hasStarted;
    await session.stop();
    expect(await queued).toBeUndefined();
    // The harness's kernel cannot end a run from outside (the page's terminates its worker): it finishes.
    expect((await running)?.status).toBe('ok');
    // Runs asked for after the stop run again.
    expect((await session.run({ cellId: 'after', code: '1;' }, () => {}))?.status).toBe('ok');
  });

  it('restart announces that the scope is gone and drops queued runs', async () => {
    const { session, events } = sessionOver([]);
    await session.run({ cellId: 'a', code: '1;' }, () => {});
    const queued = session.run({ cellId: 'b', code: '2;' }, () => {});
    // The harness cannot reset the process's global scope, so its kernel refuses; the session still drops the queue.
    await expect(session.restart()).rejects.toThrow(/cannot reset/);
    expect(await queued).toBeUndefined();
    expect(events.some((event) => event.type === 'restarted')).toBe(false);
  });

  it('tries to create the kernel again after a failure', async () => {
    let attempts = 0;
    kernel = new InProcessKernel();
    const created = kernel;
    const session = new NotebookSession({
      cells: [],
      createKernel: async () => {
        attempts++;
        if (attempts === 1) throw new Error('offline');
        return created;
      },
    });
    await expect(session.run({ cellId: 'a', code: '1;' }, () => {})).rejects.toThrow('offline');
    const result = await session.run({ cellId: 'a', code: 'console.log("online");' }, () => {});
    expect(result?.status).toBe('ok');
    expect(attempts).toBe(2);
  });

  it('runs all cells in order and stops at the first unexpected failure', async () => {
    const cells = [
      cell('l/1', 'const one = 1;'),
      cell('l/2', 'throw new TypeError("meant to fail");', { expectError: 'TypeError' }),
      cell('l/3', 'missingName;'),
      cell('l/4', 'console.log("not reached");'),
    ];
    const { session } = sessionOver(cells);
    const ran: string[] = [];
    for (const spec of cells) session.register(handleFor(session, spec, ran));
    await session.runAll();
    expect(ran).toEqual(['l/1', 'l/2', 'l/3']);
    ran.length = 0;
    await session.runAll('l/3');
    expect(ran).toEqual(['l/1', 'l/2']);
  });

  it('passes over emulator-only cells in live mode (each says why) and runs them with the emulator', async () => {
    const cells = [cell('l/1', 'const one = 1;'), cell('l/2', 'await playground.emulator.reset();', { emulatorOnly: true }), cell('l/3', 'one;')];
    const live = sessionOver(cells, { live: true });
    const ran: string[] = [];
    for (const spec of cells) live.session.register(handleFor(live.session, spec, ran));
    await live.session.runAll();
    expect(ran).toEqual(['l/1', 'l/2', 'l/3']);
    kernel?.dispose();

    const emulator = sessionOver(cells, { live: false });
    const ranWithEmulator: string[] = [];
    for (const spec of cells) emulator.session.register(handleFor(emulator.session, spec, ranWithEmulator));
    await emulator.session.runAll();
    // In emulator mode a cell that did not run stops Run all, as any cell would.
    expect(ranWithEmulator).toEqual(['l/1', 'l/2']);
  });

  it('finds the cell that declares a name, nearest above first, then below', async () => {
    const cells = [cell('l/1', 'const client = 1;'), cell('l/2', 'client;'), cell('l/3', 'let later = 2;'), cell('l/4', 'const client = 3;')];
    const { session } = sessionOver(cells);
    expect(await session.declaringCell('client', 'l/2')).toBe(1);
    expect(await session.declaringCell('later', 'l/2')).toBe(3);
    expect(await session.declaringCell('nowhere', 'l/2')).toBeUndefined();
    expect(session.cellNumber('l/3')).toBe(3);
  });

  it('moves focus to the next registered cell', () => {
    const cells = [cell('l/1', '1;'), cell('l/2', '2;')];
    const { session } = sessionOver(cells);
    const focused: string[] = [];
    for (const spec of cells) session.register({ cellId: spec.id, run: async () => undefined, focusEditor: () => focused.push(spec.id), currentCode: () => spec.code });
    session.focusCellAfter('l/1');
    session.focusCellAfter('l/2');
    expect(focused).toEqual(['l/2']);
  });

  it('runs nothing once disposed', async () => {
    const { session } = sessionOver([]);
    session.dispose();
    const result: RunResult | undefined = await session.run({ cellId: 'a', code: '1;' }, () => {});
    expect(result).toBeUndefined();
  });
});
