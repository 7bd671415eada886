import { describe, expect, it } from 'vitest';
import { createPlaygroundGlobal } from '../../src/runner/worker-globals';

describe('playground global', () => {
  it('forwards emulator controls in emulator mode and refuses them in live mode', async () => {
    let mode: 'emulator' | 'live' = 'emulator';
    const calls: unknown[] = [];
    const playground = createPlaygroundGlobal(
      () => mode,
      async (call) => {
        calls.push(call);
      },
    );
    await playground.emulator.inject({ kind: 'overloaded', count: 1 });
    await playground.emulator.advanceTime(1000);
    expect(calls).toEqual([{ method: 'inject', scenario: { kind: 'overloaded', count: 1 } }, { method: 'advanceTime', ms: 1000 }]);
    expect(() => playground.emulator.advanceTime(-1)).toThrow(/non-negative/);
    mode = 'live';
    expect(playground.mode).toBe('live');
    expect(() => playground.emulator.reset()).toThrow(/only works with the emulator/);
  });
});
