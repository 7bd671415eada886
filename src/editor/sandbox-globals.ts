/**
 * Declarations of what the sandbox gives every cell (see the team brief, "What a cell can do"),
 * added to Monaco as an extra lib so completions and hovers know them.
 */
export const SANDBOX_GLOBALS_DTS = `
type PlaygroundFaultScenario =
  | { kind: 'rate_limit'; count?: number; retryAfterSeconds?: number }
  | { kind: 'overloaded'; count?: number }
  | { kind: 'api_error'; count?: number }
  | { kind: 'stream_error'; count?: number; afterEvents?: number; errorType?: 'overloaded_error' | 'api_error' }
  | { kind: 'latency'; count?: number; ms: number };

/** The playground around this notebook. */
declare const playground: {
  /** Which backend \`fetch('https://api.anthropic.com/…')\` reaches. */
  readonly mode: 'emulator' | 'live';
  /** Controls of the API emulator (they throw in live mode). */
  readonly emulator: {
    /** Makes the next request(s) fail the way the API can. */
    inject(scenario: PlaygroundFaultScenario): Promise<void>;
    /** Moves the emulator clock forward (cache lifetimes, rate-limit windows). */
    advanceTime(ms: number): Promise<void>;
    /** Forgets caches, rate-limit windows and pending faults. */
    reset(): Promise<void>;
  };
};

/** Environment of the sandbox. \`ANTHROPIC_API_KEY\` holds a key the emulator accepts. */
declare const process: { readonly env: { readonly ANTHROPIC_API_KEY: string; readonly [name: string]: string | undefined } };

/** One HTTP exchange made by the exercise code in this run. */
interface PlaygroundExchange {
  id: string;
  route: 'emulator' | 'live';
  startedAt: number;
  durationMs?: number;
  request: { method: string; url: string; headers: Record<string, string>; body: string };
  response?: { status: number; headers: Record<string, string>; body: string; streamed: boolean };
  error?: string;
}
/** The HTTP exchanges the exercise code made in this run (available to checks). */
declare const exchanges: PlaygroundExchange[];

interface PlaygroundMatchers {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
  toBeTruthy(): void;
  toBeFalsy(): void;
  toContain(expected: unknown): void;
  toMatch(expected: RegExp | string): void;
  toBeGreaterThan(expected: number): void;
  toBeGreaterThanOrEqual(expected: number): void;
  toBeLessThan(expected: number): void;
  toBeLessThanOrEqual(expected: number): void;
  toHaveLength(expected: number): void;
  toHaveProperty(path: string, value?: unknown): void;
  toBeInstanceOf(expected: abstract new (...args: never[]) => unknown): void;
  toThrow(expected?: RegExp | string): void;
}
/** Exercise checks: \`expect(actual).toBe(expected)\`, with \`.not\`. */
declare function expect(actual: unknown): PlaygroundMatchers & { readonly not: PlaygroundMatchers };
/** Declares one exercise check. */
declare function check(name: string, fn: () => void | Promise<void>): void;
`;
