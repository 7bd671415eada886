import { describe, expect, it } from 'vitest';
import { BodyTextCollector, bodyPreview } from '../../src/runner/body-preview';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('bodyPreview', () => {
  it('keeps a small body whole', () => {
    expect(bodyPreview(bytes('{"a":1}').buffer as ArrayBuffer)).toBe('{"a":1}');
    expect(bodyPreview(null)).toBe('');
  });

  it('keeps only the start of a big body and says how big it was', () => {
    const body = bytes('x'.repeat(1000)).buffer as ArrayBuffer;
    const preview = bodyPreview(body, 100);
    expect(preview.startsWith('x'.repeat(100) + '\n')).toBe(true);
    expect(preview).not.toContain('x'.repeat(101));
    expect(preview).toContain('truncated: 1,000 bytes in total, the first 100 shown');
  });

  it('never cuts a UTF-8 character in half', () => {
    const body = bytes('a' + 'é'.repeat(100)).buffer as ArrayBuffer; // é is 2 bytes: byte 100 splits one
    const preview = bodyPreview(body, 100);
    expect(preview).not.toContain('\uFFFD');
    expect(preview.startsWith('a' + 'é'.repeat(49) + '\n')).toBe(true);
  });
});

describe('BodyTextCollector', () => {
  it('collects a streamed body whole when it stays under the limit', () => {
    const collector = new BodyTextCollector(100);
    const encoded = bytes('héllo wörld');
    collector.add(encoded.subarray(0, 2)); // splits the é
    collector.add(encoded.subarray(2));
    expect(collector.text(true)).toBe('héllo wörld');
  });

  it('stops growing at the limit and reports the total', () => {
    const collector = new BodyTextCollector(10);
    for (let i = 0; i < 5; i++) collector.add(bytes('0123456789'));
    const text = collector.text(true);
    expect(text.startsWith('0123456789\n')).toBe(true);
    expect(text).toContain('truncated: 50 bytes in total, the first 10 shown');
  });
});
