import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/runner/protocol';
import { OutputBuffer } from '../../src/runner/worker-console';

describe('OutputBuffer', () => {
  it('batches a flood into few messages and caps it, counting what it dropped', () => {
    const messages: { runId: number; events: RunEvent[]; dropped: number }[] = [];
    const buffer = new OutputBuffer((runId, events, dropped) => messages.push({ runId, events, dropped }), {
      maxLines: 5000,
      batchLines: 200,
      flushMs: 16,
    });
    buffer.startRun(7);
    for (let i = 0; i < 100_000; i++) buffer.console('log', [i]);
    buffer.flush();
    const lines = messages.flatMap((m) => m.events);
    expect(lines).toHaveLength(5000);
    expect(lines[4999]).toEqual({ type: 'console', level: 'log', args: [{ kind: 'number', value: '4999' }] });
    expect(messages.at(-1)?.dropped).toBe(95_000);
    expect(messages.length).toBeLessThan(100);
    expect(messages.every((m) => m.runId === 7)).toBe(true);
  });

  it('sends the first line at once, later lines after flushMs, and never drops errors', async () => {
    const messages: RunEvent[][] = [];
    const buffer = new OutputBuffer((_runId, events) => messages.push(events), { maxLines: 1, batchLines: 200, flushMs: 5 });
    buffer.startRun(1);
    buffer.console('info', ['one']);
    buffer.console('info', ['two (dropped)']);
    buffer.event({ type: 'error', error: { name: 'Error', message: 'kept' } });
    // the first line goes out at once; the first dropped line reports the count at once
    expect(messages.map((events) => events.map((e) => e.type))).toEqual([['console'], []]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(messages.flat().map((e) => e.type)).toEqual(['console', 'error']);
  });
});
