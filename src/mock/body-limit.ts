/**
 * The 413 gate, decided before anything else looks at the body.
 *
 * On the direct API the 32 MB limit is enforced in front of the API servers (Cloudflare answers 413 before routing,
 * auth or validation: REF §3, docs: platform.claude.com/docs/en/api/errors), so the emulator decides it from the
 * byte length alone: first the declared `content-length`, else by counting the body's chunks and stopping at the
 * first byte over the limit. Nothing is decoded, parsed or token-counted for an oversized body, which keeps a
 * 33 MB request cheap (the old path decoded and copied it several times, ~1 s in Node).
 */
import { MAX_REQUEST_BYTES } from './validate/size';

export type BodyReadResult =
  | { ok: true; bytes: Uint8Array<ArrayBuffer> }
  | { ok: false; byteLength: number };

/** The declared `content-length` when it is a valid non-negative integer, else null. */
export function declaredLength(headers: Headers): number | null {
  const text = headers.get('content-length');
  if (text === null || !/^\d+$/.test(text.trim())) return null;
  return Number(text.trim());
}

/**
 * Reads the body's bytes unless it is over `limit`; then it stops reading (cancelling the rest) and reports the
 * length seen so far (or the declared one). A request without a body reads as zero bytes.
 */
export async function readBodyWithinLimit(request: Request, limit: number = MAX_REQUEST_BYTES): Promise<BodyReadResult> {
  const declared = declaredLength(request.headers);
  if (declared !== null && declared > limit) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, byteLength: declared };
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  return readStreamWithinLimit(request.body, limit);
}

/**
 * Reads a byte stream whole unless it passes `limit`; then it cancels the rest and reports the length seen so
 * far. Shared by the raw body and its decompressed form (body-encoding.ts). A failing stream rejects.
 */
export async function readStreamWithinLimit(stream: ReadableStream<Uint8Array>, limit: number): Promise<BodyReadResult> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, byteLength: total };
    }
    chunks.push(value);
  }
  if (chunks.length === 1 && chunks[0].buffer instanceof ArrayBuffer && chunks[0].byteLength === chunks[0].buffer.byteLength) {
    return { ok: true, bytes: chunks[0] as Uint8Array<ArrayBuffer> };
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
