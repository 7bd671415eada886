import { PLACEHOLDER_API_KEY } from '../anthropic-api';

/** Where the learner's key is kept: this tab's memory (default), the tab's session, or this browser. */
export type KeyPersistence = 'memory' | 'session' | 'local';

export interface KeyStore {
  get(): string | null;
  /** Stores a key; throws a clear error for something that is not an Anthropic API key. */
  set(key: string, persistence?: KeyPersistence): void;
  /** Forgets the key everywhere it was kept. */
  clear(): void;
  readonly persistence: KeyPersistence;
}

const STORAGE_KEY = 'tp.anthropic-api-key';

export interface KeyStoreOptions {
  /** Defaults to `sessionStorage` / `localStorage` when they exist. */
  session?: Storage | null;
  local?: Storage | null;
}

/**
 * The learner's API key for live mode. It lives on the page only (the sandbox never gets it), in
 * memory unless the learner asks to keep it for the session, or explicitly opts in to `localStorage`.
 * A key stored earlier in session/local storage is picked up again on load.
 */
export function createKeyStore(options: KeyStoreOptions = {}): KeyStore {
  const session = options.session === undefined ? storageOrNull('sessionStorage') : options.session;
  const local = options.local === undefined ? storageOrNull('localStorage') : options.local;
  let key: string | null = null;
  let persistence: KeyPersistence = 'memory';

  const fromLocal = read(local);
  const fromSession = read(session);
  if (fromLocal) {
    key = fromLocal;
    persistence = 'local';
  } else if (fromSession) {
    key = fromSession;
    persistence = 'session';
  }

  const forgetStored = () => {
    remove(session);
    remove(local);
  };

  return {
    get: () => key,
    set(value, mode = 'memory') {
      const trimmed = value.trim();
      validateKey(trimmed);
      forgetStored();
      if (mode === 'session') write(session, trimmed, 'sessionStorage');
      if (mode === 'local') write(local, trimmed, 'localStorage');
      key = trimmed;
      persistence = mode;
    },
    clear() {
      forgetStored();
      key = null;
      persistence = 'memory';
    },
    get persistence() {
      return persistence;
    },
  };
}

/** Admin API keys manage an organization (members, workspaces, other keys): far beyond what a course needs. */
export const ADMIN_KEY_PREFIX = 'sk-ant-admin';

/** Throws an error a learner can act on unless `key` looks like an Anthropic API key. */
export function validateKey(key: string): void {
  if (key === PLACEHOLDER_API_KEY) throw new Error('That is the playground placeholder key; paste your own key from console.anthropic.com.');
  if (key.startsWith(ADMIN_KEY_PREFIX)) {
    throw new Error(
      'That is an Admin API key (sk-ant-admin…): it can manage your organization\'s members, workspaces and keys, so the ' +
        'playground never uses one. Create a regular API key in the Claude Console (Settings → API keys) instead.',
    );
  }
  if (!key.startsWith('sk-ant-')) throw new Error('That does not look like an Anthropic API key: keys start with "sk-ant-".');
  if (/\s/.test(key)) throw new Error('An API key has no spaces or line breaks in it: check what was pasted.');
  if (key.length < 20) throw new Error('That key is too short to be an Anthropic API key.');
}

function storageOrNull(name: 'sessionStorage' | 'localStorage'): Storage | null {
  try {
    return (globalThis as unknown as Record<string, Storage | undefined>)[name] ?? null;
  } catch {
    return null; // storage disabled by the browser
  }
}

function read(storage: Storage | null): string | null {
  try {
    return storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function remove(storage: Storage | null): void {
  try {
    storage?.removeItem(STORAGE_KEY);
  } catch {
    // nothing stored there, or storage disabled
  }
}

function write(storage: Storage | null, value: string, name: string): void {
  if (!storage) throw new Error(`This browser does not allow ${name} here; the key stays in memory for this tab.`);
  storage.setItem(STORAGE_KEY, value);
}
