import { describe, expect, it } from 'vitest';
import { createKeyStore } from '../../src/live/key-store';
import { PLACEHOLDER_API_KEY } from '../../src/anthropic-api';
import { MemoryStorage } from '../helpers/memory-storage';

const KEY = 'sk-ant-api03-0123456789abcdefghij-KEY1';

describe('key store', () => {
  it('keeps the key in memory by default (no storage written)', () => {
    const session = new MemoryStorage();
    const local = new MemoryStorage();
    const store = createKeyStore({ session, local });
    store.set(`  ${KEY}\n`);
    expect(store.get()).toBe(KEY);
    expect(store.persistence).toBe('memory');
    expect([...session.values(), ...local.values()]).toEqual([]);
  });

  it('uses sessionStorage or localStorage only when asked, and finds the key again on load', () => {
    const session = new MemoryStorage();
    const local = new MemoryStorage();
    createKeyStore({ session, local }).set(KEY, 'session');
    expect(session.values()).toEqual([KEY]);
    expect(local.values()).toEqual([]);
    expect(createKeyStore({ session, local }).get()).toBe(KEY);

    const store = createKeyStore({ session, local });
    store.set(KEY, 'local');
    expect(session.values()).toEqual([]); // moved, not copied
    expect(local.values()).toEqual([KEY]);
    expect(createKeyStore({ session, local }).persistence).toBe('local');

    store.clear();
    expect(store.get()).toBeNull();
    expect([...session.values(), ...local.values()]).toEqual([]);
  });

  it('refuses things that are not Anthropic keys, with a clear message', () => {
    const store = createKeyStore({ session: null, local: null });
    expect(() => store.set('hello')).toThrow(/start with "sk-ant-"/);
    expect(() => store.set(PLACEHOLDER_API_KEY)).toThrow(/placeholder/);
    expect(() => store.set('sk-ant-abc def ghi jkl mno')).toThrow(/spaces/);
    expect(() => store.set(KEY, 'session')).toThrow(/sessionStorage/);
  });
});
