/** A plain in-memory implementation of the Web Storage interface, for node tests. */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  /** When set, setItem throws like a full or disabled localStorage. */
  failWrites = false;

  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.has(key) ? (this.items.get(key) as string) : null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, String(value));
  }
  /** Every stored value, for asserting what was (or was not) kept. */
  values(): string[] {
    return [...this.items.values()];
  }
  [name: string]: unknown;
}
