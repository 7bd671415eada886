import { describe, expect, it } from 'vitest';
import { createDebouncedSaver } from '../../src/store/debounced-saver';

function fakeTimers() {
  let now = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  let nextId = 1;
  return {
    setTimer: (callback: () => void, ms: number) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at <= now) {
          timers.delete(id);
          timer.callback();
        }
      }
    },
  };
}

describe('createDebouncedSaver', () => {
  it('writes once after a pause in typing, with the last text', () => {
    const timers = fakeTimers();
    const saved: string[] = [];
    const saver = createDebouncedSaver({ save: (_id, code) => saved.push(code), delayMs: 300, ...timers });
    saver.schedule('c', 'a', 'h');
    timers.advance(200);
    saver.schedule('c', 'ab', 'h');
    timers.advance(200);
    expect(saved).toEqual([]);
    timers.advance(100);
    expect(saved).toEqual(['ab']);
  });

  it('flushes pending saves at once and cancels per cell', () => {
    const timers = fakeTimers();
    const saved: string[] = [];
    const saver = createDebouncedSaver({ save: (id, code) => saved.push(`${id}:${code}`), ...timers });
    saver.schedule('a', '1', 'h');
    saver.schedule('b', '2', 'h');
    saver.cancel('b');
    saver.flush();
    expect(saved).toEqual(['a:1']);
    timers.advance(1000);
    expect(saved).toEqual(['a:1']);
  });
});
