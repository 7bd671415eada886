import type { Emulator, Pacing } from '../mock/emulator';
import type { Backend, EmulatorControls } from './backend';

export interface EmulatorBackend extends Backend {
  readonly mode: 'emulator';
  controls(): Promise<EmulatorControls>;
}

/**
 * The in-page emulator as a `Backend`. Its module (and msw) is imported on the first request or control,
 * not with the page; a failed import is tried again next time.
 */
export function createEmulatorBackend(options: { pacing?: Pacing } = {}): EmulatorBackend {
  let loading: Promise<{ emulator: Emulator; realisticPacing: Pacing }> | undefined;
  const load = () => {
    loading ??= import('../mock/emulator').then(({ createEmulator, REALISTIC_PACING }) => ({
      emulator: createEmulator({ browserAccess: 'require-header', ...(options.pacing ? { pacing: options.pacing } : {}) }),
      realisticPacing: REALISTIC_PACING,
    }));
    loading.catch(() => {
      loading = undefined;
    });
    return loading;
  };
  return {
    mode: 'emulator',
    async handle(request) {
      return (await load()).emulator.handle(request);
    },
    async controls() {
      const { emulator, realisticPacing } = await load();
      return Object.freeze({
        inject: (scenario) => emulator.inject(scenario),
        clearFaults: () => emulator.clearFaults(),
        pendingFaults: () => emulator.pendingFaults(),
        advanceTime: (ms) => emulator.advanceTime(ms),
        setPacing: (pacing) => emulator.setPacing(pacing === 'instant' ? 'instant' : realisticPacing),
        reset: () => emulator.reset(),
      } satisfies EmulatorControls);
    },
  };
}
