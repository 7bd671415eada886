/**
 * Short, stable content hash (FNV-1a, 64-bit, as 12 hex digits) for `CellSpec.codeHash`.
 * Pure JavaScript on purpose: the same function gives the same answer at build time and in the browser.
 * Not cryptographic; it only tells whether a saved edit was made against the current cell text.
 */
const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

export function shortHash(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, '0').slice(0, 12);
}
