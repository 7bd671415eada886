/**
 * MSW's cookie store reads `localStorage` when it is first evaluated and throws "Failed to create a CookieStore:
 * localStorage is not available" in a Web Worker, where there is none. The emulator never uses cookies, so a tiny
 * in-memory Storage is enough. This module must be imported before `msw` (ES modules evaluate imports in order).
 */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(String(key)) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(String(key));
  }
  setItem(key: string, value: string): void {
    this.items.set(String(key), String(value));
  }
}

const scope = globalThis as { localStorage?: unknown };
let hasStorage = false;
try {
  hasStorage = typeof scope.localStorage !== 'undefined' && scope.localStorage !== null;
} catch {
  hasStorage = false; // some sandboxes throw on access
}
if (!hasStorage) {
  Object.defineProperty(globalThis, 'localStorage', { value: new MemoryStorage(), configurable: true, writable: true });
}

export {};
