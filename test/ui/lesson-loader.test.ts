import { describe, expect, it } from 'vitest';
import type { CompiledLesson, LessonMeta } from '../../src/lessons/types';
import { LessonLoaderController } from '../../src/ui/lesson-loader';
import { CountingHost } from './counting-host';

const meta = (slug: string, order: number): LessonMeta => ({ slug, title: slug, summary: '', order });
const lessonFor = (slug: string): CompiledLesson => ({ meta: meta(slug, 1), sections: [], outline: [] });

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('LessonLoaderController', () => {
  it('reports an unknown slug as missing without loading anything', () => {
    const host = new CountingHost();
    let loads = 0;
    const loader = new LessonLoaderController(host, () => ({
      lessons: [meta('a', 1)],
      loadLesson: async (slug) => (loads++, lessonFor(slug)),
    }));
    loader.show('nope');
    expect(loader.value).toEqual({ state: 'missing', slug: 'nope' });
    expect(loads).toBe(0);
    loader.show('nope');
    expect(host.updates).toBe(1);
  });

  it('loads a known lesson and lets a later navigation win over a slow load', async () => {
    const host = new CountingHost();
    const pending = new Map([
      ['a', deferred<CompiledLesson>()],
      ['b', deferred<CompiledLesson>()],
    ]);
    const loader = new LessonLoaderController(host, () => ({
      lessons: [meta('a', 1), meta('b', 2)],
      loadLesson: (slug) => pending.get(slug)!.promise,
    }));
    loader.show('a');
    expect(loader.value).toEqual({ state: 'loading', slug: 'a' });
    loader.show('b');
    pending.get('b')!.resolve(lessonFor('b'));
    await Promise.resolve();
    await Promise.resolve();
    expect(loader.value.state).toBe('ready');
    pending.get('a')!.resolve(lessonFor('a'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loader.value).toMatchObject({ state: 'ready', slug: 'b' });
  });

  it('looks a missing slug up again once the lesson list has it, and retries a failed load on request', async () => {
    const host = new CountingHost();
    let lessons: LessonMeta[] = [];
    let fail = true;
    const loader = new LessonLoaderController(host, () => ({
      lessons,
      loadLesson: async (slug) => {
        if (fail) throw new Error('offline');
        return lessonFor(slug);
      },
    }));
    loader.show('a');
    expect(loader.value.state).toBe('missing');
    lessons = [meta('a', 1)];
    loader.show('a');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loader.value).toEqual({ state: 'failed', slug: 'a', message: 'offline' });
    fail = false;
    loader.show('a');
    expect(loader.value.state).toBe('failed');
    loader.show('a', { retry: true });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loader.value.state).toBe('ready');
  });
});
