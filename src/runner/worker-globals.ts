import { PLACEHOLDER_API_KEY } from '../anthropic-api';
import type { FaultScenario } from '../backend';
import type { PlaygroundCall } from './worker-protocol';

export interface PlaygroundGlobal {
  readonly mode: 'emulator' | 'live';
  readonly emulator: {
    inject(scenario: FaultScenario): Promise<void>;
    advanceTime(ms: number): Promise<void>;
    reset(): Promise<void>;
  };
}

/**
 * The learner-visible `playground` global. Emulator controls are forwarded to the page (the emulator
 * and its state live there, surviving worker restarts); the returned promise settles when it is done.
 * Messages are ordered, so a request sent right after `inject(...)` already meets the fault.
 */
export function createPlaygroundGlobal(
  mode: () => 'emulator' | 'live',
  call: (call: PlaygroundCall) => Promise<void>,
): PlaygroundGlobal {
  const emulatorCall = (name: string, message: PlaygroundCall): Promise<void> => {
    if (mode() === 'live') {
      throw new Error(`playground.emulator.${name}() only works with the emulator; this cell runs in live mode against the real API.`);
    }
    return call(message);
  };
  const emulator = Object.freeze({
    inject: (scenario: FaultScenario) => emulatorCall('inject', { method: 'inject', scenario }),
    advanceTime: (ms: number) => {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
        throw new TypeError('playground.emulator.advanceTime(ms) needs a non-negative number of milliseconds');
      }
      return emulatorCall('advanceTime', { method: 'advanceTime', ms });
    },
    reset: () => emulatorCall('reset', { method: 'reset' }),
  });
  return Object.freeze({
    get mode() {
      return mode();
    },
    emulator,
  });
}

/**
 * Makes the worker look like the browser page a learner would otherwise use: `process.env` with the
 * placeholder key (a plain object, so the SDK does not take the worker for Node) and `window`/`document`
 * shims, so the SDK's browser check fires exactly as in a browser (`dangerouslyAllowBrowser` required).
 */
export function installBrowserLikeGlobals(scope: Record<string, unknown>): void {
  const define = (name: string, value: unknown) =>
    Object.defineProperty(scope, name, { value, writable: true, configurable: true, enumerable: false });
  define('process', { env: { ANTHROPIC_API_KEY: PLACEHOLDER_API_KEY } });
  define('window', scope);
  define('document', noDomDocument());
}

/** `typeof document.x` checks pass; any real use says plainly that there is no DOM here. */
function noDomDocument(): object {
  return new Proxy(
    {},
    {
      get(_target, property) {
        if (typeof property === 'symbol' || property === 'then' || property === 'toJSON') return undefined;
        throw new TypeError(`Cells run in a sandboxed worker without a page: document.${property} is not available here.`);
      },
    },
  );
}
