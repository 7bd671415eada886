/**
 * `stop_sequences`: a list of strings (SDK messages.ts:7797-7807, REF §4). Count/length limits are unverified
 * (REF §9), so none is enforced; a sequence with no non-whitespace character could never be matched
 * meaningfully and the API rejects it (third-party logs), so the emulator does too.
 */
import type { ApiFailure } from '../errors';
import { invalid, typeMessages, type RuleContext } from './util';

export function checkStopSequences(ctx: RuleContext): ApiFailure | null {
  const value = ctx.body.stop_sequences;
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) return invalid(['stop_sequences'], typeMessages.list);
  for (const [index, sequence] of value.entries()) {
    if (typeof sequence !== 'string') return invalid(['stop_sequences', index], typeMessages.string);
    if (sequence.trim() === '') return invalid(['stop_sequences'], 'each stop sequence must contain non-whitespace');
  }
  return null;
}
