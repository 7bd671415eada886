/**
 * Page-wide state and services shared by the elements (provided by `<tp-app>` through
 * `services-context.ts`): the learner's stored data, the theme, which backend cells talk
 * to, notices, and the lazily loaded backend switch (emulator/live). Elements subscribe and
 * re-render on change.
 */
import type { BackendMode, BackendSwitch, FaultScenario, KeyStore } from '../backend';
import { createDebouncedSaver, type DebouncedSaver } from '../store/debounced-saver';
import { PlaygroundStore, type StorageProblem } from '../store/playground-store';
import { nextThemeChoice, themeFor, type Theme, type ThemeChoice } from '../store/theme-choice';

export type { BackendMode };

export interface Notice {
  id: string;
  tone: 'info' | 'warning' | 'error';
  text: string;
}

let noticeCounter = 0;

export class PlaygroundServices {
  readonly store: PlaygroundStore;
  readonly saver: DebouncedSaver;
  /** Which backend `fetch('https://api.anthropic.com/…')` in cells reaches. */
  backend: BackendMode = 'emulator';
  notices: Notice[] = [];
  /** Bumped whenever progress changes, so views showing ✓ marks re-render. */
  progressRevision = 0;
  /** Bumped when stored data is cleared, so open cells reload their start state. */
  dataRevision = 0;
  /** The emulator's queued faults (shown by `<tp-pending-faults>`); empty until the emulator is loaded. */
  pendingFaults: readonly FaultScenario[] = [];
  private shownLesson: string | undefined;
  private readonly listeners = new Set<() => void>();
  private router: Promise<BackendSwitch> | undefined;
  private keys: Promise<KeyStore> | undefined;
  private currentThemeChoice: ThemeChoice | undefined;

  constructor(store: PlaygroundStore) {
    this.store = store;
    this.saver = createDebouncedSaver({ save: (cellId, code, hash) => store.saveEdit(cellId, code, hash) });
    for (const problem of store.problems) this.noticeForProblem(problem);
    store.onProblem((problem) => this.noticeForProblem(problem));
  }

