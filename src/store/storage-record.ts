/**
 * Reading and writing one versioned JSON record in a Web Storage area, defensively:
 * storage may be missing, full, disabled, or hold data we did not write (bad JSON,
 * another shape, another version). Such data is never thrown at the page; it is moved
 * aside under a backup key so nothing the learner typed is lost, and reported once.
 */
import { safeParse, type core } from 'zod/mini';

/** Prefix of every key the playground owns. */
export const KEY_PREFIX = 'claude-playground/';
/** Version of the stored shapes; bump when a shape changes incompatibly. */
export const STORAGE_VERSION = 1;
/** Keys of the current version start with this. */
export const VERSIONED_PREFIX = `${KEY_PREFIX}v${STORAGE_VERSION}/`;
/** Unreadable data is moved under this prefix (followed by the original key). */
export const BACKUP_PREFIX = `${KEY_PREFIX}backup/`;

/** Something about stored data the learner should know about (shown as a dismissible notice). */
export interface StorageProblem {
  kind: 'set-aside' | 'write-failed';
  key: string;
  /** Where the unreadable data now lives, for `set-aside`. */
  backupKey?: string;
  reason: string;
}

/**
 * The shape of a record, as a zod schema (zod/mini: the same checks in a fraction of the page's bundle).
 * Each check's own `error` says what is wrong in words a learner can read ("its code is not text");
 * keys the schema does not name (such as `version`) are dropped.
 */
export type RecordShape<T> = core.$ZodType<T>;

export interface RecordAccess {
  storage: Storage | undefined;
  report: (problem: StorageProblem) => void;
}

/** Reads `key`: `undefined` when absent; the parsed record when valid; otherwise sets the data aside. */
export function readRecord<T>(access: RecordAccess, key: string, shape: RecordShape<T>): T | undefined {
  const { storage } = access;
  if (!storage) return undefined;
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return undefined;
  }
  if (raw === null) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    setAside(access, key, raw, 'it is not valid JSON');
    return undefined;
  }
  if (!isObject(parsed) || parsed.version !== STORAGE_VERSION) {
    const version = isObject(parsed) ? parsed.version : undefined;
    setAside(access, key, raw, version === undefined ? 'it has no version' : `it has version ${String(version)}`);
    return undefined;
  }
  const checked = safeParse(shape, parsed);
  if (!checked.success) {
    setAside(access, key, raw, checked.error.issues[0]?.message ?? 'it has another shape');
    return undefined;
  }
  return checked.data;
}

/** Writes `record` (with the current version) under `key`; reports instead of throwing when storage refuses. */
export function writeRecord(access: RecordAccess, key: string, record: object): boolean {
  if (!access.storage) return false;
  try {
    access.storage.setItem(key, JSON.stringify({ ...record, version: STORAGE_VERSION }));
    return true;
  } catch (error) {
    access.report({ kind: 'write-failed', key, reason: describeError(error) });
    return false;
  }
}

export function removeRecord(access: RecordAccess, key: string): void {
  try {
    access.storage?.removeItem(key);
  } catch {
    // A storage that cannot remove cannot hold our data either.
  }
}

/** Every key of the storage area (a snapshot, safe to mutate the storage while iterating). */
export function storageKeys(storage: Storage | undefined): string[] {
  if (!storage) return [];
  const keys: string[] = [];
  try {
    for (let index = 0; index < storage.length; index++) {
      const key = storage.key(index);
      if (key !== null) keys.push(key);
    }
  } catch {
    return [];
  }
  return keys;
}

/** Moves unreadable data under the backup prefix and reports it. */
export function setAside(access: RecordAccess, key: string, raw: string, reason: string): void {
  const backupKey = `${BACKUP_PREFIX}${key}`;
  try {
    access.storage?.setItem(backupKey, raw);
    access.storage?.removeItem(key);
    access.report({ kind: 'set-aside', key, backupKey, reason });
  } catch (error) {
    // Could not back it up: leave the original in place rather than lose it.
    access.report({ kind: 'set-aside', key, reason: `${reason}; it could not be backed up (${describeError(error)})` });
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
