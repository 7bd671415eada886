/**
 * What the sandbox gives every lesson cell, as ambient declarations: the contract lesson code is
 * type-checked against (test/lessons/typecheck-cells.test.ts) and what Monaco can load as an extra
 * lib (`import globals from '../lessons/sandbox-globals.d.ts?raw'`).
 *
 * A script file on purpose (no import/export), so it declares globals; self-contained, so it works in
 * Monaco without our sources. It is excluded from tsconfig.json: these globals (`process`, `check`,
 * `expect`) must not leak into the app's own code. The typecheck test also checks it against the
 * runner's and emulator's types so the two cannot drift apart.
 */

/** A failure the emulator can be told to produce for the next request(s) (src/mock/emulator.ts `FaultScenario`). */
type PlaygroundFaultScenario =
  | { kind: 'rate_limit'; count?: number; retryAfterSeconds?: number }
  | { kind: 'overloaded'; count?: number }
  | { kind: 'api_error'; count?: number }
  | { kind: 'stream_error'; count?: number; afterEvents?: number; errorType?: 'overloaded_error' | 'api_error' }
  | { kind: 'latency'; count?: number; ms: number }
  | { kind: 'permission'; count?: number }
  | { kind: 'spend_limit'; count?: number };

/** The playground around this notebook. */
declare const playground: {
  /** Which backend `fetch('https://api.anthropic.com/…')` reaches. */
  readonly mode: 'emulator' | 'live';
  /** Controls of the API emulator; each throws in live mode. */
  readonly emulator: {
    /** Makes the next request(s) fail the way the API can. */
    inject(scenario: PlaygroundFaultScenario): Promise<void>;
    /** Moves the emulator's clock forward (cache lifetimes, rate-limit windows). */
    advanceTime(ms: number): Promise<void>;
    /** Forgets caches, rate-limit windows, pending faults and the clock offset. */
    reset(): Promise<void>;
  };
};

/**
 * The sandbox's environment. `ANTHROPIC_API_KEY` always holds a key: a placeholder the emulator
 * accepts, which live mode swaps for the learner's real key on the page, outside the sandbox.
 */
declare const process: {
  readonly env: { readonly ANTHROPIC_API_KEY: string; readonly [name: string]: string | undefined };
};

/** One HTTP exchange (src/runner/protocol.ts `ExchangeRecord`); credentials in headers are redacted. */
interface PlaygroundExchange {
  id: string;
  route: 'emulator' | 'live';
  startedAt: number;
  durationMs?: number;
  request: { method: string; url: string; headers: Record<string, string>; body: string };
  response?: { status: number; headers: Record<string, string>; body: string; streamed: boolean };
  error?: string;
}

/** In exercise checks: the HTTP exchanges the exercise code made in this run (`JSON.parse(request.body)`). */
declare const exchanges: PlaygroundExchange[];

/** Matchers of `expect` (src/runner/expect.ts). Each throws when the expectation fails. */
interface PlaygroundMatchers {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
  toBeTruthy(): void;
  toBeFalsy(): void;
  toContain(item: unknown): void;
  toMatch(pattern: RegExp | string): void;
  toBeGreaterThan(n: number | bigint): void;
  toBeGreaterThanOrEqual(n: number | bigint): void;
  toBeLessThan(n: number | bigint): void;
  toBeLessThanOrEqual(n: number | bigint): void;
  toHaveLength(length: number): void;
  toHaveProperty(path: string | readonly (string | number)[], value?: unknown): void;
  toBeInstanceOf(constructor: abstract new (...args: never[]) => unknown): void;
  toThrow(expected?: string | RegExp | (abstract new (...args: never[]) => unknown)): void;
}

/** In exercise checks: `expect(actual).toBe(expected)`, and `.not` for the opposite. */
declare function expect(actual: unknown): PlaygroundMatchers & { readonly not: PlaygroundMatchers };

/** In exercise checks: declares one named check; `fn` may be async and fails by throwing. */
declare function check(name: string, fn: () => unknown): void;
