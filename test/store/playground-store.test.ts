import { describe, expect, it } from 'vitest';
import { PlaygroundStore, type StorageProblem } from '../../src/store/playground-store';
import { MemoryStorage } from '../helpers/memory-storage';

const cell = { id: '01-first-request/cell-1', codeHash: 'aaaa1111' };

function setup() {
  const local = new MemoryStorage();
  const session = new MemoryStorage();
  let clock = 1_000;
  const store = new PlaygroundStore({ local, session, now: () => clock++ });
  const problems: StorageProblem[] = [];
  store.onProblem((problem) => problems.push(problem));
  return { local, session, store, problems };
}

describe('edits', () => {
  it('starts with the original code when nothing is saved', () => {
    const { store } = setup();
    expect(store.startState(cell)).toEqual({ kind: 'original' });
  });

  it('saves an edit and loads it back, in a new store over the same storage (a reload)', () => {
    const { local, store } = setup();
    store.saveEdit(cell.id, 'console.log(1)', cell.codeHash);
    const reloaded = new PlaygroundStore({ local });
    const state = reloaded.startState(cell);
    expect(state.kind).toBe('edited');
    expect(state.kind !== 'original' && state.edit.code).toBe('console.log(1)');
  });

  it('keeps edits of different cells apart', () => {
    const { store } = setup();
    store.saveEdit('l/a', 'A', 'h1');
    store.saveEdit('l/b', 'B', 'h2');
    expect(store.loadEdit('l/a')?.code).toBe('A');
    expect(store.loadEdit('l/b')?.code).toBe('B');
  });

  it('reports an edit made against other code as stale, keeping the edit', () => {
    const { store } = setup();
    store.saveEdit(cell.id, 'my version', 'old-hash');
    const state = store.startState(cell);
    expect(state.kind).toBe('stale');
    expect(state.kind === 'stale' && state.edit.code).toBe('my version');
  });

  it('"Keep mine" makes a stale edit current; discarding returns to the original', () => {
    const { store } = setup();
    store.saveEdit(cell.id, 'my version', 'old-hash');
    store.keepEdit(cell);
    expect(store.startState(cell).kind).toBe('edited');
    store.discardEdit(cell.id);
    expect(store.startState(cell)).toEqual({ kind: 'original' });
  });

  it('stashes the learner code while the solution is shown and restores it', () => {
    const { store } = setup();
    store.saveEdit(cell.id, 'mine', cell.codeHash);
    store.stashCode(cell, 'mine', 'solution code');
    expect(store.loadEdit(cell.id)?.code).toBe('solution code');
    store.saveEdit(cell.id, 'solution code edited', cell.codeHash);
    expect(store.loadEdit(cell.id)?.stashedCode).toBe('mine');
    expect(store.restoreStash(cell)).toBe('mine');
    expect(store.loadEdit(cell.id)).toMatchObject({ code: 'mine' });
    expect(store.loadEdit(cell.id)?.stashedCode).toBeUndefined();
  });

  it('reports a failed write instead of throwing', () => {
    const { local, store, problems } = setup();
    local.failWrites = true;
    expect(() => store.saveEdit(cell.id, 'x', cell.codeHash)).not.toThrow();
    expect(problems).toHaveLength(1);
    expect(problems[0]?.kind).toBe('write-failed');
  });

  it('works without any storage at all', () => {
    const store = new PlaygroundStore({ local: undefined });
    store.saveEdit(cell.id, 'x', cell.codeHash);
    expect(store.startState(cell)).toEqual({ kind: 'original' });
    expect(store.passedExercises('l').size).toBe(0);
  });
});

