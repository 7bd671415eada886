import type { ResponseTiming } from './protocol';

/** Past this many events a stream's record keeps only a count of the rest (a record is cloned on every update). */
export const MAX_TIMED_EVENTS = 2000;

const LF = 10;
const CR = 13;
const COLON = 58;
const DATA = [100, 97, 116, 97]; // "data"

/**
 * Times a response for its ExchangeRecord: when the headers and the first body byte arrived and, for a
 * `text/event-stream`, when each event ended, all in ms from the request's start.
 *
 * Events are found by scanning the bytes as they arrive (no decoding, no parsing of the data): an event ends
 * at a blank line after a block that had a `data` field, the rule by which the SSE spec (and eventsource-parser,
 * which the inspector uses to split the same body) dispatches an event. Hand-written because a parser here
 * would decode and copy every event's text once more on the page's thread, for offsets only.
 */
export class ResponseTimer {
  readonly timing: ResponseTiming;
  /** How many bytes of the current line matched "data" so far; -1 once it cannot be a data field. */
  private matched = 0;
  /** The current line is `data:…` (the field name is exactly "data"). */
  private lineIsData = false;
  private lineLength = 0;
  private blockHasData = false;
  private afterCr = false;

  constructor(
    private readonly started: number,
    headersAt: number,
    private readonly streamed: boolean,
  ) {
    this.timing = { headersMs: offset(headersAt, started), ...(streamed ? { eventOffsetsMs: [] } : {}) };
  }

  /** One body chunk, received at `at` (performance.now()). */
  chunk(bytes: Uint8Array, at: number): void {
    if (bytes.byteLength === 0) return;
    this.timing.firstByteMs ??= offset(at, this.started);
    if (!this.streamed) return;
    for (let i = 0; i < bytes.length; i += 1) {
      const byte = bytes[i]!;
      if (byte === LF && this.afterCr) {
        this.afterCr = false; // the LF of a CRLF: that line already ended at the CR
        continue;
      }
      this.afterCr = byte === CR;
      if (byte === LF || byte === CR) {
        this.endLine(at);
        continue;
      }
      this.lineLength += 1;
      if (this.matched < 0 || this.lineIsData) continue;
      if (this.matched < DATA.length) this.matched = byte === DATA[this.matched] ? this.matched + 1 : -1;
      else if (byte === COLON) this.lineIsData = true;
      else this.matched = -1;
    }
  }

  private endLine(at: number): void {
    if (this.lineLength === 0) {
      if (this.blockHasData) this.eventEnded(at);
      this.blockHasData = false;
    } else if (this.lineIsData || this.matched === DATA.length) {
      this.blockHasData = true; // `data:…`, or a bare `data` line (an empty data field)
    }
    this.lineLength = 0;
    this.matched = 0;
    this.lineIsData = false;
  }

  private eventEnded(at: number): void {
    const offsets = this.timing.eventOffsetsMs!;
    if (offsets.length < MAX_TIMED_EVENTS) offsets.push(offset(at, this.started));
    else this.timing.untimedEvents = (this.timing.untimedEvents ?? 0) + 1;
  }
}

/** ms with 0.1 ms resolution (what performance.now() is clamped to in most browsers anyway). */
function offset(at: number, started: number): number {
  return Math.round((at - started) * 10) / 10;
}
