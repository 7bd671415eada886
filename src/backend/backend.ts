/**
 * The one interface behind which the in-page emulator and the real API sit (marimo's bridge pattern: the
 * WASM kernel and the server implement the same requests, so the UI cannot tell them apart). The runner and
 * the UI talk to a `BackendSwitch` only; which implementation answers is chosen in `backend-switch.ts`.
 */
import type { FaultScenario, Pacing } from '../mock/emulator';

export type { FaultScenario, Pacing };

export type BackendMode = 'emulator' | 'live';

/** One answerer of a cell's requests to https://api.anthropic.com: the emulator or the real API. */
export interface Backend {
  readonly mode: BackendMode;
  /** Answers a request like the API does; rejects with a TypeError where a browser's fetch would. */
  handle(request: Request): Promise<Response>;
}

/** How fast the emulator streams: like the API, or everything at once. */
export type PacingChoice = 'realistic' | 'instant';

/** The emulator's own controls (the emulator panel, a cell's `playground.emulator`); the real API has none. */
export interface EmulatorControls {
  /** Makes the next request(s) fail or slow down like the real API can. */
  inject(scenario: FaultScenario): void;
  clearFaults(): void;
  pendingFaults(): readonly FaultScenario[];
  /** Calls `listener` with what is pending after every change. Returns the unsubscribe function. */
  watchFaults(listener: (pending: readonly FaultScenario[]) => void): () => void;
  /** Moves the emulator's clock forward (cache lifetimes, rate-limit windows). */
  advanceTime(ms: number): void;
  setPacing(pacing: PacingChoice): void;
  /** Forgets caches, rate-limit windows, faults and clock offset. */
  reset(): void;
}

/** What the runner and the UI hold: a `Backend` that answers with the emulator or, in live mode, the real API. */
export interface BackendSwitch extends Backend {
  setMode(mode: BackendMode): void;
  /**
   * Sets (or with `undefined` forgets) the learner's key for live mode, kept on the page only. Throws a
   * clear error for something that is not an Anthropic key. Used when no `liveKey` option was given.
   */
  setLiveKey(key: string | undefined): void;
  /** The page's emulator (created, and its module imported, on first use); its state outlives workers and modes. */
  emulator(): Promise<EmulatorControls>;
  /**
   * The emulator's queued faults, watched and cleared without importing the emulator: none can be queued before
   * it loads. The page shows them and clears them when the learner opens another lesson (issue 14).
   */
  readonly pendingFaults: PendingFaults;
}

export interface PendingFaults {
  /** Calls `listener` with the queue after every change, once the emulator is loaded. Returns the unsubscribe. */
  watch(listener: (pending: readonly FaultScenario[]) => void): () => void;
  clear(): void;
}