describe('corrupt or foreign data', () => {
  const key = `claude-playground/v1/edit/${cell.id}`;

  it('sets bad JSON aside under a backup key and reports it', () => {
    const { local, store, problems } = setup();
    local.setItem(key, '{not json');
    expect(store.startState(cell)).toEqual({ kind: 'original' });
    expect(local.getItem(key)).toBeNull();
    expect(local.getItem(`claude-playground/backup/${key}`)).toBe('{not json');
    expect(problems).toEqual([
      { kind: 'set-aside', key, backupKey: `claude-playground/backup/${key}`, reason: 'it is not valid JSON' },
    ]);
  });

  it('sets aside a record of the wrong shape', () => {
    const { local, store, problems } = setup();
    local.setItem(key, JSON.stringify({ version: 1, code: 42 }));
    expect(store.loadEdit(cell.id)).toBeUndefined();
    expect(local.getItem(`claude-playground/backup/${key}`)).toContain('"code":42');
    expect(problems[0]?.reason).toMatch(/code/);
  });

  it('sets aside a record of another version', () => {
    const { local, store, problems } = setup();
    local.setItem(key, JSON.stringify({ version: 7, code: 'x', codeHash: 'h', savedAt: 1 }));
    expect(store.loadEdit(cell.id)).toBeUndefined();
    expect(problems[0]?.reason).toBe('it has version 7');
  });

  it('audit sets aside keys of other versions and broken records, and leaves good and unrelated data alone', () => {
    const { local, store, problems } = setup();
    store.saveEdit(cell.id, 'good', cell.codeHash);
    local.setItem('claude-playground/v0/edits', '{"old":true}');
    local.setItem('claude-playground/v1/progress/01-first-request', '[]');
    local.setItem('someone-else', 'keep me');
    store.audit();
    expect(problems.map((problem) => problem.key).sort()).toEqual([
      'claude-playground/v0/edits',
      'claude-playground/v1/progress/01-first-request',
    ]);
    expect(local.getItem('claude-playground/backup/claude-playground/v0/edits')).toBe('{"old":true}');
    expect(store.loadEdit(cell.id)?.code).toBe('good');
    expect(local.getItem('someone-else')).toBe('keep me');
  });

  it('reads an unreadable theme preference as "no preference"', () => {
    const { local, store } = setup();
    local.setItem('claude-playground/v1/preferences', JSON.stringify({ version: 1, theme: 'purple' }));
    expect(store.theme()).toBeUndefined();
  });
});

describe('progress', () => {
  it('records passed exercises per lesson', () => {
    const { store } = setup();
    store.markPassed('02-streaming', '02-streaming/parse');
    store.markPassed('02-streaming', '02-streaming/parse');
    expect([...store.passedExercises('02-streaming')]).toEqual(['02-streaming/parse']);
    expect(store.passedExercises('01-first-request').size).toBe(0);
  });

  it('counts a lesson complete only when all of its exercises passed', () => {
    const { store } = setup();
    const exercises = ['l/one', 'l/two'];
    expect(store.isLessonComplete('l', exercises)).toBe(false);
    store.markPassed('l', 'l/one');
    expect(store.isLessonComplete('l', exercises)).toBe(false);
    store.markPassed('l', 'l/two');
    expect(store.isLessonComplete('l', exercises)).toBe(true);
    expect(store.isLessonComplete('l', [])).toBe(false);
  });

  it('uses the exercise list recorded when the lesson was opened', () => {
    const { local, store } = setup();
    store.markPassed('l', 'l/one');
    expect(store.isLessonComplete('l')).toBe(false);
    store.recordLessonExercises('l', ['l/one', 'l/two']);
    expect(new PlaygroundStore({ local }).isLessonComplete('l')).toBe(false);
    store.markPassed('l', 'l/two');
    expect(new PlaygroundStore({ local }).isLessonComplete('l')).toBe(true);
    store.recordLessonExercises('l', ['l/one', 'l/two', 'l/three']);
    expect(store.isLessonComplete('l')).toBe(false);
  });
});

describe('clearing', () => {
  it('clears one lesson without touching another', () => {
    const { store } = setup();
    store.saveEdit('one/cell-1', 'a', 'h');
    store.saveEdit('one/cell-2', 'b', 'h');
    store.markPassed('one', 'one/x');
    store.saveEdit('one-more/cell-1', 'c', 'h');
    store.markPassed('one-more', 'one-more/x');
    store.clearLesson('one');
    expect(store.loadEdit('one/cell-1')).toBeUndefined();
    expect(store.loadEdit('one/cell-2')).toBeUndefined();
    expect(store.passedExercises('one').size).toBe(0);
    expect(store.loadEdit('one-more/cell-1')?.code).toBe('c');
    expect(store.passedExercises('one-more').has('one-more/x')).toBe(true);
  });

  it('clears everything of ours, backups and the tab key included, and nothing else', () => {
    const { local, session, store } = setup();
    store.saveEdit('one/cell-1', 'a', 'h');
    store.setTheme('dark');
    local.setItem('claude-playground/backup/x', 'old');
    local.setItem('unrelated', 'stay');
    session.setItem('claude-playground/v1/tab-state', '{}');
    store.clearAll();
    expect(local.length).toBe(1);
    expect(local.getItem('unrelated')).toBe('stay');
    expect(session.length).toBe(0);
    expect(store.theme()).toBeUndefined();
  });
});

describe('preferences', () => {
  it('remembers the theme', () => {
    const { local, store } = setup();
    store.setTheme('dark');
    expect(new PlaygroundStore({ local }).theme()).toBe('dark');
    store.setTheme(undefined);
    expect(store.theme()).toBeUndefined();
  });
});
