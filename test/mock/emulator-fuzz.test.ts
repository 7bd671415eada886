/**
 * Property-based fuzz test of the emulator (fast-check, seeded and bounded so it is repeatable and quick): every
 * generated request gets a well-formed answer, in the API's error shape when it is an error, in bounded time, and
 * no message names JavaScript internals. The generators are in fuzz-shared.ts; bench/emulator-fuzz.ts runs longer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../src/mock/emulator';
import { fuzzRequest, problemsWith } from './fuzz-shared';

/**
 * The time bound: a hang detector, not a speed figure (speed is measured in bench/), generous for a loaded CI
 * machine. Measured after the answer, because a request that blocks the thread also blocks any timer.
 */
const BOUND_MS = 10_000;

describe('the emulator under generated requests', () => {
  it('answers every request in the API shape, without internals, in bounded time', async () => {
    const emulator = createEmulator({ pacing: 'instant', seed: 'fuzz', now: () => Date.UTC(2026, 10, 24, 8) });
    await fc.assert(
      fc.asyncProperty(fuzzRequest, async (request) => {
        const label = `${request.method} ${request.path} ${(request.body ?? '').slice(0, 120)}`;
        const started = performance.now();
        const response = await emulator.handle(
          new Request(`https://api.anthropic.com${request.path}`, { method: request.method, headers: request.headers, body: request.body }),
        );
        const problems = await problemsWith(response);
        expect(problems, label).toEqual([]);
        expect(performance.now() - started, label).toBeLessThan(BOUND_MS);
      }),
      { seed: 20261204, numRuns: 250, endOnFailure: true },
    );
  }, 300_000);
});
