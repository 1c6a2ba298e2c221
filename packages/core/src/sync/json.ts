// Value helpers shared by documents and the merge. Field names come from users' data, so maps
// are read through own-property checks only: a field called "__proto__" or "constructor" must
// behave like any other name, never reach Object.prototype.
import type { Json } from './types.ts';

export function hasOwn(map: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(map, key);
}

/** The own value of `key`, or undefined when the map has no such own property. */
export function ownValue<T>(map: Record<string, T>, key: string): T | undefined {
  return hasOwn(map, key) ? map[key] : undefined;
}

/** Assigns an own, enumerable property even for names like "__proto__". */
export function setOwn<T>(map: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * JSON text with object keys sorted: equal for deep-equal values and different otherwise, so
 * comparing it gives a total order on JSON values that no device or key order can influence.
 */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] as Json)}`).join(',')}}`;
}

export function jsonEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  return canonicalJson(a) === canonicalJson(b);
}

/** Plain code-unit order, the same on every JavaScript engine (unlike localeCompare). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
