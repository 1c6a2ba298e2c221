// What screens keep between visits, in the unlocked session's screen memory (gone at lock or
// logout): the value under `key`, made on first use.
export function remembered<T>(screenMemory: Map<string, unknown>, key: string, make: () => T): T {
  if (!screenMemory.has(key)) screenMemory.set(key, make());
  return screenMemory.get(key) as T;
}
