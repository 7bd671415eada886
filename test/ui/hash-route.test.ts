import { describe, expect, it } from 'vitest';
import { lessonHash, slugFromHash } from '../../src/ui/hash-route';

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
