/**
 * Deep-freezing what `evaluate()` caches by identity, so the cached compilation can never
 * disagree with the objects it was compiled from.
 */

/** Freezes a value and everything reachable through its own data properties; returns it. */
export function deepFreeze<T>(value: T): T {
  const seen = new Set<object>();
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    // An already-frozen array may still hold unfrozen documents: walk it too.
    if (typeof next !== "object" || next === null || seen.has(next)) continue;
    seen.add(next);
    Object.freeze(next);
    for (const key of Reflect.ownKeys(next)) {
      const descriptor = Object.getOwnPropertyDescriptor(next, key);
      if (descriptor !== undefined && "value" in descriptor) pending.push(descriptor.value);
    }
  }
  return value;
}