  /** Services over the browser's storage (which may be unavailable, e.g. blocked cookies). */
  static fromBrowser(): PlaygroundServices {
    const store = new PlaygroundStore({ local: storageArea('localStorage'), session: storageArea('sessionStorage') });
    store.audit();
    return new PlaygroundServices(store);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  // ── Theme ────────────────────────────────────────────────────────────────

  /** The learner's theme choice (System until they pick Light or Dark). */
  get themeChoice(): ThemeChoice {
    // Kept here too: the choice applies to this page even when storage refuses to remember it.
    this.currentThemeChoice ??= this.store.themeChoice();
    return this.currentThemeChoice;
  }

  /** The theme in effect: the fixed choice, else the system's current one. */
  get theme(): Theme {
    return themeFor(this.themeChoice, systemPrefersDark());
  }

  /** Applies the remembered choice to the page: `data-theme` for a fixed theme, none to follow the system. */
  applyStoredTheme(): void {
    this.currentThemeChoice = this.store.themeChoice();
    this.applyThemeChoice();
  }

  private applyThemeChoice(): void {
    const choice = this.themeChoice;
    if (choice === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = choice;
  }

  setThemeChoice(choice: ThemeChoice): void {
    this.store.setThemeChoice(choice);
    this.currentThemeChoice = choice;
    this.applyThemeChoice();
    this.changed();
  }

  /** The header button: System → Light → Dark → System. */
  cycleThemeChoice(): void {
    this.setThemeChoice(nextThemeChoice(this.themeChoice));
  }

  /**
   * Re-renders subscribers when the system theme changes (the page's colours follow by CSS alone,
   * but labels such as "System (dark)" do not). Returns the unsubscribe function.
   */
  watchSystemTheme(): () => void {
    const query = matchMedia(DARK_SCHEME_QUERY);
    const onChange = () => this.changed();
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }

  // ── Backend ──────────────────────────────────────────────────────────────

  /** The backend switch (emulator + live), loaded on first need; the emulator (and msw) with its first request. */
  apiBackend(): Promise<BackendSwitch> {
    this.router ??= Promise.all([import('../backend'), this.liveKeyStore()]).then(([{ createBackendSwitch }, keys]) => {
      const router = createBackendSwitch({ liveKey: () => keys.get(), confirmOutsideHosts: confirmOutsideHosts });
      router.setMode(this.backend);
      router.pendingFaults.watch((pending) => {
        this.pendingFaults = pending;
        this.changed();
      });
      return router;
    });
    this.router.catch(() => (this.router = undefined));
    return this.router;
  }

  /** Drops the emulator's queued faults (no-op before the backend or the emulator is loaded: nothing is queued). */
  clearPendingFaults(): void {
    void this.router?.then((router) => router.pendingFaults.clear(), () => undefined);
  }

  /**
   * The page now shows `slug` (undefined: the home page). Faults a lesson queued end with it: opening another
   * lesson clears them, so a cell's fault never fails a cell elsewhere (issue 14).
   */
  showingLesson(slug: string | undefined): void {
    if (slug !== this.shownLesson && this.pendingFaults.length > 0) this.clearPendingFaults();
    this.shownLesson = slug;
  }

  /** Where the live key is kept (memory, or this tab's sessionStorage); never in the sandbox. */
  private liveKeyStore(): Promise<KeyStore> {
    this.keys ??= import('../backend').then(({ createKeyStore }) => createKeyStore());
    return this.keys;
  }

  /**
   * Switches cells to the real API. The key stays on the page (never in the sandbox or
   * the URL); with `rememberForTab` it is kept in sessionStorage, otherwise in memory only.
   * Throws a clear error for something that is not an API key.
   */
  async useLiveApi(key: string, rememberForTab: boolean): Promise<void> {
    const keys = await this.liveKeyStore();
    keys.set(key, rememberForTab ? 'session' : 'memory');
    const router = await this.apiBackend();
    router.setMode('live');
    this.backend = 'live';
    this.changed();
  }

  async useEmulator(): Promise<void> {
    const router = await this.apiBackend();
    router.setMode('emulator');
    this.backend = 'emulator';
    this.changed();
  }

  /** Forgets the key everywhere and goes back to the emulator. */
  async forgetLiveKey(): Promise<void> {
    (await this.liveKeyStore()).clear();
    await this.useEmulator();
  }

  /** At start-up: a key remembered for this tab puts the tab back in live mode. */
  async restoreLiveMode(): Promise<void> {
    const keys = await this.liveKeyStore();
    if (!keys.get()) return;
    const router = await this.apiBackend();
    router.setMode('live');
    this.backend = 'live';
    this.changed();
  }

  // ── Progress and data ────────────────────────────────────────────────────

  markPassed(slug: string, exerciseId: string): void {
    this.store.markPassed(slug, exerciseId);
    this.progressRevision++;
    this.changed();
  }

  recordLessonExercises(slug: string, exerciseIds: readonly string[]): void {
    this.store.recordLessonExercises(slug, exerciseIds);
    this.progressRevision++;
    this.changed();
  }

  clearLesson(slug: string): void {
    this.saver.flush();
    this.store.clearLesson(slug);
    this.progressRevision++;
    this.dataRevision++;
    this.changed();
  }

  clearAll(): void {
    this.saver.flush();
    this.store.clearAll();
    this.applyStoredTheme();
    this.progressRevision++;
    this.dataRevision++;
    void this.forgetLiveKey();
    this.changed();
  }

  // ── Notices ──────────────────────────────────────────────────────────────

  notify(tone: Notice['tone'], text: string): void {
    if (this.notices.some((notice) => notice.text === text)) return;
    this.notices = [...this.notices, { id: `notice-${++noticeCounter}`, tone, text }];
    this.changed();
  }

  dismissNotice(id: string): void {
    this.notices = this.notices.filter((notice) => notice.id !== id);
    this.changed();
  }

  private noticeForProblem(problem: StorageProblem): void {
    if (problem.kind === 'set-aside') {
      this.notify(
        'warning',
        `Some saved data could not be read (${problem.reason}) and was set aside` +
          (problem.backupKey ? ` under “${problem.backupKey}” in this site's local storage.` : '.'),
      );
    } else {
      this.notify('warning', `Your edits could not be saved in this browser (${problem.reason}).`);
    }
  }
}

const DARK_SCHEME_QUERY = '(prefers-color-scheme: dark)';

function systemPrefersDark(): boolean {
  return matchMedia(DARK_SCHEME_QUERY).matches;
}

function storageArea(name: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    const area = window[name];
    const probe = 'claude-playground/probe';
    area.setItem(probe, '1');
    area.removeItem(probe);
    return area;
  } catch {
    return undefined;
  }
}

/** Live mode's question before the API contacts another host for the learner (once per host per session). */
async function confirmOutsideHosts({ hosts, fields }: { hosts: string[]; fields: string[] }): Promise<boolean> {
  const { confirmAction } = await import('./tp-confirm-dialog');
  return confirmAction({
    heading: 'Let the API contact another host?',
    message:
      `A cell asks the real API to reach ${hosts.join(', ')} on your behalf (${fields.join(', ')}). ` +
      'The API would send that host requests for you, and for MCP servers, parts of the conversation. ' +
      'Allow it only for hosts you trust. You will be asked again for other hosts, and after a reload.',
    confirmLabel: `Allow for this session`,
    danger: true,
  });
}
