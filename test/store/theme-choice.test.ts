import { describe, expect, it } from 'vitest';
import { PlaygroundStore, type StorageProblem } from '../../src/store/playground-store';
import { nextThemeChoice, themeFor } from '../../src/store/theme-choice';
import { MemoryStorage } from '../helpers/memory-storage';

const PREFERENCES_KEY = 'claude-playground/v1/preferences';

function setup() {
  const local = new MemoryStorage();
  const problems: StorageProblem[] = [];
  const store = new PlaygroundStore({ local });
  store.onProblem((problem) => problems.push(problem));
  return { local, store, problems };
}

describe('theme choice', () => {
  it('cycles System → Light → Dark → System', () => {
    expect(nextThemeChoice('system')).toBe('light');
    expect(nextThemeChoice('light')).toBe('dark');
    expect(nextThemeChoice('dark')).toBe('system');
  });

  it('follows the system only for "system"', () => {
    expect(themeFor('system', true)).toBe('dark');
    expect(themeFor('system', false)).toBe('light');
    expect(themeFor('light', true)).toBe('light');
    expect(themeFor('dark', false)).toBe('dark');
  });

  it('is "system" when nothing is stored', () => {
    expect(setup().store.themeChoice()).toBe('system');
  });

  it('remembers each choice, and stores "system" as no theme at all', () => {
    const { local, store } = setup();
    store.setThemeChoice('dark');
    expect(new PlaygroundStore({ local }).themeChoice()).toBe('dark');
    expect(JSON.parse(local.getItem(PREFERENCES_KEY)!)).toEqual({ version: 1, theme: 'dark' });
    store.setThemeChoice('light');
    expect(new PlaygroundStore({ local }).themeChoice()).toBe('light');
    store.setThemeChoice('system');
    expect(new PlaygroundStore({ local }).themeChoice()).toBe('system');
    // The pre-paint script in index.html reads `theme` and must find nothing to apply.
    expect(JSON.parse(local.getItem(PREFERENCES_KEY)!)).toEqual({ version: 1 });
  });

  it.each([
    ['an unknown theme', JSON.stringify({ version: 1, theme: 'purple' })],
    ['a theme of the wrong type', JSON.stringify({ version: 1, theme: 1 })],
    ['text that is not JSON', '{"theme": "dark"'],
    ['another version', JSON.stringify({ version: 7, theme: 'dark' })],
    ['a bare string', JSON.stringify('dark')],
  ])('falls back to "system" for %s, keeping the data aside', (_name, raw) => {
    const { local, store, problems } = setup();
    local.setItem(PREFERENCES_KEY, raw);
    expect(store.themeChoice()).toBe('system');
    expect(problems).toHaveLength(1);
    expect(local.getItem(`claude-playground/backup/${PREFERENCES_KEY}`)).toBe(raw);
    // A new choice is stored normally afterwards.
    store.setThemeChoice('dark');
    expect(store.themeChoice()).toBe('dark');
  });

  it('reports a choice it could not store and keeps reading the stored one', () => {
    const { local, store, problems } = setup();
    local.failWrites = true;
    store.setThemeChoice('dark');
    expect(problems.map((problem) => problem.kind)).toEqual(['write-failed']);
    expect(store.themeChoice()).toBe('system');
  });
});
