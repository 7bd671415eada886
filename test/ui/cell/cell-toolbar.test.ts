import { describe, expect, it } from 'vitest';
import { statusText, type ToolbarView } from '../../../src/ui/cell/cell-toolbar';

const view = (extra: Partial<ToolbarView>): ToolbarView => ({
  phase: 'idle',
  result: undefined,
  executionCount: undefined,
  failedAsExpected: false,
  expectsError: false,
  waitingFor: undefined,
  canReset: false,
  canUndo: false,
  ...extra,
});

describe('statusText', () => {
  it('says what a queued or running cell waits for', () => {
    expect(statusText(view({ phase: 'queued' }))).toBe('Starting the runtime…');
    expect(statusText(view({ phase: 'queued', waitingFor: 3 }))).toBe('Waiting for cell 3 to finish…');
    expect(statusText(view({ phase: 'running' }))).toBe('Running…');
    expect(statusText(view({}))).toBe('');
  });

  it('reports the last run with its time', () => {
    const ok = { status: 'ok' as const, executionCount: 1, durationMs: 12.4 };
    expect(statusText(view({ result: ok }))).toBe('Done in 12 ms');
    expect(statusText(view({ result: { ...ok, durationMs: 2345 } }))).toBe('Done in 2.3 s');
    expect(statusText(view({ result: ok, expectsError: true }))).toBe('Finished in 12 ms, but this cell was meant to fail');
    const error = { ...ok, status: 'error' as const };
    expect(statusText(view({ result: error }))).toBe('Error after 12 ms');
    expect(statusText(view({ result: error, failedAsExpected: true }))).toBe('Failed as expected (12 ms)');
    expect(statusText(view({ result: { ...ok, status: 'timeout' } }))).toBe('Timed out — runtime restarted');
    expect(statusText(view({ result: { ...ok, status: 'stopped' } }))).toBe('Stopped — runtime restarted');
  });
});
