/**
 * Which request headers did not come from the cell's own code, for the inspector's "added by …" marks.
 * A cell only ever holds the placeholder key (PLACEHOLDER_API_KEY in src/anthropic-api.ts); in live mode the
 * playground puts the learner's key in its place on the way out (src/live/live-transport.ts), so the credential
 * header the API received was set by the playground. The emulator receives the placeholder itself.
 */
import type { ExchangeRecord } from '../runner/protocol';

export function headerNotes(exchange: ExchangeRecord): Record<string, string> {
  const notes: Record<string, string> = {};
  const headers = exchange.request.headers;
  if (exchange.route === 'live') {
    for (const name of ['x-api-key', 'authorization']) {
      if (name in headers) notes[name] = 'added by the playground: your key, in place of the placeholder the cell sent (shown shortened)';
    }
  } else {
    for (const name of ['x-api-key', 'authorization']) {
      if (name in headers) notes[name] = 'the placeholder key the playground gives cells (the emulator accepts it)';
    }
  }
  for (const name of Object.keys(headers)) {
    if (name.startsWith('x-stainless-')) notes[name] = 'added by the SDK (client telemetry)';
  }
  return notes;
}
