/** Header names whose values are credentials. */
const CREDENTIAL_HEADERS = new Set(['x-api-key', 'authorization']);

/**
 * A credential as it may be shown: `sk-ant-…wxyz`. Short values show nothing of themselves, so a
 * redacted form never gives away more than the last 4 of a long key.
 */
export function redactSecret(secret: string): string {
  const prefix = secret.startsWith('sk-ant-') ? 'sk-ant-' : '';
  return secret.length >= 16 ? `${prefix}…${secret.slice(-4)}` : `${prefix}…`;
}

/** `x-api-key: sk-ant-…` and `authorization: Bearer sk-ant-…` values with the credential redacted. */
export function redactHeaderValue(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (!CREDENTIAL_HEADERS.has(lower)) return value;
  const trimmed = value.trim();
  if (lower === 'authorization') {
    const match = /^(\S+\s+)(\S.*)$/.exec(trimmed);
    if (match) return `${match[1]}${redactSecret(match[2]!)}`;
  }
  return redactSecret(trimmed);
}

/** Headers as a plain record (names lower-cased) with credentials redacted. */
export function redactHeaders(headers: Iterable<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) out[name.toLowerCase()] = redactHeaderValue(name, value);
  return out;
}

/**
 * Every occurrence of `secret` in `text` replaced by its redacted form (`ascii`: with `...`, for places
 * such as HTTP header values that only take Latin-1).
 */
export function scrubSecret(text: string, secret: string, ascii = false): string {
  if (secret.length === 0 || !text.includes(secret)) return text;
  const redacted = redactSecret(secret);
  return text.split(secret).join(ascii ? redacted.replace('…', '...') : redacted);
}

/**
 * A byte stream with every occurrence of `secret` redacted, even one split across chunks: the last
 * `secret.length - 1` characters are held back until the next chunk (or the end) decides them.
 */
export function scrubSecretStream(body: ReadableStream<Uint8Array>, secret: string): ReadableStream<Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let held = '';
  const keep = Math.max(0, secret.length - 1);
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        const text = scrubSecret(held + decoder.decode(chunk, { stream: true }), secret);
        const cut = Math.max(0, text.length - keep);
        held = text.slice(cut);
        if (cut > 0) controller.enqueue(encoder.encode(text.slice(0, cut)));
      },
      flush(controller) {
        const text = scrubSecret(held + decoder.decode(), secret);
        if (text.length > 0) controller.enqueue(encoder.encode(text));
      },
    }),
  );
}
