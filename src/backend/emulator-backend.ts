import type { Emulator, Pacing } from '../mock/emulator';
import type { Backend, EmulatorControls, FaultScenario, PendingFaults } from './backend';

export interface EmulatorBackend extends Backend {
  readonly mode: 'emulator';
  controls(): Promise<EmulatorControls>;
  readonly pendingFaults: PendingFaults;
}

/**
 * The in-page emulator as a `Backend`. Its module (and msw) is imported on the first request or control,
 * not with the page; a failed import is tried again next time.
 */
export function createEmulatorBackend(options: { pacing?: Pacing } = {}): EmulatorBackend {
  let loading: Promise<{ emulator: Emulator; realisticPacing: Pacing }> | undefined;
  let loaded: Emulator | undefined;
  const faultWatchers = new Set<(pending: readonly FaultScenario[]) => void>();
  const load = () => {
    loading ??= import('../mock/emulator').then(({ createEmulator, REALISTIC_PACING }) => {
      const emulator = createEmulator({ browserAccess: 'require-header', ...(options.pacing ? { pacing: options.pacing } : {}) });
      emulator.watchFaults((pending) => faultWatchers.forEach((watcher) => watcher(pending)));
      loaded = emulator;
      return { emulator, realisticPacing: REALISTIC_PACING };
    });
    loading.catch(() => {
      loading = undefined;
    });
    return loading;
  };
  return {
    mode: 'emulator',
    pendingFaults: {
      watch(listener) {
        faultWatchers.add(listener);
        if (loaded) listener(loaded.pendingFaults());
        return () => faultWatchers.delete(listener);
      },
      clear: () => loaded?.clearFaults(),
    },
    async handle(request) {
      return (await load()).emulator.handle(request);
    },
    async controls() {
      const { emulator, realisticPacing } = await load();
      return Object.freeze({
        inject: (scenario) => emulator.inject(scenario),
        clearFaults: () => emulator.clearFaults(),
        pendingFaults: () => emulator.pendingFaults(),
        watchFaults: (listener) => emulator.watchFaults(listener),
        advanceTime: (ms) => emulator.advanceTime(ms),
        setPacing: (pacing) => emulator.setPacing(pacing === 'instant' ? 'instant' : realisticPacing),
        reset: () => emulator.reset(),
      } satisfies EmulatorControls);
    },
  };
}
