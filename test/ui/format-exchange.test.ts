import { describe, expect, it } from 'vitest';
import { formatDuration, parseSse, prettyBody } from '../../src/ui/format-exchange';

describe('prettyBody', () => {
  it('indents JSON and leaves other text alone', () => {
    expect(prettyBody('{"a":1,"b":[true]}')).toBe('{\n  "a": 1,\n  "b": [\n    true\n  ]\n}');
    expect(prettyBody('not json')).toBe('not json');
    expect(prettyBody('{broken')).toBe('{broken');
  });
});

describe('parseSse', () => {
  it('splits events and keeps their names and data', () => {
    const body =
      'event: message_start\ndata: {"type":"message_start"}\n\n' +
      ': keep-alive\n\n' +
      'event: ping\ndata: {"type": "ping"}\n\n' +
      'event: content_block_delta\ndata: {"type":"content_block_delta","delta":{"text":"Hi"}}';
    const events = parseSse(body);
    expect(events.map((event) => event.event)).toEqual(['message_start', 'ping', 'content_block_delta']);
    expect(events[2]?.data).toContain('"text": "Hi"');
  });

  it('joins multi-line data and accepts CRLF', () => {
    expect(parseSse('data: one\r\ndata: two\r\n\r\n')).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });
});

describe('formatDuration', () => {
  it('uses ms below a second and seconds above', () => {
    expect(formatDuration(532.4)).toBe('532 ms');
    expect(formatDuration(2400)).toBe('2.4 s');
    expect(formatDuration(12_345)).toBe('12 s');
  });
});
