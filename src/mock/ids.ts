/**
 * Seeded, deterministic ids in the API's formats. Real ids look like `msg_01…`, `toolu_01…`,
 * `req_01…`: a prefix, then `01` and 22 base62 characters (24 characters after the prefix).
 * The same seed gives the same sequence of ids, so a replayed session gets the same responses.
 */
import { sha256, utf8Bytes } from './hash';

/** `msgbatch_` ids look the same (docs: …/api/messages/batches/retrieve shows `msgbatch_013Zva2CMHLNnXjNJJKqJ2EF`). */
export type IdPrefix = 'msg_' | 'toolu_' | 'req_' | 'msgbatch_';

export interface IdGenerator {
  next(prefix: IdPrefix): string;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Characters after the `01` version marker. */
const RANDOM_LENGTH = 22;

export function createIdGenerator(seed: string): IdGenerator {
  let counter = 0;
  return {
    next(prefix) {
      counter += 1;
      // Two digests give 64 bytes, plenty for 22 characters (the tiny modulo bias does not matter here).
      const a = sha256(utf8Bytes(`${seed}\u0000${prefix}\u0000${counter}`));
      const b = sha256(a);
      let body = '';
      for (let i = 0; i < RANDOM_LENGTH; i++) body += BASE62[(i < 32 ? a[i]! : b[i - 32]!) % 62];
      return `${prefix}01${body}`;
    },
  };
}
