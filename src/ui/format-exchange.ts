/**
 * Pure text formatting for the network inspector: pretty JSON bodies and SSE streams
 * split into events. Kept apart from the element so it is tested in node.
 */

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
 * Splits a `text/event-stream` body into events. A last event without its blank line
 * (the stream is still open or was cut) is included too.
 */
export function parseSse(body: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const block of body.replace(/\r\n?/g, '\n').split(/\n\n+/)) {
    if (block.trim() === '') continue;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue; // comment / keep-alive
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0 || event !== 'message') events.push({ event, data: prettyBody(data.join('\n')) });
  }
  return events;
}

/** `532 ms` / `2.4 s`. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
