/**
 * Saves edits shortly after the learner stops typing (one write per pause, not per key),
 * and immediately when asked (page hidden, before a run) so a crash loses at most ~300 ms.
 */
export interface DebouncedSaver {
  /** Saves `code` for `cellId` after `delayMs` of quiet (replacing a pending save of that cell). */
  schedule(cellId: string, code: string, codeHash: string): void;
  /** Writes every pending save now. */
  flush(): void;
  /** Drops a pending save of one cell (e.g. after a reset). */
  cancel(cellId: string): void;
}

export interface DebouncedSaverOptions {
  save: (cellId: string, code: string, codeHash: string) => void;
  delayMs?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export function createDebouncedSaver(options: DebouncedSaverOptions): DebouncedSaver {
  const delayMs = options.delayMs ?? 300;
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const pending = new Map<string, { code: string; codeHash: string; timer: unknown }>();

  const write = (cellId: string) => {
    const entry = pending.get(cellId);
    if (!entry) return;
    pending.delete(cellId);
    clearTimer(entry.timer);
    options.save(cellId, entry.code, entry.codeHash);
  };

  return {
    schedule(cellId, code, codeHash) {
      const previous = pending.get(cellId);
      if (previous) clearTimer(previous.timer);
      pending.set(cellId, { code, codeHash, timer: setTimer(() => write(cellId), delayMs) });
    },
    flush() {
      for (const cellId of [...pending.keys()]) write(cellId);
    },
    cancel(cellId) {
      const entry = pending.get(cellId);
      if (entry) clearTimer(entry.timer);
      pending.delete(cellId);
    },
  };
}
