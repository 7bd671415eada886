import { describe, expect, it } from 'vitest';
import { lessonHash, routeFromHash, slugFromHash } from '../../src/ui/hash-route';

describe('hash routes', () => {
  it('reads the lesson slug from the hash', () => {
    expect(slugFromHash('#/01-first-request')).toBe('01-first-request');
    expect(slugFromHash('#01-first-request')).toBe('01-first-request');
    expect(slugFromHash('#/04-streaming/')).toBe('04-streaming');
  });

  it('treats an empty hash as the contents', () => {
    expect(slugFromHash('')).toBeUndefined();
    expect(slugFromHash('#')).toBeUndefined();
    expect(slugFromHash('#/')).toBeUndefined();
  });

  it('decodes escapes and survives malformed ones', () => {
    expect(slugFromHash('#/caf%C3%A9')).toBe('café');
    expect(slugFromHash('#/bad%E0%A4%A')).toBe('bad%E0%A4%A');
  });

  it('round-trips with lessonHash', () => {
    expect(slugFromHash(lessonHash('02-message-format'))).toBe('02-message-format');
  });
});

describe('heading deep links', () => {
  it('reads the heading after the second #', () => {
    expect(routeFromHash('#/04-streaming#events-in-order')).toEqual({ slug: '04-streaming', heading: 'events-in-order' });
    expect(routeFromHash('#/04-streaming/#events')).toEqual({ slug: '04-streaming', heading: 'events' });
  });

  it('has no heading without one, or with an empty one', () => {
    expect(routeFromHash('#/04-streaming')).toEqual({ slug: '04-streaming', heading: undefined });
    expect(routeFromHash('#/04-streaming#')).toEqual({ slug: '04-streaming', heading: undefined });
    expect(routeFromHash('#/')).toEqual({ slug: undefined, heading: undefined });
  });

  it('keeps the slug of a deep link for slugFromHash', () => {
    expect(slugFromHash('#/01-first-request#send-it')).toBe('01-first-request');
  });

  it('round-trips with lessonHash', () => {
    expect(routeFromHash(lessonHash('02-message-format', 'roles-and-turns'))).toEqual({ slug: '02-message-format', heading: 'roles-and-turns' });
    expect(lessonHash('02-message-format', 'roles-and-turns')).toBe('#/02-message-format#roles-and-turns');
  });
});
