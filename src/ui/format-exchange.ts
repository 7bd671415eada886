/**
 * Pure text formatting for the network inspector: pretty JSON bodies and SSE streams
 * split into events. Kept apart from the element so it is tested in node.
 */
import { createParser } from 'eventsource-parser';
import type { ResponseTiming } from '../runner/protocol';

/** Pretty-prints a JSON body; any other text comes back unchanged. */
export function prettyBody(body: string): string {
  const trimmed = body.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return body;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return body;
  }
}

export interface SseEvent {
  /** The `event:` field (`message` when absent, as in the SSE spec). */
  event: string;
  /** The `data:` lines joined by newlines (pretty-printed when JSON, unless parsed with `pretty` false). */
  data: string;
}

/**
 * Splits a `text/event-stream` body into events (with `eventsource-parser`). A last event
 * without its blank line (the stream is still open or was cut) is included too.
 */
export function parseSse(body: string, pretty = true): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createParser({
    onEvent: (message) => events.push({ event: message.event ?? 'message', data: pretty ? prettyBody(message.data) : message.data }),
  });
  parser.feed(body);
  // Ends a last event that has no blank line after it yet.
  parser.feed('\n\n');
  return events;
}

/** `532 ms` / `2.4 s`. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

/** The milestones of a streamed response, in ms from the request's start. */
export interface StreamMilestones {
  firstByteMs?: number;
  /** The first `content_block_delta` event: the first generated token reached the page. */
  firstTokenMs?: number;
  lastEventMs?: number;
  /** All events of the stream, timed or not. */
  eventCount: number;
}

/**
 * Time to first byte, first token and last event. `events` are the parsed events of the recorded body (event
 * i has offset i); the record's offsets cover the first 2,000 events, so a later last event has no time.
 */
export function streamMilestones(events: readonly SseEvent[], timing: ResponseTiming | undefined): StreamMilestones {
  const offsets = timing?.eventOffsetsMs ?? [];
  const firstDelta = events.findIndex((event) => event.event === 'content_block_delta');
  const eventCount = Math.max(events.length, offsets.length + (timing?.untimedEvents ?? 0));
  const lastEventMs = timing?.untimedEvents ? undefined : offsets.at(-1);
  return {
    eventCount,
    ...(timing?.firstByteMs !== undefined ? { firstByteMs: timing.firstByteMs } : {}),
    ...(firstDelta >= 0 && offsets[firstDelta] !== undefined ? { firstTokenMs: offsets[firstDelta] } : {}),
    ...(lastEventMs !== undefined ? { lastEventMs } : {}),
  };
}

/** `+12.5 ms` for an offset from the request's start. */
export function formatOffset(ms: number): string {
  return ms < 1000 ? `+${ms.toFixed(ms < 100 ? 1 : 0)} ms` : `+${(ms / 1000).toFixed(2)} s`;
}
