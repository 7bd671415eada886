import { describe, expect, it } from 'vitest';
import { MAX_TIMED_EVENTS, ResponseTimer } from '../../src/runner/sse-timings';
import { parseSse } from '../../src/ui/format-exchange';

const encoder = new TextEncoder();

/** How many events the inspector's parser (eventsource-parser) finds in `text`: offset i belongs to its event i. */
function parsedEventCount(text: string): number {
  return parseSse(text).length;
}

/** Feeds `text` in pieces of `size` bytes, piece i at time 10·(i+1) ms after a start at 0. */
function timeStream(text: string, size: number) {
  const timer = new ResponseTimer(0, 5, true);
  const bytes = encoder.encode(text);
  for (let i = 0; i * size < bytes.length; i += 1) timer.chunk(bytes.subarray(i * size, (i + 1) * size), 10 * (i + 1));
  return timer.timing;
}

const STREAM = [
  'event: message_start\ndata: {"type":"message_start"}\n\n',
  ': a comment block dispatches nothing\n\n',
  'event: ping\r\ndata: {"type": "ping"}\r\n\r\n',
  'event: content_block_delta\ndata: {"type":"content_block_delta","delta":{"text":"data:\\n\\n"}}\n\n',
  'event: only-an-event-line\n\n',
  'data\n\n',
  'event: message_stop\rdata: {"type":"message_stop"}\r\r',
].join('');

describe('ResponseTimer', () => {
  it('counts exactly the events eventsource-parser dispatches, whatever the chunking and line endings', () => {
    const expected = parsedEventCount(STREAM);
    expect(expected).toBe(5);
    for (const size of [1, 2, 3, 7, 64, STREAM.length]) {
      expect(timeStream(STREAM, size).eventOffsetsMs, `chunks of ${size}`).toHaveLength(expected);
    }
  });

  it('gives each event the arrival time of the chunk that ended it, and the first byte its own time', () => {
    const timing = timeStream('data: a\n\ndata: b\n\n', 9); // chunk 1 ends event 1 exactly; chunk 2 ends event 2
    expect(timing).toEqual({ headersMs: 5, firstByteMs: 10, eventOffsetsMs: [10, 20] });
  });

  it(`times the first ${MAX_TIMED_EVENTS} events and counts the rest`, () => {
    const timing = timeStream('data: x\n\n'.repeat(MAX_TIMED_EVENTS + 37), 4096);
    expect(timing.eventOffsetsMs).toHaveLength(MAX_TIMED_EVENTS);
    expect(timing.untimedEvents).toBe(37);
    const offsets = timing.eventOffsetsMs!;
    expect(offsets.every((value, i) => i === 0 || value >= offsets[i - 1]!)).toBe(true);
  });

  it('keeps only header and first-byte times for a body that is not a stream', () => {
    const timer = new ResponseTimer(100, 112.34, false);
    timer.chunk(encoder.encode('{"data":1}\n\n'), 130);
    expect(timer.timing).toEqual({ headersMs: 12.3, firstByteMs: 30 });
  });
});
