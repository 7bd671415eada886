import { describe, expect, it } from 'vitest';
import type { CompiledLesson, LessonMeta } from '../../src/lessons/types';
import { LessonLoaderController } from '../../src/ui/lesson-loader';
import { CountingHost } from './counting-host';

const meta = (slug: string, title: string, order: number): LessonMeta => ({ slug, title, summary: '', order });
const lesson = (slug: string, title: string): CompiledLesson => ({ meta: meta(slug, title, 1), sections: [], outline: [] });

describe('LessonLoaderController hot updates (dev server)', () => {
  it('replaces the open lesson in place and hands the new index to the host first', async () => {
    const host = new CountingHost();
    const calls: string[] = [];
    let index = [meta('a', 'A', 1), meta('b', 'B', 2)];
    const loader = new LessonLoaderController(
      host,
      () => ({ lessons: index, loadLesson: async (slug) => lesson(slug, 'chunk') }),
      {
        onLessonsChanged: (lessons) => {
          calls.push(`index:${lessons.map((entry) => entry.title).join(',')}:${loader.value.state}`);
          index = lessons;
        },
      },
    );
    loader.show('a');
    await Promise.resolve();
    await Promise.resolve();
    expect(loader.value).toEqual({ state: 'ready', slug: 'a', lesson: lesson('a', 'chunk') });

    const edited = lesson('a', 'A, edited');
    loader.applyHotUpdate({ lessons: [meta('a', 'A, edited', 1), meta('b', 'B', 2)], lesson: edited });
    // The index arrived while the old lesson was still shown, then the lesson was replaced.
    expect(calls).toEqual(['index:A, edited,B:ready']);
    expect(loader.value).toEqual({ state: 'ready', slug: 'a', lesson: edited });
  });

  it('leaves another open lesson alone but serves the update when that lesson is opened later', async () => {
    const host = new CountingHost();
    let chunkLoads = 0;
    const loader = new LessonLoaderController(host, () => ({
      lessons: [meta('a', 'A', 1), meta('b', 'B', 2)],
      loadLesson: async (slug) => (chunkLoads++, lesson(slug, 'chunk')),
    }));
    loader.show('a');
    await Promise.resolve();
    await Promise.resolve();
    const shown = loader.value;
    const editedB = lesson('b', 'B, edited');
    loader.applyHotUpdate({ lessons: [meta('a', 'A', 1), meta('b', 'B, edited', 2)], lesson: editedB });
    expect(loader.value).toBe(shown);

    loader.show('b');
    expect(loader.value).toEqual({ state: 'ready', slug: 'b', lesson: editedB });
    expect(chunkLoads).toBe(1);
  });

  it('turns a failed load of the same lesson into the updated lesson', async () => {
    const host = new CountingHost();
    const loader = new LessonLoaderController(host, () => ({
      lessons: [meta('a', 'A', 1)],
      loadLesson: () => Promise.reject(new Error('lessons/a.md:3: broken')),
    }));
    loader.show('a');
    await Promise.resolve();
    await Promise.resolve();
    expect(loader.value.state).toBe('failed');
    const fixed = lesson('a', 'A, fixed');
    loader.applyHotUpdate({ lessons: [meta('a', 'A, fixed', 1)], lesson: fixed });
    expect(loader.value).toEqual({ state: 'ready', slug: 'a', lesson: fixed });
  });
});
