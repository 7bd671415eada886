/**
 * Pure text formatting for the network inspector: pretty JSON bodies and SSE streams
 * split into events. Kept apart from the element so it is tested in node.
 */
import { createParser } from 'eventsource-parser';

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
  /** The `data:` lines joined by newlines, pretty-printed when JSON. */
  data: string;
}

/**
 * Splits a `text/event-stream` body into events (with `eventsource-parser`). A last event
 * without its blank line (the stream is still open or was cut) is included too.
 */
export function parseSse(body: string): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createParser({
    onEvent: (message) => events.push({ event: message.event ?? 'message', data: prettyBody(message.data) }),
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
