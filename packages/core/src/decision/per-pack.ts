import type { EffectivePack } from '../layering';

/**
 * Remembers what a function computes from an effective pack and a key (the limits of a kind and
 * action, the origin of a value). An effective pack is immutable, so the answer cannot change; the
 * cache is held by the pack (a WeakMap) and goes when the pack goes.
 */
export function perPack<K, V>(
  compute: (effective: EffectivePack, key: K) => V,
): (effective: EffectivePack, key: K) => V {
  const caches = new WeakMap<EffectivePack, Map<K, V>>();
  return (effective, key) => {
    let cache = caches.get(effective);
    if (cache === undefined) caches.set(effective, (cache = new Map<K, V>()));
    const known = cache.get(key);
    if (known !== undefined || cache.has(key)) return known as V;
    const value = compute(effective, key);
    cache.set(key, value);
    return value;
  };
}
