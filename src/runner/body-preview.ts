/**
 * How much of a request or response body an `ExchangeRecord` keeps. A record is cloned to the network
 * inspector and to the worker (`exchanges`) on every update, and the inspector renders it: a 33 MB body
 * copied and rendered several times froze the page for most of a minute. Past this many bytes the record
 * keeps the start of the body and says how much there was.
 */
export const EXCHANGE_BODY_LIMIT_BYTES = 256 * 1024;

/** The note that ends a cut body (visible in the network inspector and to check code). */
export function truncationNote(totalBytes: number, keptBytes: number): string {
  return `\n… [truncated: ${totalBytes.toLocaleString('en-US')} bytes in total, the first ${keptBytes.toLocaleString('en-US')} shown]`;
}

/** The text of `body` for an ExchangeRecord: whole when small, else its first ~256 KB and a truncation note. */
export function bodyPreview(body: ArrayBuffer | null | undefined, limit = EXCHANGE_BODY_LIMIT_BYTES): string {
  if (!body || body.byteLength === 0) return '';
  if (body.byteLength <= limit) return new TextDecoder().decode(body);
  // `stream: true` holds back a UTF-8 sequence cut at the limit instead of emitting U+FFFD.
  const head = new TextDecoder().decode(new Uint8Array(body, 0, limit), { stream: true });
  return head + truncationNote(body.byteLength, limit);
}

/**
 * Accumulates a streamed body's text up to the limit (the chunks themselves still all go to the cell);
 * `text()` ends with a truncation note once the body went past it.
 */
export class BodyTextCollector {
  private readonly decoder = new TextDecoder();
  private kept = '';
  private keptBytes = 0;
  private totalBytes = 0;

  constructor(private readonly limit = EXCHANGE_BODY_LIMIT_BYTES) {}

  add(chunk: Uint8Array): void {
    this.totalBytes += chunk.byteLength;
    const room = this.limit - this.keptBytes;
    if (room <= 0) return;
    const part = chunk.byteLength <= room ? chunk : chunk.subarray(0, room);
    this.keptBytes += part.byteLength;
    this.kept += this.decoder.decode(part, { stream: true });
  }

  /** The text so far; `final` flushes the decoder (call once, at the end of the body). */
  text(final = false): string {
    if (final && this.totalBytes <= this.limit) this.kept += this.decoder.decode();
    return this.totalBytes > this.limit ? this.kept + truncationNote(this.totalBytes, this.keptBytes) : this.kept;
  }
}
