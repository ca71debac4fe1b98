import type { KeyValueStore } from '../../src/lib/local-store.ts';

/** localStorage's interface over a Map, for unit tests of code that keeps reader data. */
export function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, String(v)),
    removeItem: (k) => void data.delete(k),
  };
}
