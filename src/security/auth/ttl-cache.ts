/** A small in-process cache with expiry, so token checks cost no SQL in steady use. Never the only source of truth. */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  /** Bumped by every invalidation: a load that started before one may have read what it invalidated. */
  private generation = 0;

  /** `ttlMs` may change while running (a shorter one while other replicas cannot reach this one). */
  constructor(private readonly ttlMs: number | (() => number)) {}

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.peek(key);
    if (hit !== undefined) return hit;
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation) this.store(key, value);
    return value;
  }

  /** The cached value, if any and not expired; never loads. */
  peek(key: string): V | undefined {
    const hit = this.entries.get(key);
    return hit && hit.until > Date.now() ? hit.value : undefined;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  delete(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  /** A value known from elsewhere (a write on this replica, an event from another). */
  set(key: string, value: V): void {
    this.generation++;
    this.store(key, value);
  }

  private store(key: string, value: V): void {
    if (this.entries.size > 10_000) this.entries.clear();
    const ttl = typeof this.ttlMs === 'number' ? this.ttlMs : this.ttlMs();
    this.entries.set(key, { value, until: Date.now() + ttl });
  }
}
